import { browser } from 'wxt/browser';
import { listSessions, onSessionChange } from '../account';
import { loadAccountSettings, onSettingsChange } from '../settings';
import { openTokenDb, readList, type Scope } from '../store';

/**
 * Each account's own sync interval (issue 15) with one alarm: the alarm ticks at the smallest
 * interval of the signed-in accounts, and each tick syncs only the accounts that are due. Pure
 * rules first (syncPeriod, isDue), then the background's adapters (scheduleSync, dueScopes).
 */

export const SYNC_ALARM = 'sync';
/** storage.session: when the background last tried each account (a sync that failed sets no syncedAt). */
const TRIED_KEY = 'backgroundSyncTried.v1';

/** The alarm's period: the smallest interval of the signed-in accounts, else the device-wide one. */
export function syncPeriod(accountMinutes: readonly number[], deviceMinutes: number): number {
  return accountMinutes.length > 0 ? Math.min(...accountMinutes) : deviceMinutes;
}

/**
 * Whether a tick at `now` syncs an account whose interval is `minutes`, last synced or tried at
 * `lastAt` (null: never), the alarm ticking every `periodMinutes`. Due once the interval has passed
 * but for half a period: the tick nearest to the interval's end, not the one after it (a sync ends
 * a little after the tick that started it, so the next tick of a 15-minute account on a 15-minute
 * alarm comes a moment before a full 15 minutes; on a 5-minute alarm, a 60-minute account is
 * synced between 57.5 and 62.5 minutes after its last).
 */
export function isDue(lastAt: number | null, minutes: number, periodMinutes: number, now: number): boolean {
  if (lastAt === null) return true;
  return now - lastAt >= (minutes - periodMinutes / 2) * 60_000;
}

/** (Re)creates the periodic sync alarm at the smallest interval; left alone when it is already that (alarms stay stable). */
export async function scheduleSync(): Promise<void> {
  const scopes = (await listSessions()).map((s) => ({ service: s.serviceUrl, account: s.account }));
  const [device, ...accounts] = await loadAccountSettings([null, ...scopes]);
  const minutes = syncPeriod(
    accounts.map((s) => s.syncMinutes),
    device?.syncMinutes ?? 15,
  );
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === minutes) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: minutes, delayInMinutes: minutes });
}

/** Schedules now, and again whenever an account's interval changes or an account signs in or out. */
export function followSyncSchedule(): void {
  onSettingsChange(() => void scheduleSync());
  onSessionChange(() => void scheduleSync());
  void scheduleSync();
}

const keyOf = (scope: Scope): string => `${scope.service} ${scope.account}`;

/**
 * Of `scopes`, those the periodic alarm syncs at `now` (isDue, from the later of the list's last
 * sync, by any page or the background, and the background's last try), remembering the try.
 */
export async function dueScopes(scopes: readonly Scope[], now: number): Promise<Scope[]> {
  const [device, ...settings] = await loadAccountSettings([null, ...scopes]);
  const period = syncPeriod(
    settings.map((s) => s.syncMinutes),
    device?.syncMinutes ?? 15,
  );
  const tried = ((await browser.storage.session.get(TRIED_KEY))[TRIED_KEY] ?? {}) as Record<string, number>;
  const db = await openTokenDb();
  const synced = await Promise.all(
    scopes.map((scope) => readList(db, scope).then((l) => l.syncedAt)),
  ).finally(() => db.close());
  const due = scopes.filter((scope, i) => {
    const last = Math.max(synced[i] ?? 0, tried[keyOf(scope)] ?? 0) || null;
    return isDue(last, settings[i]?.syncMinutes ?? period, period, now);
  });
  const next = Object.fromEntries(scopes.map((scope) => [keyOf(scope), tried[keyOf(scope)] ?? 0]));
  for (const scope of due) next[keyOf(scope)] = now;
  await browser.storage.session.set({ [TRIED_KEY]: next });
  return due;
}
