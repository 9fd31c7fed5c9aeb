import { browser } from 'wxt/browser';
import { cachedLoadSession, endSession, listSessions } from '../account';
import { createApiClient } from '../api';
import { keptTokenDb, openTokenDb, readList, type Scope } from '../store';
import type { Engine, EngineDeps } from './engine';
import { HOLDS_KEY, type HoldStore, type ServiceHold } from './quiet';
import { dueScopes } from './schedule';
import { nextRetry } from './sync';

export const RETRY_ALARM = 'retry-revokes';
/** Chrome fires alarms no sooner than 30 s from now. https://developer.chrome.com/docs/extensions/reference/api/alarms */
const MIN_ALARM_DELAY_MS = 30_000;
/** When the service cannot be reached at all, look again after this long while revokes wait. */
const OFFLINE_RETRY_MS = 60_000;
/** While the service is read-only for maintenance, the background asks `/version` again this often. */
export const MAINTENANCE_RECHECK_MS = 60_000;

/** The holds in storage.local, so a service worker started again (or the browser) keeps to a wait. */
export function storageHolds(): HoldStore {
  return {
    async load() {
      const stored = (await browser.storage.local.get(HOLDS_KEY))[HOLDS_KEY];
      return typeof stored === 'object' && stored !== null ? (stored as Record<string, ServiceHold>) : {};
    },
    save: (holds) => browser.storage.local.set({ [HOLDS_KEY]: holds }),
  };
}

/** The engine's adapters in the background: storage, IndexedDB and the service's API. */
export function backgroundEngineDeps(now: () => number = Date.now): EngineDeps {
  return {
    loadSession: cachedLoadSession(),
    endSession,
    // One connection for every call (issue 14): a sync or a fill does not wait to open it.
    openDb: keptTokenDb(),
    makeApi: (session) => createApiClient({ baseUrl: session.serviceUrl, credential: session.credential }),
    now,
    random: Math.random,
    holds: storageHolds(),
  };
}

/**
 * The background's own sync, on an alarm, for every signed-in account in turn (issue 15): the
 * same engine and lock as the pages' calls, each account's work in its own scope, then one alarm
 * for the earliest pending revoke of any account, so every outbox drains with no page open and
 * after the service worker stops. `only`: sync just these accounts (the periodic alarm's due
 * ones); the others' waiting revokes still count for the retry alarm.
 */
export async function backgroundSync(
  engine: Engine,
  now: () => number = Date.now,
  only?: readonly Scope[],
): Promise<void> {
  let earliest: number | null = null;
  for (const session of await listSessions()) {
    const scope = { service: session.serviceUrl, account: session.account };
    const picked = !only || only.some((s) => s.service === scope.service && s.account === scope.account);
    const due = picked ? await syncOne(engine, scope, now) : await pendingRevokeAt(scope);
    if (due !== null) earliest = earliest === null ? due : Math.min(earliest, due);
  }
  if (earliest === null) {
    await browser.alarms.clear(RETRY_ALARM);
    return;
  }
  await browser.alarms.create(RETRY_ALARM, { when: Math.max(earliest, now() + MIN_ALARM_DELAY_MS) });
}

/**
 * One account's sync; when to try it again: its next waiting revoke, a read-only service's
 * re-check (issue 18), never before a rate limit's wait is over; null when nothing waits (or it
 * cannot run).
 */
async function syncOne(engine: Engine, scope: Scope, now: () => number): Promise<number | null> {
  const { sync, hold } = await engine.sync({ account: scope });
  // Locked, the credential is sealed: waiting revokes wait for the unlock, whose sync sets the alarm.
  if (!sync || (!sync.ok && (sync.error.code === 'signed-out' || sync.error.code === 'locked'))) return null;
  const pendingAt = sync.ok ? sync.value.nextRetryAt : await pendingRevokeAt(scope);
  // A read-only service is asked again soon, so the write buttons come back by themselves (issue 18).
  const recheckAt = hold?.code === 'maintenance' ? now() + MAINTENANCE_RECHECK_MS : null;
  if (pendingAt === null && recheckAt === null) return null;
  let due = pendingAt === null ? Number.POSITIVE_INFINITY : pendingAt;
  if (!sync.ok) due = Math.max(due, now() + OFFLINE_RETRY_MS);
  // Never before a rate limit's wait is over: the engine would not ask the service anyway.
  return Math.max(Math.min(due, recheckAt ?? Number.POSITIVE_INFINITY), hold?.retryAt ?? 0);
}

/** The periodic alarm's round: only the accounts whose own interval has come (schedule.ts). */
export async function periodicSync(engine: Engine, now: () => number = Date.now): Promise<void> {
  const scopes = (await listSessions()).map((s) => ({ service: s.serviceUrl, account: s.account }));
  await backgroundSync(engine, now, await dueScopes(scopes, now()));
}

async function pendingRevokeAt(scope: Scope): Promise<number | null> {
  const db = await openTokenDb();
  try {
    return nextRetry((await readList(db, scope)).tokens);
  } finally {
    db.close();
  }
}
