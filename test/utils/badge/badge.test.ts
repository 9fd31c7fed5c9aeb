import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeOf } from '../../../utils/badge/badge';

describe('badgeOf', () => {
  it.each([
    [{ pendingRevokes: 0, locked: false }, '', 'Web3.Storage Tokens'],
    [{ pendingRevokes: 1, locked: false }, '1', 'Web3.Storage Tokens\n1 revoke waiting for the service'],
    [{ pendingRevokes: 3, locked: false }, '3', 'Web3.Storage Tokens\n3 revokes waiting for the service'],
    [{ pendingRevokes: 99, locked: false }, '99', 'Web3.Storage Tokens\n99 revokes waiting for the service'],
    [
      { pendingRevokes: 100, locked: false },
      '99+',
      'Web3.Storage Tokens\n100 revokes waiting for the service',
    ],
    [
      { pendingRevokes: 0, locked: true },
      'LOCK',
      'Web3.Storage Tokens\nLocked: unlock to copy or fill a token',
    ],
    [
      { pendingRevokes: 2, locked: true },
      '2',
      'Web3.Storage Tokens\n2 revokes waiting for the service\nLocked: unlock to copy or fill a token',
    ],
    [{ pendingRevokes: 0, locked: false, dueReviews: 1 }, '1', 'Web3.Storage Tokens\n1 token due for review'],
    [
      { pendingRevokes: 0, locked: false, dueReviews: 2 },
      '2',
      'Web3.Storage Tokens\n2 tokens due for review',
    ],
    [
      { pendingRevokes: 0, locked: true, dueReviews: 2 },
      'LOCK',
      'Web3.Storage Tokens\nLocked: unlock to copy or fill a token\n2 tokens due for review',
    ],
    [
      { pendingRevokes: 1, locked: false, dueReviews: 5 },
      '1',
      'Web3.Storage Tokens\n1 revoke waiting for the service\n5 tokens due for review',
    ],
    [
      { pendingRevokes: 0, locked: false, dueReviews: 150 },
      '99+',
      'Web3.Storage Tokens\n150 tokens due for review',
    ],
  ])('should show %j as %j, titled %j', (attention, text, title) => {
    const badge = badgeOf(attention);
    expect(badge.text).toBe(text);
    expect(badge.title).toBe(title);
  });

  it('should colour waiting revokes red and the lock grey, the revokes winning', () => {
    expect(badgeOf({ pendingRevokes: 1, locked: true }).color).toBe(BADGE_COLORS.revokes);
    expect(badgeOf({ pendingRevokes: 0, locked: true }).color).toBe(BADGE_COLORS.locked);
  });

  it('should colour due reviews apart, below the revokes and the lock', () => {
    expect(badgeOf({ pendingRevokes: 0, locked: false, dueReviews: 1 }).color).toBe(BADGE_COLORS.review);
    expect(badgeOf({ pendingRevokes: 1, locked: false, dueReviews: 1 }).color).toBe(BADGE_COLORS.revokes);
    expect(badgeOf({ pendingRevokes: 0, locked: true, dueReviews: 1 }).color).toBe(BADGE_COLORS.locked);
  });

  it('should never show more than four characters', () => {
    for (const pendingRevokes of [0, 1, 9, 10, 99, 100, 1_000_000])
      for (const locked of [false, true])
        for (const dueReviews of [0, 1, 100, 1_000_000])
          expect(badgeOf({ pendingRevokes, locked, dueReviews }).text.length).toBeLessThanOrEqual(4);
  });
});
