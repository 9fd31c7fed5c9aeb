import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearSession, type Session, saveSession } from '../../../utils/account/session';
import { saveSettings } from '../../../utils/settings';
import { applyList, requestRevoke } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import { backgroundEngineDeps, periodicSync, RETRY_ALARM } from '../../../utils/sync/background';
import { createEngine } from '../../../utils/sync/engine';
import { isDue, SYNC_ALARM, scheduleSync, syncPeriod } from '../../../utils/sync/schedule';

const MIN = 60_000;
const NOW = 1_800_000_000_000;
const a: Session = { serviceUrl: 'http://svc.test', credential: 'cred-a', account: 'A', email: 'a@x.y' };
const b: Session = { serviceUrl: 'http://svc.test', credential: 'cred-b', account: 'B', email: 'b@x.y' };
const scopeOf = (s: Session) => ({ service: s.serviceUrl, account: s.account });

describe('syncPeriod and isDue', () => {
  it("should tick at the smallest account's interval, or the device's with nobody signed in", () => {
    expect(syncPeriod([60, 5, 30], 15)).toBe(5);
    expect(syncPeriod([60], 15)).toBe(60);
    expect(syncPeriod([], 30)).toBe(30);
  });

  it('should make an account due at the tick nearest the end of its own interval', () => {
    // A 5-minute alarm, a 60-minute account: due from 57.5 minutes on, never at 55.
    expect(isDue(NOW, 60, 5, NOW + 55 * MIN)).toBe(false);
    expect(isDue(NOW, 60, 5, NOW + 57.5 * MIN)).toBe(true);
    // Its own interval, a sync that ended a moment after the tick: the next tick syncs.
    expect(isDue(NOW + 2_000, 15, 15, NOW + 15 * MIN)).toBe(true);
    expect(isDue(null, 60, 5, NOW)).toBe(true);
  });

  it('should sync each account as often as its own interval says over a day of ticks', () => {
    const minutes = { A: 5, B: 30, C: 60 } as const;
    const period = syncPeriod(Object.values(minutes), 15);
    const last: Record<string, number | null> = { A: null, B: null, C: null };
    const syncs: Record<string, number> = { A: 0, B: 0, C: 0 };
    for (let tick = 1; tick <= (24 * 60) / period; tick++) {
      // A sync ends a few seconds after the tick that started it.
      const now = NOW + tick * period * MIN;
      for (const [who, every] of Object.entries(minutes))
        if (isDue(last[who] ?? null, every, period, now)) {
          syncs[who] = (syncs[who] ?? 0) + 1;
          last[who] = now + 3_000;
        }
    }
    expect(syncs).toEqual({ A: 288, B: 48, C: 24 });
  });
});

describe('scheduleSync', () => {
  it('should keep one alarm at the smallest interval of the signed-in accounts, created only when it changes', async () => {
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await scheduleSync();
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(15);
    await saveSession(a);
    await saveSession(b);
    await saveSettings(scopeOf(a), { syncMinutes: 60, clipboardSeconds: 30 });
    await saveSettings(scopeOf(b), { syncMinutes: 30, clipboardSeconds: 30 });
    await scheduleSync();
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(30);
    await scheduleSync();
    await scheduleSync();
    // B signs out: A's hour is the smallest left.
    await clearSession(scopeOf(b));
    await scheduleSync();
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(60);
    expect(create).toHaveBeenCalledTimes(3);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });
});

describe('periodicSync', () => {
  /** Counts list calls per credential. */
  function stubService() {
    const lists: Record<string, number> = {};
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const credential = String(new Headers(init?.headers).get('Authorization')).replace('Bearer ', '');
      const url = String(input);
      if (url.endsWith('/version'))
        return Response.json({ version: '1', commit: 'c', branch: 'b', mode: 'rw' });
      if (url.endsWith('/user/tokens')) {
        lists[credential] = (lists[credential] ?? 0) + 1;
        return Response.json([]);
      }
      return new Response('{"message":"Not Found"}', { status: 404 });
    });
    return lists;
  }

  it('should sync on each tick only the accounts whose own interval has come', async () => {
    await saveSession(a);
    await saveSession(b);
    await saveSettings(scopeOf(a), { syncMinutes: 5, clipboardSeconds: 30 });
    await saveSettings(scopeOf(b), { syncMinutes: 60, clipboardSeconds: 30 });
    const lists = stubService();
    let now = NOW;
    const engine = createEngine(backgroundEngineDeps(() => now));
    // One hour of 5-minute ticks, the first one included.
    for (let tick = 0; tick <= 12; tick++) {
      now = NOW + tick * 5 * MIN;
      await periodicSync(engine, () => now);
    }
    expect(lists).toEqual({ 'cred-a': 13, 'cred-b': 2 });
  });

  it('should skip an account a page synced a moment ago, and try a failing one no more often than its interval', async () => {
    await saveSession(a);
    await saveSession(b);
    await saveSettings(scopeOf(a), { syncMinutes: 30, clipboardSeconds: 30 });
    await saveSettings(scopeOf(b), { syncMinutes: 5, clipboardSeconds: 30 });
    // The popup synced A a minute ago.
    const db = await openTokenDb();
    await applyList(db, scopeOf(a), [], NOW - MIN);
    db.close();
    const calls: string[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (_input, init) => {
      calls.push(String(new Headers(init?.headers).get('Authorization')));
      return new Response('Service Unavailable', { status: 503 });
    });
    const engine = createEngine(backgroundEngineDeps(() => NOW));
    await periodicSync(engine, () => NOW);
    expect(calls.some((c) => c.includes('cred-a'))).toBe(false);
    expect(calls.some((c) => c.includes('cred-b'))).toBe(true);
    // Every sync fails: A is tried at its half-hour marks (30 and 60 minutes), not at every 5-minute tick.
    const ticksWithA: number[] = [];
    for (let tick = 1; tick <= 12; tick++) {
      calls.length = 0;
      await periodicSync(engine, () => NOW + tick * 5 * MIN);
      if (calls.some((c) => c.includes('cred-a'))) ticksWithA.push(tick * 5);
    }
    expect(ticksWithA).toEqual([30, 60]);
  });

  it('should keep the retry alarm for a waiting revoke of an account that is not due', async () => {
    await saveSession(a);
    await saveSession(b);
    await saveSettings(scopeOf(a), { syncMinutes: 60, clipboardSeconds: 30 });
    await saveSettings(scopeOf(b), { syncMinutes: 5, clipboardSeconds: 30 });
    stubService();
    const db = await openTokenDb();
    await applyList(
      db,
      scopeOf(a),
      [{ id: '7', name: 'ci', secret: 's', created: '2026-01-01', hasUploads: false }],
      NOW,
    );
    await requestRevoke(db, scopeOf(a), '7', NOW);
    db.close();
    await periodicSync(createEngine(backgroundEngineDeps(() => NOW)), () => NOW);
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeDefined();
  });
});
