export interface RateLimitOptions {
  max: number;
  windowMs: number;
}

export interface RateLimiter {
  /** Records a request for `key`; false when it is over the limit (rejected requests are not counted). */
  hit(key: string, limit: RateLimitOptions): boolean;
  reset(): void;
}

/**
 * Sliding-window limiter standing in for the CDN rule in front of the original API
 * (more than 30 requests in 10 s got a 429). Keys are opaque: callers pass a hash, not a credential.
 */
export function createRateLimiter(now: () => number = Date.now): RateLimiter {
  const hits = new Map<string, number[]>();
  let calls = 0;

  function prune(at: number, windowMs: number): void {
    for (const [key, times] of hits) {
      if ((times.at(-1) ?? 0) <= at - windowMs) hits.delete(key);
    }
  }

  return {
    hit(key, { max, windowMs }) {
      const at = now();
      // Forget idle keys now and then, so a stream of distinct callers cannot grow the map forever.
      if (++calls % 1000 === 0) prune(at, windowMs);
      const recent = (hits.get(key) ?? []).filter((t) => t > at - windowMs);
      const allowed = recent.length < max;
      if (allowed) recent.push(at);
      hits.set(key, recent);
      return allowed;
    },
    reset() {
      hits.clear();
    },
  };
}
