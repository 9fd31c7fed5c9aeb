import type { AppError } from '../lib';
import { countdown, t } from '../lib';

// Issue 18: after a 429 the extension sends nothing to that service until the wait it told the
// person has passed. The wait is the service's Retry-After when it gave one, else exponential
// backoff with jitter from the classic CDN's 30 s (api-contract.md, "Rate limit").

const BASE_MS = 30_000;
const MAX_MS = 10 * 60_000;

export interface Quiet {
  /** The error to answer without asking `service`, while its wait lasts; null when free. */
  check(service: string, now: number): AppError | null;
  /** Takes in how a call went: a 429 starts a wait (returned, with its end); anything else ends the streak. */
  note(service: string, error: AppError | null, now: number, random: () => number): AppError | null;
}

export function createQuiet(): Quiet {
  const waits = new Map<string, { until: number; strikes: number }>();
  return {
    check(service, now) {
      const wait = waits.get(service);
      return wait && wait.until > now ? rateLimited(wait.until, now) : null;
    },
    note(service, error, now, random) {
      if (error?.code !== 'rate-limited') {
        if (error === null) waits.delete(service);
        return error;
      }
      const strikes = (waits.get(service)?.strikes ?? 0) + 1;
      const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** (strikes - 1));
      // Told by the service, or at least the base and never in step with other clients.
      const ms = error.retryAfterMs ?? Math.round(ceiling + random() * (ceiling / 2));
      waits.set(service, { until: now + ms, strikes });
      return rateLimited(now + ms, now);
    },
  };
}

function rateLimited(until: number, now: number): AppError {
  return {
    code: 'rate-limited',
    status: 429,
    retryAfterMs: until - now,
    retryAt: until,
    message: t('rateLimitedWait', countdown(until - now)),
  };
}
