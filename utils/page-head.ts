import { browser } from 'wxt/browser';
import { SESSION_V1_KEY, SESSIONS_KEY, shownAccountOf, storedSessionsOf } from './account';
import { PENDING_FILL_KEY } from './fill';
import { FIRST_SCREEN_KEY } from './first-screen-key';
import { DB_NAME, type HeadRecord, openExisting, readListEarly, type Scope } from './store';
import { HOLDS_KEY } from './sync';

// A page's first reads, made by its small first script while the rest of its code is still
// loading (issue 14: at 70 KB that takes longer than the reads). No idb, no polyfill, nothing of
// the page's own code: only what the popup reads before it can show an account's tokens.

/** storage.session: the name typed under Create, kept over a sign-in again (issue 18); never a secret. */
export const DRAFT_KEY = 'createDraft';
/**
 * storage.local: the height of a row of the popup's list, measured last time (issue 14), so the
 * next opening's first render has the right window (components/tokens/useVirtualRows.ts). Read
 * with the sessions; never anything about a token. In storage.local, not localStorage: the first
 * use of localStorage in a page waits for the browser, synchronously.
 */
export const ROW_HEIGHT_KEY = 'rowHeight.v2';

/** The row height kept last time, as the first read has it, and the keeper of a new one. */
export function rowHeightMemory(): { kept: Promise<unknown>; keep(height: number): void } {
  return {
    kept: pageHead().local.then((stored) => stored[ROW_HEIGHT_KEY]),
    // A failed write only means the next opening estimates the rows.
    keep: (height) => void browser.storage.local.set({ [ROW_HEIGHT_KEY]: height }).catch(() => {}),
  };
}

export interface PageHead {
  /** storage.local: the sessions, the services' holds and the row height (ROW_HEIGHT_KEY), in one read. */
  local: Promise<Record<string, unknown>>;
  /**
   * storage.session: the draft (DRAFT_KEY), the question a menu or shortcut fill left
   * (PENDING_FILL_KEY), and the popup's kept first screen (FIRST_SCREEN_KEY).
   */
  session: Promise<Record<string, unknown>>;
  /** The database as it is (openExisting); openTokenDb takes it over. */
  db: Promise<IDBDatabase | null>;
  /**
   * The shown account and its list record, read from `db` as soon as it and the sessions are
   * there, without waiting for the page's code (readListEarly). Null: nobody is signed in, or the
   * list could not be read here, and the page reads it the usual way.
   */
  list: Promise<{ scope: Scope; list: HeadRecord } | null>;
}

let head: PageHead | undefined;

/** The page's first reads: started by the first call (the page's first script), the same ones after. */
export function pageHead(): PageHead {
  head ??= firstReads();
  return head;
}

/** Starts the first reads (pageHead keeps the page's one set of them). */
export function firstReads(): PageHead {
  // The database first: its opening is the longer wait, and the first use of `storage` in a page
  // takes a few milliseconds of the main thread (the browser sets up its API) before it is asked.
  const db = openExisting(DB_NAME);
  const local = browser.storage.local.get([SESSIONS_KEY, SESSION_V1_KEY, HOLDS_KEY, ROW_HEIGHT_KEY]);
  const session = browser.storage.session.get([DRAFT_KEY, PENDING_FILL_KEY, FIRST_SCREEN_KEY]);
  // Whoever takes one over handles its failure; these only keep a rejection from going unseen.
  for (const read of [local, session]) read.catch(() => {});
  return { local, session, db, list: shownListEarly(local, db) };
}

function shownListEarly(local: PageHead['local'], db: PageHead['db']): PageHead['list'] {
  return local.then(
    (stored) => {
      const shown = shownAccountOf(storedSessionsOf(stored));
      if (!shown) return null;
      const scope = { service: shown.serviceUrl, account: shown.account };
      return readListEarly(db, scope).then((list) => (list === null ? null : { scope, list }));
    },
    () => null,
  );
}
