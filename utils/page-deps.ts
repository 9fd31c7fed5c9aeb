import { browser } from 'wxt/browser';
import type { AccountDeps } from './account';
import { loadAccountStatus, loadShownAccount, saveAccountStatus } from './account';
import { copyText } from './clipboard';
import { framePattern } from './fill';
import { clipboardClient, engineClient, fillClient, pendingFillClient, unlockClient } from './messages';
import { loadCopyFormat } from './settings';
import { openTokenDb } from './store';
import type { TokensDeps } from './tokens';

/** storage.session: the name typed under Create, kept over a sign-in again (issue 18); never a secret. */
const DRAFT_KEY = 'createDraft';
/**
 * localStorage (the extension's pages only): the service and account a page showed last, read
 * synchronously so the list can be read before storage.local answers (issue 14). Never a secret;
 * only a guess, checked against the session before anything is shown.
 */
const SHOWN_KEY = 'shownAccount.v1';

const shownBefore: NonNullable<TokensDeps['shownBefore']> = {
  read() {
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
  write(scope) {
    try {
      if (scope) localStorage.setItem(SHOWN_KEY, JSON.stringify(scope));
      else localStorage.removeItem(SHOWN_KEY);
    } catch {
      // No localStorage (a private window's limits): the guess is only a head start.
    }
  },
};

/**
 * The real adapters behind the tokens model, for the popup and the options page. Kept apart from
 * the connection's (connection-deps.ts): the popup must not carry the API client (size budget).
 */
export function pageTokensDeps(onLocked?: () => void): TokensDeps {
  let db: ReturnType<typeof openTokenDb> | undefined;
  return {
    // Pages never read a credential: the background's engine does (issue 11).
    loadSession: loadShownAccount,
    openDb: () => {
      db ??= openTokenDb();
      return db;
    },
    engine: engineClient(),
    // The background clears the clipboard after the delay of the account whose token this is.
    copyText: (text, scope) => copyText(text, navigator.clipboard, (mark) => clipboardClient()(mark, scope)),
    fill: fillClient(),
    pendingFill: pendingFillClient(),
    reveal: unlockClient().reveal,
    onLocked,
    requestFrame: (origin) => browser.permissions.request({ origins: [framePattern(origin)] }),
    // Only the options page chooses the format (it adds saveCopyFormat): the popup carries no writer.
    loadCopyFormat,
    loadDraft: async () => {
      const draft = (await browser.storage.session.get(DRAFT_KEY))[DRAFT_KEY];
      return typeof draft === 'string' ? draft : '';
    },
    saveDraft: (name) => browser.storage.session.set({ [DRAFT_KEY]: name }),
    shownBefore,
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
