import { browser } from 'wxt/browser';
import { clearSession, listSessions, loadSession } from '../account';
import { createApiClient } from '../api';
import { loadSettings } from '../settings';
import { listTokens, openTokenDb, type Scope } from '../store';
import type { Engine, EngineDeps } from './engine';
import { nextRetry } from './sync';

export const SYNC_ALARM = 'sync';
export const RETRY_ALARM = 'retry-revokes';
/** Chrome fires alarms no sooner than 30 s from now. https://developer.chrome.com/docs/extensions/reference/api/alarms */
const MIN_ALARM_DELAY_MS = 30_000;
/** When the service cannot be reached at all, look again after this long while revokes wait. */
const OFFLINE_RETRY_MS = 60_000;

/** The engine's adapters in the background: storage, IndexedDB and the service's API. */
export function backgroundEngineDeps(now: () => number = Date.now): EngineDeps {
  return {
    loadSession,
    endSession: (scope) => clearSession(scope),
    openDb: () => openTokenDb(),
    makeApi: (session) => createApiClient({ baseUrl: session.serviceUrl, credential: session.credential }),
    now,
    random: Math.random,
  };
}

/** (Re)creates the periodic sync alarm from the settings. */
export async function scheduleSync(): Promise<void> {
  const { syncMinutes } = await loadSettings();
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === syncMinutes) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: syncMinutes, delayInMinutes: syncMinutes });
}

/**
 * The background's own sync, on an alarm, for every signed-in account in turn (issue 15): the
 * same engine and lock as the pages' calls, each account's work in its own scope, then one alarm
 * for the earliest pending revoke of any account, so every outbox drains with no page open and
 * after the service worker stops.
 */
export async function backgroundSync(engine: Engine, now: () => number = Date.now): Promise<void> {
  let earliest: number | null = null;
  for (const session of await listSessions()) {
    const due = await syncOne(engine, { service: session.serviceUrl, account: session.account }, now);
    if (due !== null) earliest = earliest === null ? due : Math.min(earliest, due);
  }
  if (earliest === null) {
    await browser.alarms.clear(RETRY_ALARM);
    return;
  }
  await browser.alarms.create(RETRY_ALARM, { when: Math.max(earliest, now() + MIN_ALARM_DELAY_MS) });
}

/** One account's sync; when its next waiting revoke is due, or null when none waits (or it cannot run). */
async function syncOne(engine: Engine, scope: Scope, now: () => number): Promise<number | null> {
  const { sync } = await engine.sync({ account: scope });
  // Locked, the credential is sealed: waiting revokes wait for the unlock, whose sync sets the alarm.
  if (!sync || (!sync.ok && (sync.error.code === 'signed-out' || sync.error.code === 'locked'))) return null;
  if (sync.ok) return sync.value.nextRetryAt;
  const pendingAt = await pendingRevokeAt(scope);
  return pendingAt === null ? null : Math.max(pendingAt, now() + OFFLINE_RETRY_MS);
}

async function pendingRevokeAt(scope: Scope): Promise<number | null> {
  const db = await openTokenDb();
  try {
    return nextRetry(await listTokens(db, scope));
  } finally {
    db.close();
  }
}
