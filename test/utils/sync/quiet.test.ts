import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../utils/lib/result';
import { createQuiet } from '../../../utils/sync/quiet';

const SERVICE = 'http://127.0.0.1:8787';
const limited = (retryAfterMs?: number): AppError => ({ code: 'rate-limited', message: 'm', retryAfterMs });

describe('createQuiet', () => {
  it('should hold every call to the service for exactly the Retry-After it gave', () => {
    const quiet = createQuiet();
    const told = quiet.note(SERVICE, limited(12_000), 1000, () => 0.9);
    expect(told).toMatchObject({ code: 'rate-limited', retryAt: 13_000, retryAfterMs: 12_000 });
    expect(told?.message).toContain('0:12');
    expect(quiet.check(SERVICE, 12_999)).toMatchObject({ retryAt: 13_000, retryAfterMs: 1 });
    expect(quiet.check(SERVICE, 13_000)).toBeNull();
    expect(quiet.check('http://other.example', 2000)).toBeNull();
  });

  it.each([0, 0.5, 0.999])(
    'should back off from 30 s, doubling, with jitter (random %s), when no Retry-After came',
    (r) => {
      const quiet = createQuiet();
      const waits: number[] = [];
      for (let i = 0; i < 6; i++) waits.push(quiet.note(SERVICE, limited(), 0, () => r)?.retryAfterMs ?? 0);
      const ceilings = [30_000, 60_000, 120_000, 240_000, 480_000, 600_000];
      waits.forEach((wait, i) => {
        expect(wait).toBeGreaterThanOrEqual(ceilings[i] as number);
        expect(wait).toBeLessThanOrEqual((ceilings[i] as number) * 1.5);
      });
    },
  );

  it('should end the streak on a success and keep it over other failures', () => {
    const quiet = createQuiet();
    quiet.note(SERVICE, limited(), 0, () => 0);
    quiet.note(SERVICE, { code: 'network', message: 'n' }, 40_000, () => 0);
    expect(quiet.note(SERVICE, limited(), 50_000, () => 0)?.retryAfterMs).toBe(60_000);
    quiet.note(SERVICE, null, 200_000, () => 0);
    expect(quiet.note(SERVICE, limited(), 300_000, () => 0)?.retryAfterMs).toBe(30_000);
  });
});
