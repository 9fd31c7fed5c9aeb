import type { AppError } from '../lib';
import { countdown, t } from '../lib';

// Issue 18: the service's standing state, per service address, kept where the background restarts
// from (storage.local in the extension, utils/sync/background.ts), so a popup opened again or a
// service worker started again knows it before it sends anything.
// - After a 429 nothing is sent to that service until the wait the person was told has passed: the
//   service's Retry-After when it gave one, else exponential backoff with jitter from the classic
//   CDN's 30 s (api-contract.md, "Rate limit").
// - Read-only (maintenance: `/version` mode without `w`, or a 503) and shut down (410) turn the
//   write buttons off with the reason, until `/version` says `w` again, a write goes through, or
//   (shut down, which `/version` cannot tell) an hour has passed and writes are tried again.

const BASE_MS = 30_000;
const MAX_MS = 10 * 60_000;
export const SUNSET_RECHECK_MS = 60 * 60_000;

export { HOLDS_KEY } from './holds-key';

/** What is kept of one service between calls. */
export interface ServiceHold {
  /** A rate limit's end (ms since the epoch), and how many 429s in a row led to it. */
  until?: number;
  strikes?: number;
  readOnly?: 'maintenance' | 'sunset';
  /** When the read-only state was last seen. */
  seenAt?: number;
}

/** Where the holds live; the engine keeps a copy in memory and writes every change through. */
export interface HoldStore {
  load(): Promise<Record<string, ServiceHold>>;
  save(holds: Record<string, ServiceHold>): Promise<void>;
}

export function memoryHolds(initial: Record<string, ServiceHold> = {}): HoldStore {
  let saved = structuredClone(initial);
  return {
    load: async () => structuredClone(saved),
    save: async (holds) => {
      saved = structuredClone(holds);
    },
  };
}

export interface Quiet {
  /** The error to answer without asking `service`, while a rate limit's wait lasts; null when free. */
  check(service: string, now: number): Promise<AppError | null>;
  /** Takes in how a call went: a 429 starts a wait (returned, with its end); a success ends the streak. */
  note(service: string, error: AppError | null, now: number, random: () => number): Promise<AppError | null>;
  /** The service takes writes again: `/version` has `w` (ends `maintenance`), or a write went through (`any`). */
  writable(service: string, which: 'maintenance' | 'any'): Promise<void>;
  /** Why writes are off for `service` now (a rate limit's wait, maintenance, the sunset), or null. */
  hold(service: string, now: number): Promise<AppError | null>;
}

export function createQuiet(store: HoldStore = memoryHolds()): Quiet {
  let cache: Promise<Map<string, ServiceHold>> | null = null;
  const holds = (): Promise<Map<string, ServiceHold>> => {
    // A store that cannot be read starts empty: the service tells again with its next answer.
    cache ??= store.load().then(
      (all) => new Map(Object.entries(all ?? {})),
      () => new Map(),
    );
    return cache;
  };
  async function update(service: string, patch: (hold: ServiceHold) => ServiceHold): Promise<void> {
    const all = await holds();
    const next = patch({ ...all.get(service) });
    const kept = Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined));
    if (Object.keys(kept).length === 0) all.delete(service);
    else all.set(service, kept);
    await store.save(Object.fromEntries(all)).catch(() => {});
  }

  async function check(service: string, now: number): Promise<AppError | null> {
    return waitOf((await holds()).get(service), now);
  }

  return {
    check,
    async note(service, error, now, random) {
      if (error === null) {
        const hold = (await holds()).get(service);
        if (hold?.strikes !== undefined || hold?.until !== undefined)
          await update(service, (h) => ({ ...h, until: undefined, strikes: undefined }));
        return null;
      }
      if (error.code === 'maintenance' || error.code === 'sunset') {
        await update(service, (h) => ({
          ...h,
          readOnly: error.code as 'maintenance' | 'sunset',
          seenAt: now,
        }));
      }
      if (error.code !== 'rate-limited') return error;
      const strikes = ((await holds()).get(service)?.strikes ?? 0) + 1;
      const ms = error.retryAfterMs ?? backoffMs(strikes, random);
      await update(service, (h) => ({ ...h, until: now + ms, strikes }));
      return rateLimited(now + ms, now);
    },
    async writable(service, which) {
      const readOnly = (await holds()).get(service)?.readOnly;
      if (readOnly === undefined || (which === 'maintenance' && readOnly !== 'maintenance')) return;
      await update(service, (h) => ({ ...h, readOnly: undefined, seenAt: undefined }));
    },
    hold: async (service, now) => holdOf((await holds()).get(service), now),
  };
}

/**
 * Why writes to a service are off at `now`, from what is kept of it (HOLDS_KEY): a rate limit's
 * wait, read-only, the sunset; null when they are on. Pages read it from storage themselves, so
 * a popup knows it as it paints, asking the background nothing (issue 14).
 */
export function holdOf(hold: ServiceHold | undefined, now: number): AppError | null {
  const waiting = waitOf(hold, now);
  if (waiting) return waiting;
  if (hold?.readOnly === 'maintenance') return { code: 'maintenance', message: t('readOnlyNotice') };
  if (hold?.readOnly === 'sunset' && (hold.seenAt ?? 0) + SUNSET_RECHECK_MS > now)
    return { code: 'sunset', message: t('errSunset') };
  return null;
}

function waitOf(hold: ServiceHold | undefined, now: number): AppError | null {
  const until = hold?.until;
  return until !== undefined && until > now ? rateLimited(until, now) : null;
}

/**
 * The wait after the `strikes`-th 429 in a row with no Retry-After: 30 s doubling up to 10 min,
 * plus up to half again at random, so clients that were limited together do not return together.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffMs(strikes: number, random: () => number): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, strikes - 1));
  return Math.round(ceiling + random() * (ceiling / 2));
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
