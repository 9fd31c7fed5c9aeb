import type { Db } from './db';

export interface RateLimitOptions {
  max: number;
  windowMs: number;
}

export interface RateLimiter {
  /** Records a request for `key`; false when it is over the limit (rejected requests are not counted). */
  hit(key: string, limit: RateLimitOptions): Promise<boolean>;
  /** Forgets every counter, for every process on the database. */
  reset(): Promise<void>;
}

/**
 * Sliding-window limiter standing in for the CDN rule in front of the original API
 * (more than 30 requests in 10 s got a 429). Keys are opaque: callers pass a hash, not a credential.
 * Counters live in the database, so several service processes behind one address count together;
 * an advisory lock per key makes each count-then-insert atomic across processes.
 */
export function createRateLimiter(db: Db, now: () => number = Date.now): RateLimiter {
  let calls = 0;
  return {
    async hit(key, { max, windowMs }) {
      const at = now();
      // Forget idle keys now and then, so a stream of distinct callers cannot grow the table forever.
      if (++calls % 1000 === 0) {
        await db.query('DELETE FROM rate_limit_hit WHERE at <= $1', [at - windowMs]);
      }
      return db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
        await tx.query('DELETE FROM rate_limit_hit WHERE key = $1 AND at <= $2', [key, at - windowMs]);
        const { rows } = await tx.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM rate_limit_hit WHERE key = $1',
          [key],
        );
        const allowed = Number(rows[0]?.n ?? 0) < max;
        if (allowed) await tx.query('INSERT INTO rate_limit_hit (key, at) VALUES ($1, $2)', [key, at]);
        return allowed;
      });
    },
    async reset() {
      await db.query('DELETE FROM rate_limit_hit');
    },
  };
}
