import { describe, expect, it } from 'vitest';
import { allowedOn, CYCLE_WINDOW_MS, createCycle } from '../../../utils/fill/cycle';
import type { GrantRecord } from '../../../utils/store';

const SITE = 'https://ci.example';
const allowed = [
  { id: '3', name: 'staging' },
  { id: '1', name: 'ci deploy' },
  { id: '2', name: 'laptop' },
];

describe('createCycle', () => {
  it('should fill the site default first, then each other allowed token in name order, round and round', () => {
    const pick = createCycle();
    const ids = [0, 1000, 2000, 3000, 4000].map((at) => pick(SITE, '2', allowed, at));
    expect(ids).toEqual(['2', '3', '1', '2', '3']);
  });

  it.each([
    ['after the window', 'https://ci.example', CYCLE_WINDOW_MS + 1],
    ['on another site', 'https://other.example', 1000],
  ])('should start again at the default %s', (_, origin, at) => {
    const pick = createCycle();
    expect(pick(SITE, '1', allowed, 0)).toBe('1');
    expect(pick(origin, '1', allowed, at)).toBe('1');
  });

  it('should start at the default when the token filled last is no longer allowed', () => {
    const pick = createCycle();
    expect(pick(SITE, '1', allowed, 0)).toBe('1');
    expect(pick(SITE, '2', allowed.slice(2), 1000)).toBe('2');
  });

  it('should pick nothing where nothing is allowed, and remember no press then', () => {
    const pick = createCycle();
    expect(pick(SITE, null, [], 0)).toBeNull();
    expect(pick(SITE, '1', allowed, 1000)).toBe('1');
  });
});

describe('allowedOn', () => {
  const grant = (tokenId: string, origin: string): GrantRecord => ({
    service: 's',
    account: 'a',
    tokenId,
    origin,
    grantedAt: 0,
  });

  it('should keep the active tokens with a yes for that origin', () => {
    const tokens = [
      { id: '1', name: 'a', state: 'active' },
      { id: '2', name: 'b', state: 'pending-revoke' },
      { id: '3', name: 'c', state: 'active' },
      { id: '4', name: 'd', state: 'active' },
    ];
    const grants = [
      grant('1', SITE),
      grant('2', SITE),
      grant('3', 'https://other.example'),
      grant('4', SITE),
    ];
    expect(allowedOn(tokens, grants, SITE).map((t) => t.id)).toEqual(['1', '4']);
  });
});
