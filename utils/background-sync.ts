import { browser } from 'wxt/browser';
import { createApiClient } from './api';
import { listTokens, openTokenDb } from './db';
import { withLock } from './lock';
import type { Scope } from './reconcile';
import { clearSession, loadSession } from './session';
import { loadSettings } from './settings';
import { nextRetry, SYNC_LOCK, syncAccount } from './sync';
import { announceChange } from './sync-channel';

export const SYNC_ALARM = 'sync';
export const RETRY_ALARM = 'retry-revokes';
/** Chrome fires alarms no sooner than 30 s from now. https://developer.chrome.com/docs/extensions/reference/api/alarms */
const MIN_ALARM_DELAY_MS = 30_000;
/** When the service cannot be reached at all, look again after this long while revokes wait. */
const OFFLINE_RETRY_MS = 60_000;

/** (Re)creates the periodic sync alarm from the settings. */
export async function scheduleSync(): Promise<void> {
  const { syncMinutes } = await loadSettings();
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === syncMinutes) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: syncMinutes, delayInMinutes: syncMinutes });
}

/**
 * The background's sync: the same engine and lock as the pages, then an alarm for the earliest
 * pending revoke, so the outbox drains with no page open and after the service worker stops.
 */
export async function backgroundSync(now: () => number = Date.now): Promise<void> {
  const session = await loadSession();
  if (!session) return;
  const scope: Scope = { service: session.serviceUrl, account: session.account };
  const db = await openTokenDb();
  try {
    const api = createApiClient({ baseUrl: session.serviceUrl, credential: session.credential });
    const result = await withLock(SYNC_LOCK, () => syncAccount({ api, db, scope, now, random: Math.random }));
    if (!result.ok && result.error.code === 'signed-out') {
      await clearSession();
      return;
    }
    if (result.ok) announceChange(scope);
    const pendingAt = result.ok ? result.value.nextRetryAt : nextRetry(await listTokens(db, scope));
    if (pendingAt === null) await browser.alarms.clear(RETRY_ALARM);
    else {
      const due = result.ok ? pendingAt : Math.max(pendingAt, now() + OFFLINE_RETRY_MS);
      await browser.alarms.create(RETRY_ALARM, { when: Math.max(due, now() + MIN_ALARM_DELAY_MS) });
    }
  } finally {
    db.close();
  }
}
