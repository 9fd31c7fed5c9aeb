import type { Envelope } from '../lock';

/** One signed-in account as stored; with the lock on, `credential` is empty and the credential sealed (null: sealed at the next unlock). */
export interface StoredSession {
  serviceUrl: string;
  credential: string;
  account: string;
  email: string;
  sealedCredential?: Envelope | null;
}

/** storage.local, version 2: every signed-in account and which one the pages show. */
export const SESSIONS_KEY = 'sessions.v2';
/** Version 1: the one session before several accounts; read once, moved into SESSIONS_KEY on the next write. */
export const SESSION_V1_KEY = 'session.v1';

/** Every signed-in account (issue 15), and the key of the one the pages show. */
export interface StoredSessions {
  active: string | null;
  list: StoredSession[];
}

/**
 * One account, across services: the service URL and the account id, as the store's Scope. A
 * URL never holds a space, so the pair cannot be read two ways.
 */
export function accountKey(session: { serviceUrl: string; account: string }): string {
  return `${session.serviceUrl} ${session.account}`;
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return ['serviceUrl', 'credential', 'account', 'email'].every((key) => typeof s[key] === 'string');
}

/**
 * The list as stored under version 2, or the version-1 single session moved into a list of one
 * (made active). Anything unreadable is left out, never guessed at; the first account with a key
 * wins over a later duplicate, and an active key naming no account falls back to the first.
 */
export function migrateSessions(v1: unknown, v2: unknown): StoredSessions {
  if (typeof v2 === 'object' && v2 !== null && Array.isArray((v2 as StoredSessions).list)) {
    const seen = new Set<string>();
    const list = (v2 as StoredSessions).list.filter((s) => {
      if (!isStoredSession(s) || seen.has(accountKey(s))) return false;
      seen.add(accountKey(s));
      return true;
    });
    const wanted = (v2 as StoredSessions).active;
    const active =
      typeof wanted === 'string' && seen.has(wanted) ? wanted : list[0] ? accountKey(list[0]) : null;
    return { active, list };
  }
  if (isStoredSession(v1)) return { active: accountKey(v1), list: [v1] };
  return { active: null, list: [] };
}

/** The sessions in a read of storage.local that asked for SESSIONS_KEY and SESSION_V1_KEY. */
export function storedSessionsOf(stored: Record<string, unknown>): StoredSessions {
  return migrateSessions(stored[SESSION_V1_KEY], stored[SESSIONS_KEY]);
}

/** Every account as the pages show them, the active one first, each without its credential. */
export function shownAccountsOf(sessions: StoredSessions): { session: ShownSession; active: boolean }[] {
  return sessions.list
    .map(({ sealedCredential: _sealed, ...session }) => ({
      session: { ...session, credential: '' },
      active: accountKey(session) === sessions.active,
    }))
    .sort((a, b) => Number(b.active) - Number(a.active));
}

/** The account the pages show, without its credential; null while nobody is signed in. */
export function shownAccountOf(sessions: StoredSessions): ShownSession | null {
  const [first] = shownAccountsOf(sessions);
  return first?.active ? first.session : null;
}

/** A session as a page holds it: where and who; `credential` is always empty. */
export type ShownSession = Omit<StoredSession, 'sealedCredential'>;

/** The account in a few words for the header and menus: its email (or id) and the service's host. */
export function accountLabel(session: { serviceUrl: string; account: string; email: string }): {
  name: string;
  host: string;
} {
  let host = session.serviceUrl;
  try {
    host = new URL(session.serviceUrl).host;
  } catch {
    // Stored URLs were checked at sign-in; an unreadable one is shown as it is.
  }
  return { name: session.email || session.account.slice(0, 12), host };
}
