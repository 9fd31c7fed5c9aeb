import { browser } from 'wxt/browser';
import { DEFAULT_SERVICE_URL } from './service-url';

/** Who is signed in where. Versioned keys: a later shape gets a new key and a migration. */
export interface Session {
  serviceUrl: string;
  credential: string;
  account: string;
  email: string;
}

const SESSION_KEY = 'session.v1';
const SERVICE_URL_KEY = 'serviceUrl.v1';

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return ['serviceUrl', 'credential', 'account', 'email'].every((key) => typeof s[key] === 'string');
}

export async function loadSession(): Promise<Session | null> {
  const stored = await browser.storage.local.get(SESSION_KEY);
  const value = stored[SESSION_KEY];
  return isSession(value) ? value : null;
}

export async function saveSession(session: Session): Promise<void> {
  await browser.storage.local.set({ [SESSION_KEY]: session, [SERVICE_URL_KEY]: session.serviceUrl });
}

/** Forgets the credential only: the service URL and every local token record stay. */
export async function clearSession(): Promise<void> {
  await browser.storage.local.remove(SESSION_KEY);
}

export async function loadServiceUrl(): Promise<string> {
  const stored = await browser.storage.local.get(SERVICE_URL_KEY);
  const value = stored[SERVICE_URL_KEY];
  return typeof value === 'string' ? value : DEFAULT_SERVICE_URL;
}

export async function saveServiceUrl(url: string): Promise<void> {
  await browser.storage.local.set({ [SERVICE_URL_KEY]: url });
}

/** Calls `listener` when another page signs in or out. Returns the unsubscribe function. */
export function onSessionChange(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && SESSION_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
