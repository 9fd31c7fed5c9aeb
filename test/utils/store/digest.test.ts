import { describe, expect, it } from 'vitest';
import type { ApiToken } from '../../../utils/api/shapes';
import { listDigest } from '../../../utils/store/digest';

const token = (i: number, changes: Partial<ApiToken> = {}): ApiToken => ({
  id: String(315318824629961583n + BigInt(i)),
  name: `laptop ${i}`,
  secret: `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ${i}.sig${i}`,
  created: '2021-11-29T16:08:33.077+00:00',
  hasUploads: false,
  ...changes,
});

describe('listDigest (issue 14)', () => {
  const list = Array.from({ length: 50 }, (_, i) => token(i));
  const digest = listDigest(list);

  it('should be the same for the same list in any order', () => {
    expect(listDigest([...list].reverse())).toBe(digest);
    expect(listDigest([...list.slice(25), ...list.slice(0, 25)])).toBe(digest);
    expect(listDigest(list.map((t) => ({ ...t })))).toBe(digest);
  });

  it.each([
    ['a name', { name: 'laptop 7 (old)' }],
    ['a secret', { secret: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ7.other' }],
    ['a date', { created: '2021-11-29T16:08:33.078+00:00' }],
    ['the uploads', { hasUploads: true }],
    ['an id', { id: '1' }],
  ] as const)('should change with %s of one token', (_what, change) => {
    expect(listDigest(list.map((t, i) => (i === 7 ? { ...t, ...change } : t)))).not.toBe(digest);
  });

  it('should change with a token added or gone, and with characters moved between fields', () => {
    expect(listDigest([...list, token(50)])).not.toBe(digest);
    expect(listDigest(list.slice(1))).not.toBe(digest);
    expect(listDigest([])).not.toBe(listDigest([token(0)]));
    const a = token(0, { name: 'ab', secret: 'c' });
    const b = token(0, { name: 'a', secret: 'bc' });
    expect(listDigest([a])).not.toBe(listDigest([b]));
  });

  it('should tell apart every one of 10,000 lists that differ in one name', () => {
    const base = Array.from({ length: 100 }, (_, i) => token(i));
    const seen = new Set<string>();
    for (let n = 0; n < 10_000; n++)
      seen.add(listDigest([...base.slice(1), token(0, { name: `renamed ${n}` })]));
    expect(seen.size).toBe(10_000);
  });
});
