import { browser } from 'wxt/browser';
import { DEFAULT_SERVICE_URL } from '../api';
import type { Envelope } from '../lock';
import type { Scope } from '../store';
import {
  accountKey,
  SESSION_V1_KEY,
  SESSIONS_KEY,
  type StoredSession,
  type StoredSessions,
  shownAccountOf,
  shownAccountsOf,
  storedSessionsOf,
} from './sessions';

/** Who is signed in where: one signed-in account (see sessions.ts for the list of them). */
export interface Session {
  serviceUrl: string;
  credential: string;
  account: string;
  email: string;
}

export type { StoredSession } from './sessions';

const SERVICE_URL_KEY = 'serviceUrl.v1';
/**
 * storage.local: the account whose session the service ended last (a 401, issue 18), until the
 * next sign-in. A page opened later says the session ended, not merely that nobody is signed in.
 * A scope, never a credential.
 */
const ENDED_KEY = 'sessionEnded.v1';
/**
 * With the lock on and unlocked, the credentials in the clear live only here, in
 * `storage.session`, keyed by account: memory, never written to disk, emptied when the browser
 * closes, and dropped the moment the lock closes (dropClearCredential). Version 1 held one.
 */
const CREDENTIAL_V1_KEY = 'credential.v1';
const CREDENTIALS_KEY = 'credentials.v2';

/** The stored list, a version-1 session moved in (migrateSessions). */
export async function loadStoredSessions(): Promise<StoredSessions> {
  return storedSessionsOf(await browser.storage.local.get([SESSIONS_KEY, SESSION_V1_KEY]));
}

async function writeSessions(next: StoredSessions): Promise<void> {
  written += 1;
  await browser.storage.local.set({ [SESSIONS_KEY]: next });
  await browser.storage.local.remove(SESSION_V1_KEY);
}

/** The credentials in the clear in memory (lock on, unlocked), by account key. */
async function clearCredentials(sessions: StoredSessions): Promise<Record<string, string>> {
  const stored = await browser.storage.session.get([CREDENTIALS_KEY, CREDENTIAL_V1_KEY]);
  const map = stored[CREDENTIALS_KEY];
  const result: Record<string, string> = {};
  const v1 = stored[CREDENTIAL_V1_KEY];
  if (typeof v1 === 'string' && sessions.active) result[sessions.active] = v1;
  if (typeof map === 'object' && map !== null)
    for (const [key, value] of Object.entries(map)) if (typeof value === 'string') result[key] = value;
  return result;
}

async function writeCredentials(map: Record<string, string>): Promise<void> {
  written += 1;
  if (Object.keys(map).length > 0) await browser.storage.session.set({ [CREDENTIALS_KEY]: map });
  else await browser.storage.session.remove(CREDENTIALS_KEY);
  await browser.storage.session.remove(CREDENTIAL_V1_KEY);
}

/** The active account as stored (`credential` empty while the lock keeps it sealed). */
export async function loadStoredSession(): Promise<StoredSession | null> {
  const sessions = await loadStoredSessions();
  return sessions.list.find((s) => accountKey(s) === sessions.active) ?? null;
}

/** Every signed-in account with its credential (empty while the lock keeps it sealed), active first. */
export async function listSessions(): Promise<Session[]> {
  return (await loadSessionsWithActive()).all;
}

async function loadSessionsWithActive(): Promise<{ all: Session[]; active: string | null }> {
  const sessions = await loadStoredSessions();
  const memory = await clearCredentials(sessions);
  const all = sessions.list.map(({ sealedCredential: _, ...s }) => ({
    ...s,
    credential: s.credential || memory[accountKey(s)] || '',
  }));
  const isActive = (s: Session): number => Number(accountKey(s) === sessions.active);
  return { all: all.sort((a, b) => isActive(b) - isActive(a)), active: sessions.active };
}

/** The account of `scope`, or the active one; `credential` is empty while the lock keeps it sealed. */
export async function loadSession(scope?: Scope): Promise<Session | null> {
  return pick(await loadSessionsWithActive(), scope);
}

function pick({ all, active }: { all: Session[]; active: string | null }, scope?: Scope): Session | null {
  if (!scope) return all.find((s) => accountKey(s) === active) ?? null;
  return all.find((s) => s.serviceUrl === scope.service && s.account === scope.account) ?? null;
}

/** Writes of sessions or credentials made in this context (a lock closing, a 401): a cache drops at once. */
let written = 0;

/**
 * `loadSession` for the background, which asks it before every call to the service (issue 14):
 * read once and kept until the sessions or credentials change, here (at once) or in another page
 * (storage.onChanged). A read that overlapped a change is used once, never kept.
 */
export function cachedLoadSession(): (scope?: Scope) => Promise<Session | null> {
  let cache: ReturnType<typeof loadSessionsWithActive> | null = null;
  let seen = written;
  browser.storage.onChanged.addListener((changes, area) => {
    const keys = area === 'local' ? [SESSIONS_KEY, SESSION_V1_KEY] : [CREDENTIALS_KEY, CREDENTIAL_V1_KEY];
    if (keys.some((key) => key in changes)) cache = null;
  });
  return async (scope) => {
    if (seen !== written) cache = null;
    if (cache) return pick(await cache, scope);
    seen = written;
    const read = loadSessionsWithActive();
    cache = read;
    read.catch(() => {
      if (cache === read) cache = null;
    });
    return pick(await read, scope);
  };
}

