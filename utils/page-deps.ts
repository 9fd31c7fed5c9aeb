import { browser } from 'wxt/browser';
import type { AccountDeps } from './account';
import {
  loadAccountStatus,
  loadShownAccount,
  SESSION_V1_KEY,
  SESSIONS_KEY,
  saveAccountStatus,
  sessionEnded,
  shownAccountOf,
  storedSessionsOf,
} from './account';
import { copyText } from './clipboard';
import { framePattern, PENDING_FILL_KEY, type PendingFill, questionFor } from './fill';
import { type AppError, earlyFirst } from './lib';
import { clipboardClient, engineClient, fillClient, unlockClient } from './messages';
import { DRAFT_KEY, type PageHead } from './page-head';
import { loadCopyFormat } from './settings';
import { openTokenDb, readList, type Scope, shownList } from './store';
import { HOLDS_KEY, holdOf, type ServiceHold } from './sync';
import type { TokensDeps } from './tokens';

const sameScope = (a: Scope, b: Scope): boolean => a.service === b.service && a.account === b.account;

const draftOf = (stored: Record<string, unknown>): string =>
  typeof stored[DRAFT_KEY] === 'string' ? stored[DRAFT_KEY] : '';

/** storage.local's holds (utils/sync/quiet.ts) changed: a sync's `/version` answered after it (issue 14). */
function followHold(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && HOLDS_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** The account the pages show, from a read of storage.local that has the sessions. */
const shownIn = (stored: Record<string, unknown>) => shownAccountOf(storedSessionsOf(stored));

/**
 * The shown account's service's hold (issue 18) from a read of storage.local that has the sessions
 * and the holds: the background's record, which a page reads itself rather than ask (issue 14).
 */
function holdIn(stored: Record<string, unknown>): AppError | null {
  const shown = shownIn(stored);
  const holds = stored[HOLDS_KEY] as Record<string, ServiceHold> | undefined;
  return shown ? holdOf(typeof holds === 'object' ? holds?.[shown.serviceUrl] : undefined, Date.now()) : null;
}

/**
 * The question a menu or shortcut fill left for the popup (utils/fill/pending.ts), taken once: it
 * is removed as it is read, and asked only about the account shown (`shown`).
 */
function questionIn(
  session: Record<string, unknown>,
  shown: { serviceUrl: string; account: string } | null,
): PendingFill | null {
  const left = session[PENDING_FILL_KEY];
  if (left === undefined) return null;
  void browser.storage.session.remove(PENDING_FILL_KEY).catch(() => {});
  return questionFor(left, shown, Date.now());
}

/**
 * The frame that shows the list, then the task after it; a hidden page (no frames) waits 100 ms.
 * Whichever comes first resolves it; the other then changes nothing.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(resolve));
  });
}

/**
 * The real adapters behind the tokens model, for the popup and the options page. Kept apart from
 * the connection's (connection-deps.ts): the popup must not carry the API client (size budget).
 */
export function pageTokensDeps(onLocked?: () => void, head?: PageHead): TokensDeps {
  let db: ReturnType<typeof openTokenDb> | undefined;
  const openDb = (): ReturnType<typeof openTokenDb> => {
    db ??= openTokenDb(undefined, head?.db);
    return db;
  };
  const fresh = (scope: Scope): ReturnType<typeof readList> =>
    openDb().then((opened) => readList(opened, scope));
  const local = head?.local;
  return {
    // Pages never read a credential: the background's engine does (issue 11).
    loadSession: earlyFirst(() => local?.then(shownIn) ?? null, loadShownAccount),
    sessionEnded,
    followHold,
    openDb,
    // The shown account's list as the first script read it, once; any other read is made now.
    readList: earlyFirst(
      (scope: Scope) =>
        head?.list.then((early) =>
          early && sameScope(early.scope, scope) ? shownList(scope, early.list) : fresh(scope),
        ) ?? null,
      fresh,
    ),
    engine: engineClient(),
    loadHold: earlyFirst(
      () => local?.then(holdIn) ?? null,
      () => browser.storage.local.get([SESSIONS_KEY, SESSION_V1_KEY, HOLDS_KEY]).then(holdIn),
    ),
    // The background clears the clipboard after the delay of the account whose token this is.
    copyText: (text, scope) => copyText(text, navigator.clipboard, (mark) => clipboardClient()(mark, scope)),
    fill: fillClient(),
    pendingFill: earlyFirst(
      () =>
        head ? Promise.all([head.session, head.local]).then(([s, l]) => questionIn(s, shownIn(l))) : null,
      async () => questionIn(await browser.storage.session.get(PENDING_FILL_KEY), await loadShownAccount()),
    ),
    reveal: unlockClient().reveal,
    onLocked,
    requestFrame: (origin) => browser.permissions.request({ origins: [framePattern(origin)] }),
    // Only the options page chooses the format (it adds saveCopyFormat): the popup carries no writer.
    loadCopyFormat,
    loadDraft: earlyFirst(
      () => head?.session.then(draftOf) ?? null,
      async () => draftOf(await browser.storage.session.get(DRAFT_KEY)),
    ),
    saveDraft: (name) => browser.storage.session.set({ [DRAFT_KEY]: name }),
    painted: afterPaint,
    now: Date.now,
  };
}

/** The account model's adapters: the background's engine and the status cached in storage. */
export function pageAccountDeps(): AccountDeps {
  return {
    loadSession: loadShownAccount,
    engine: engineClient(),
    loadStatus: loadAccountStatus,
    saveStatus: saveAccountStatus,
  };
}
