// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../service/rate-limit';

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

describe('createRateLimiter', () => {
  it('should allow max requests in a window and refuse the next', () => {
    const limiter = createRateLimiter(clock().now);
    expect([1, 2, 3, 4].map(() => limiter.hit('a', limit))).toEqual([true, true, true, false]);
  });

  it('should count keys separately', () => {
    const limiter = createRateLimiter(clock().now);
    for (let i = 0; i < 3; i++) limiter.hit('a', limit);
    expect(limiter.hit('a', limit)).toBe(false);
    expect(limiter.hit('b', limit)).toBe(true);
  });

  it('should slide: a request leaves the window windowMs after it was made', () => {
    const time = clock();
    const limiter = createRateLimiter(time.now);
    limiter.hit('a', limit);
    time.advance(5_000);
    limiter.hit('a', limit);
    limiter.hit('a', limit);
    time.advance(4_999);
    expect(limiter.hit('a', limit)).toBe(false);
    time.advance(1);
    expect(limiter.hit('a', limit)).toBe(true);
    expect(limiter.hit('a', limit)).toBe(false);
  });

  it('should not count refused requests', () => {
    const time = clock();
    const limiter = createRateLimiter(time.now);
    for (let i = 0; i < 10; i++) limiter.hit('a', limit);
    time.advance(10_000);
    expect(limiter.hit('a', limit)).toBe(true);
  });

  it('should forget everything on reset', () => {
    const limiter = createRateLimiter(clock().now);
    for (let i = 0; i < 3; i++) limiter.hit('a', limit);
    limiter.reset();
    expect(limiter.hit('a', limit)).toBe(true);
  });
});