/**
 * The shown account as a page needs it: where and who, never the credential (`credential` is
 * empty). One read of storage.local, where loadSession also asks storage.session (issue 14).
 */
export async function loadShownAccount(): Promise<Session | null> {
  return shownAccountOf(await loadStoredSessions());
}

/**
 * Every signed-in account as the pages show them, the active one first, each without its
 * credential: storage.local only (issue 14; the switcher needs no secret, sign-out reads its own).
 */
export async function listShownAccounts(): Promise<{ session: Session; active: boolean }[]> {
  return shownAccountsOf(await loadStoredSessions());
}

/** The scope of the account the pages show, or null while nobody is signed in (no credential read). */
export async function shownScope(): Promise<Scope | null> {
  const shown = await loadShownAccount();
  return shown && { service: shown.serviceUrl, account: shown.account };
}

/** Adds or replaces `session` (same service and account) and, unless told not to, makes it the active one. */
async function putSession(stored: StoredSession, clear: string | null, activate: boolean): Promise<void> {
  const sessions = await loadStoredSessions();
  const key = accountKey(stored);
  const memory = await clearCredentials(sessions);
  if (clear) memory[key] = clear;
  else delete memory[key];
  const list = [...sessions.list.filter((s) => accountKey(s) !== key), stored];
  await writeCredentials(memory);
  await writeSessions({ active: activate || !sessions.active ? key : sessions.active, list });
  await browser.storage.local.set({ [SERVICE_URL_KEY]: stored.serviceUrl });
  await browser.storage.local.remove(ENDED_KEY);
}

export async function saveSession(session: Session, { activate = true } = {}): Promise<void> {
  await putSession(session, null, activate);
}

/** With the lock on, unlocked: the credential sealed on disk, in the clear in memory only. */
export async function saveSealedSession(
  session: Session,
  sealed: Envelope | null,
  { activate = true } = {},
): Promise<void> {
  await putSession(
    { ...session, credential: '', sealedCredential: sealed },
    session.credential || null,
    activate,
  );
}

/** Makes the account of `scope` the one the pages show; false when it is not signed in. */
export async function switchSession(scope: Scope): Promise<boolean> {
  const sessions = await loadStoredSessions();
  const key = accountKey({ serviceUrl: scope.service, account: scope.account });
  if (!sessions.list.some((s) => accountKey(s) === key)) return false;
  await writeSessions({ ...sessions, active: key });
  return true;
}

/** Locking: every credential stays sealed on disk, and nowhere in the clear. */
export async function dropClearCredential(): Promise<void> {
  written += 1;
  await browser.storage.session.remove([CREDENTIALS_KEY, CREDENTIAL_V1_KEY]);
}

/**
 * Forgets the credential of `scope`'s account (the active one when absent; every one with
 * `all`): the service URL and every local token record stay. Another account becomes active.
 */
export async function clearSession(scope?: Scope | 'all'): Promise<void> {
  // Signed out here: a page no longer says that the service ended a session.
  await browser.storage.local.remove(ENDED_KEY);
  await dropSession(scope);
}

async function dropSession(scope?: Scope | 'all'): Promise<void> {
  const sessions = await loadStoredSessions();
  const gone =
    scope === 'all'
      ? null
      : scope
        ? accountKey({ serviceUrl: scope.service, account: scope.account })
        : sessions.active;
  const list = gone === null ? [] : sessions.list.filter((s) => accountKey(s) !== gone);
  const memory = await clearCredentials(sessions);
  for (const key of Object.keys(memory)) if (key === gone || gone === null) delete memory[key];
  const first = list[0] ? accountKey(list[0]) : null;
  const active = list.some((s) => accountKey(s) === sessions.active) ? sessions.active : first;
  await writeCredentials(memory);
  await writeSessions({ active, list });
}

/**
 * The service ended `scope`'s session (a 401): its credential is forgotten, its data kept, and the
 * end is remembered first, so a page that repaints on the change already knows why.
 */
export async function endSession(scope: Scope): Promise<void> {
  await browser.storage.local.set({ [ENDED_KEY]: { service: scope.service, account: scope.account } });
  await dropSession(scope);
}

/** Whether the last session to go was ended by the service (endSession), not by a sign-out here. */
export async function sessionEnded(): Promise<boolean> {
  const ended = (await browser.storage.local.get(ENDED_KEY))[ENDED_KEY];
  return typeof ended === 'object' && ended !== null;
}

export async function loadServiceUrl(): Promise<string> {
  const stored = await browser.storage.local.get(SERVICE_URL_KEY);
  const value = stored[SERVICE_URL_KEY];
  return typeof value === 'string' ? value : DEFAULT_SERVICE_URL;
}

export async function saveServiceUrl(url: string): Promise<void> {
  await browser.storage.local.set({ [SERVICE_URL_KEY]: url });
}

/** Calls `listener` when another page signs in or out, or switches account. Returns the unsubscribe function. */
export function onSessionChange(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && (SESSIONS_KEY in changes || SESSION_V1_KEY in changes)) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
