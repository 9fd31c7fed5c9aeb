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
  ])('should show %j as %j, titled %j', (attention, text, title) => {
    const badge = badgeOf(attention);
    expect(badge.text).toBe(text);
    expect(badge.title).toBe(title);
  });

  it('should colour waiting revokes red and the lock grey, the revokes winning', () => {
    expect(badgeOf({ pendingRevokes: 1, locked: true }).color).toBe(BADGE_COLORS.revokes);
    expect(badgeOf({ pendingRevokes: 0, locked: true }).color).toBe(BADGE_COLORS.locked);
  });

  it('should never show more than four characters', () => {
    for (const pendingRevokes of [0, 1, 9, 10, 99, 100, 1_000_000])
      for (const locked of [false, true])
        expect(badgeOf({ pendingRevokes, locked }).text.length).toBeLessThanOrEqual(4);
  });
});
