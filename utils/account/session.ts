import { browser } from 'wxt/browser';
import { DEFAULT_SERVICE_URL } from '../api';
import type { Envelope } from '../lock';

/** Who is signed in where. Versioned keys: a later shape gets a new key and a migration. */
export interface Session {
  serviceUrl: string;
  credential: string;
  account: string;
  email: string;
}

/** As stored with the lock on: `credential` empty, the credential sealed (null: sealed at the next unlock). */
export type StoredSession = Session & { sealedCredential?: Envelope | null };

const SESSION_KEY = 'session.v1';
const SERVICE_URL_KEY = 'serviceUrl.v1';
/**
 * With the lock on and unlocked, the credential in the clear lives only here, in
 * `storage.session`: memory, never written to disk, emptied when the browser closes, and
 * dropped the moment the lock closes (dropClearCredential).
 */
const CREDENTIAL_KEY = 'credential.v1';

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return ['serviceUrl', 'credential', 'account', 'email'].every((key) => typeof s[key] === 'string');
}

export async function loadStoredSession(): Promise<StoredSession | null> {
  const stored = await browser.storage.local.get(SESSION_KEY);
  const value = stored[SESSION_KEY];
  return isSession(value) ? value : null;
}

/** Who is signed in; `credential` is empty while the lock keeps it sealed (locked). */
export async function loadSession(): Promise<Session | null> {
  const stored = await loadStoredSession();
  if (stored?.credential !== '') return stored;
  const memory = (await browser.storage.session.get(CREDENTIAL_KEY))[CREDENTIAL_KEY];
  return { ...stored, credential: typeof memory === 'string' ? memory : '' };
}

export async function saveSession(session: Session): Promise<void> {
  await browser.storage.local.set({ [SESSION_KEY]: session, [SERVICE_URL_KEY]: session.serviceUrl });
  await browser.storage.session.remove(CREDENTIAL_KEY);
}

/** With the lock on, unlocked: the credential sealed on disk, in the clear in memory only. */
export async function saveSealedSession(session: Session, sealed: Envelope | null): Promise<void> {
  const stored: StoredSession = { ...session, credential: '', sealedCredential: sealed };
  if (session.credential) await browser.storage.session.set({ [CREDENTIAL_KEY]: session.credential });
  await browser.storage.local.set({ [SESSION_KEY]: stored, [SERVICE_URL_KEY]: session.serviceUrl });
}

/** Locking: the credential stays sealed on disk, and nowhere in the clear. */
export async function dropClearCredential(): Promise<void> {
  await browser.storage.session.remove(CREDENTIAL_KEY);
}

/** Forgets the credential only: the service URL and every local token record stay. */
export async function clearSession(): Promise<void> {
  await browser.storage.local.remove(SESSION_KEY);
  await browser.storage.session.remove(CREDENTIAL_KEY);
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
