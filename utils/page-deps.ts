import { browser } from 'wxt/browser';
import { copyText } from './clipboard';
import { openTokenDb } from './db';
import { framePattern } from './fill-frames';
import { engineClient, fillClient, lockClient, pendingFillClient } from './messages';
import { loadSession } from './session';
import type { TokensDeps } from './tokens-model';

/**
 * The real adapters behind the tokens model, for the popup and the options page. Kept apart from
 * the connection's (connection-deps.ts): the popup must not carry the API client (size budget).
 */
export function pageTokensDeps(onLocked?: () => void): TokensDeps {
  let db: ReturnType<typeof openTokenDb> | undefined;
  return {
    loadSession,
    openDb: () => {
      db ??= openTokenDb();
      return db;
    },
    engine: engineClient(),
    copyText: (text) => copyText(text),
    fill: fillClient(),
    pendingFill: pendingFillClient(),
    reveal: lockClient().reveal,
    onLocked,
    requestFrame: (origin) => browser.permissions.request({ origins: [framePattern(origin)] }),
    now: Date.now,
  };
}
