import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppError, ErrorCode } from '../../../utils/lib/result';
import { isRetryable, retryDelay } from '../../../utils/sync/backoff';

const error = (code: ErrorCode, retryAfterMs?: number): AppError => ({ code, message: 'm', retryAfterMs });
const fixed = (value: number) => (): number => value;
const MINUTE = 60_000;

describe('retryDelay', () => {
  it.each([
    { attempts: 0, random: 0, delay: 7500 },
    { attempts: 1, random: 0, delay: 7500 },
    { attempts: 1, random: 0.5, delay: 11_250 },
    { attempts: 1, random: 1, delay: 15_000 },
    { attempts: 2, random: 0, delay: 15_000 },
    { attempts: 3, random: 1, delay: 60_000 },
    { attempts: 8, random: 0, delay: 15 * MINUTE },
    { attempts: 8, random: 1, delay: 30 * MINUTE },
    { attempts: 50, random: 1, delay: 30 * MINUTE },
    { attempts: 5000, random: 0.5, delay: 22.5 * MINUTE },
  ])('should wait $delay ms after attempt $attempts with random $random', ({ attempts, random, delay }) => {
    expect(retryDelay(attempts, error('timeout'), fixed(random))).toBe(delay);
  });

  it('should never retry a 429 sooner than the service asked, and back off further when due', () => {
    expect(retryDelay(1, error('rate-limited', 30_000), fixed(0))).toBe(30_000);
    expect(retryDelay(4, error('rate-limited', 30_000), fixed(1))).toBe(120_000);
    expect(retryDelay(1, error('rate-limited', 45 * MINUTE), fixed(1))).toBe(45 * MINUTE);
  });

  it('should stay within the jittered exponential window and honour Retry-After', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: undefined }),
        (attempts, random, retryAfterMs) => {
          const ceiling = Math.min(30 * MINUTE, 15_000 * 2 ** (attempts - 1));
          const delay = retryDelay(attempts, error('rate-limited', retryAfterMs), fixed(random));
          // A 429 without Retry-After waits at least the classic 30 s (RATE_LIMIT_WAIT_MS).
          const told = retryAfterMs ?? 30_000;
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(Math.max(ceiling / 2, told) - 0.5);
          expect(delay).toBeLessThanOrEqual(Math.max(ceiling, told) + 0.5);
          expect(retryDelay(attempts + 1, error('timeout'), fixed(random))).toBeGreaterThanOrEqual(
            retryDelay(attempts, error('timeout'), fixed(random)),
          );
        },
      ),
    );
  });
});

describe('isRetryable', () => {
  it.each<[ErrorCode, boolean]>([
    ['network', true],
    ['timeout', true],
    ['server', true],
    ['maintenance', true],
    ['sunset', true],
    ['rate-limited', true],
    ['bad-response', true],
    ['http', true],
    ['delete-restricted', false],
    ['wrong-credential', false],
    ['invalid-name', false],
    ['signed-out', false],
    ['permission-denied', false],
  ])('should say %s is retryable: %s', (code, retryable) => {
    expect(isRetryable(error(code))).toBe(retryable);
  });
});
