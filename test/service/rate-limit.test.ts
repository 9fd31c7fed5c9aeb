// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../service/db';
import { createRateLimiter, type RateLimiter } from '../../service/rate-limit';
import { openTestDb } from './support';

const limit = { max: 3, windowMs: 10_000 };

function clock(): { now: () => number; advance(ms: number): void } {
  let at = 1_000_000;
  return {
    now: () => at,
    advance(ms) {
      at += ms;
    },
  };
}

// The counters live in the database (shared by every service process on it): one database for the
// file, emptied before each test.
let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await openTestDb());
}, 60_000);
beforeEach(async () => {
  await db.query('DELETE FROM rate_limit_hit');
});
afterAll(() => drop?.());

async function hits(limiter: RateLimiter, key: string, n: number): Promise<boolean[]> {
  const answers: boolean[] = [];
  for (let i = 0; i < n; i++) answers.push(await limiter.hit(key, limit));
  return answers;
}

describe('createRateLimiter', () => {
  it('should allow max requests in a window and refuse the next', async () => {
    const limiter = createRateLimiter(db, clock().now);
    expect(await hits(limiter, 'a', 4)).toEqual([true, true, true, false]);
  });

  it('should count keys separately', async () => {
    const limiter = createRateLimiter(db, clock().now);
    await hits(limiter, 'a', 3);
    expect(await limiter.hit('a', limit)).toBe(false);
    expect(await limiter.hit('b', limit)).toBe(true);
  });

  it('should slide: a request leaves the window windowMs after it was made', async () => {
    const time = clock();
    const limiter = createRateLimiter(db, time.now);
    await limiter.hit('a', limit);
    time.advance(5_000);
    await limiter.hit('a', limit);
    await limiter.hit('a', limit);
    time.advance(4_999);
    expect(await limiter.hit('a', limit)).toBe(false);
    time.advance(1);
    expect(await limiter.hit('a', limit)).toBe(true);
    expect(await limiter.hit('a', limit)).toBe(false);
  });

  it('should not count refused requests', async () => {
    const time = clock();
    const limiter = createRateLimiter(db, time.now);
    await hits(limiter, 'a', 10);
    time.advance(10_000);
    expect(await limiter.hit('a', limit)).toBe(true);
  });

  it('should forget everything on reset', async () => {
    const limiter = createRateLimiter(db, clock().now);
    await hits(limiter, 'a', 3);
    await limiter.reset();
    expect(await limiter.hit('a', limit)).toBe(true);
  });
});
