import { browser } from 'wxt/browser';
import { SESSION_V1_KEY, SESSIONS_KEY } from './account';
import { copyFormatKeys } from './settings-keys';
import { DB_NAME, type ListRecord, openExisting, readListEarly, type Scope } from './store';

// A page's first reads, made by its small first script while the rest of its code is still
// loading (issue 14: at 70 KB that takes longer than the reads). No idb, no polyfill, nothing of
// the page's own code: only what the popup reads before it can show an account's tokens.

/** storage.session: the name typed under Create, kept over a sign-in again (issue 18); never a secret. */
export const DRAFT_KEY = 'createDraft';
/**
 * localStorage (the extension's pages only): the service and account a page showed last, read
 * synchronously so the list can be read before storage.local answers (issue 14). Never a secret;
 * only a guess, checked against the session before anything is shown.
 */
const SHOWN_KEY = 'shownAccount.v1';

export const shownBefore = {
  read(): Scope | null {
    try {
      const value = JSON.parse(localStorage.getItem(SHOWN_KEY) ?? 'null') as unknown;
      const scope = value as { service?: unknown; account?: unknown } | null;
      return typeof scope?.service === 'string' && typeof scope.account === 'string'
        ? { service: scope.service, account: scope.account }
        : null;
    } catch {
      return null;
    }
  },
  write(scope: Scope | null): void {
    try {
      if (scope) localStorage.setItem(SHOWN_KEY, JSON.stringify(scope));
      else localStorage.removeItem(SHOWN_KEY);
    } catch {
      // No localStorage (a private window's limits): the guess is only a head start.
    }
  },
};

export interface PageHead {
  /** The account the page showed last time (shownBefore), or null. */
  guess: Scope | null;
  /** storage.local: the sessions, and the guessed account's copy format, in one read. */
  local: Promise<Record<string, unknown>>;
  /** storage.session: the draft (DRAFT_KEY). */
  session: Promise<Record<string, unknown>>;
  /** The database as it is (openExisting); openTokenDb takes it over. */
  db: Promise<IDBDatabase | null>;
  /** The guessed account's list record, read from `db` once it is open (readListEarly); null: no guess. */
  list: Promise<ListRecord | undefined | null> | null;
}

let head: PageHead | undefined;

/** The page's first reads: started by the first call (the page's first script), the same ones after. */
export function pageHead(): PageHead {
  if (head) return head;
  const guess = shownBefore.read();
  const keys = [SESSIONS_KEY, SESSION_V1_KEY, ...(guess ? copyFormatKeys(guess) : [])];
  const db = openExisting(DB_NAME);
  head = {
    guess,
    local: browser.storage.local.get(keys),
    session: browser.storage.session.get(DRAFT_KEY),
    db,
    list: guess ? readListEarly(db, guess) : null,
  };
  // Whoever takes one over handles its failure; these only keep a rejection from going unseen.
  for (const read of [head.local, head.session]) read.catch(() => {});
  return head;
}
