import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../utils/lib/result';
import { backoffMs, createQuiet, memoryHolds, SUNSET_RECHECK_MS } from '../../../utils/sync/quiet';

const SERVICE = 'http://127.0.0.1:8787';
const limited = (retryAfterMs?: number): AppError => ({ code: 'rate-limited', message: 'm', retryAfterMs });

describe('createQuiet', () => {
  it('should hold every call to the service for exactly the Retry-After it gave', async () => {
    const quiet = createQuiet();
    const told = await quiet.note(SERVICE, limited(12_000), 1000, () => 0.9);
    expect(told).toMatchObject({ code: 'rate-limited', retryAt: 13_000, retryAfterMs: 12_000 });
    expect(told?.message).toContain('0:12');
    expect(await quiet.check(SERVICE, 12_999)).toMatchObject({ retryAt: 13_000, retryAfterMs: 1 });
    expect(await quiet.check(SERVICE, 13_000)).toBeNull();
    expect(await quiet.check('http://other.example', 2000)).toBeNull();
  });

  it.each([0, 0.5, 0.999])(
    'should back off from 30 s, doubling, with jitter (random %s), when no Retry-After came',
    async (r) => {
      const quiet = createQuiet();
      const waits: number[] = [];
      for (let i = 0; i < 7; i++)
        waits.push((await quiet.note(SERVICE, limited(), 0, () => r))?.retryAfterMs ?? 0);
      const ceilings = [30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000];
      waits.forEach((wait, i) => {
        expect(wait).toBeGreaterThanOrEqual(ceilings[i] as number);
        expect(wait).toBeLessThanOrEqual((ceilings[i] as number) * 1.5);
      });
    },
  );

  it('should end the streak on a success and keep it over other failures', async () => {
    const quiet = createQuiet();
    await quiet.note(SERVICE, limited(), 0, () => 0);
    await quiet.note(SERVICE, { code: 'network', message: 'n' }, 40_000, () => 0);
    expect((await quiet.note(SERVICE, limited(), 50_000, () => 0))?.retryAfterMs).toBe(60_000);
    await quiet.note(SERVICE, null, 200_000, () => 0);
    expect((await quiet.note(SERVICE, limited(), 300_000, () => 0))?.retryAfterMs).toBe(30_000);
  });

  it('should keep a wait for a quiet started again on the same store (a service worker restarted)', async () => {
    const store = memoryHolds();
    const first = createQuiet(store);
    await first.note(SERVICE, limited(), 1000, () => 0.5);
    const again = createQuiet(store);
    expect(await again.check(SERVICE, 1000 + 37_499)).toMatchObject({ retryAt: 38_500 });
    expect(await again.hold(SERVICE, 1000 + 37_499)).toMatchObject({ code: 'rate-limited' });
    expect(await again.check(SERVICE, 38_500)).toBeNull();
    // The streak was kept too: the next 429 without Retry-After waits longer.
    expect((await again.note(SERVICE, limited(), 40_000, () => 0))?.retryAfterMs).toBe(60_000);
  });

  it('should start empty when its store cannot be read, and not fail when it cannot be written', async () => {
    const quiet = createQuiet({
      load: () => Promise.reject(new Error('storage gone')),
      save: () => Promise.reject(new Error('storage gone')),
    });
    expect(await quiet.check(SERVICE, 0)).toBeNull();
    expect(await quiet.note(SERVICE, limited(5000), 0, Math.random)).toMatchObject({ retryAt: 5000 });
    expect(await quiet.check(SERVICE, 4999)).not.toBeNull();
  });

  it('should hold writes while read-only, until /version says w again or a write goes through', async () => {
    const store = memoryHolds();
    const quiet = createQuiet(store);
    await quiet.note(SERVICE, { code: 'maintenance', message: 'm' }, 0, Math.random);
    expect(await quiet.check(SERVICE, 0)).toBeNull();
    expect(await createQuiet(store).hold(SERVICE, 10 ** 9)).toMatchObject({ code: 'maintenance' });
    await quiet.writable(SERVICE, 'maintenance');
    expect(await quiet.hold(SERVICE, 0)).toBeNull();
    expect(await store.load()).toEqual({});
  });

  it('should keep a sunset through /version (which cannot tell it) and try writes again after an hour', async () => {
    const quiet = createQuiet();
    await quiet.note(SERVICE, { code: 'sunset', message: 's', status: 410 }, 0, Math.random);
    await quiet.writable(SERVICE, 'maintenance');
    expect(await quiet.hold(SERVICE, SUNSET_RECHECK_MS - 1)).toMatchObject({ code: 'sunset' });
    expect(await quiet.hold(SERVICE, SUNSET_RECHECK_MS)).toBeNull();
    await quiet.note(SERVICE, { code: 'sunset', message: 's', status: 410 }, 0, Math.random);
    await quiet.writable(SERVICE, 'any');
    expect(await quiet.hold(SERVICE, 0)).toBeNull();
  });
});

describe('backoffMs', () => {
  it.each([1, 2, 3, 4, 5, 6, 10, 50])(
    'should stay in [ceiling, 1.5 × ceiling] after %s 429s in a row',
    (n) => {
      const ceiling = Math.min(600_000, 30_000 * 2 ** (n - 1));
      for (const r of [0, 0.25, 0.5, 0.75, 0.999999]) {
        const ms = backoffMs(n, () => r);
        expect(ms).toBeGreaterThanOrEqual(ceiling);
        expect(ms).toBeLessThanOrEqual(ceiling * 1.5);
      }
    },
  );
});
