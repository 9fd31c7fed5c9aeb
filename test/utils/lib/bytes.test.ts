import { describe, expect, it } from 'vitest';
import { describeStorage, formatBytes, parseLimit, storagePercent } from '../../../utils/lib/bytes';

const GiB = 1024 ** 3;
const TiB = 1024 ** 4;

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [-5, '0 B'],
    [512, '512 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [1.2 * GiB, '1.2 GiB'],
    [150 * GiB, '150 GiB'],
    [TiB, '1 TiB'],
    [2048 * TiB, '2 PiB'],
  ])('should write %d bytes as %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

describe('parseLimit', () => {
  it.each([
    ['1099511627776', TiB],
    [TiB, TiB],
    [undefined, null],
    [null, null],
    ['', null],
    ['0', null],
    ['-1', null],
    ['1e12', null],
    ['12.5', null],
    [1.5, null],
  ])('should read %j as %s', (value, expected) => {
    expect(parseLimit(value)).toBe(expected);
  });
});

describe('describeStorage', () => {
  it.each([
    { used: 1.2 * GiB, limit: TiB, expected: '1.2 GiB of 1 TiB' },
    { used: 0, limit: TiB, expected: '0 B of 1 TiB' },
    { used: 1.2 * GiB, limit: null, expected: '1.2 GiB (no limit given)' },
  ])('should say $expected', ({ used, limit, expected }) => {
    expect(describeStorage(used, limit)).toBe(expected);
  });
});

describe('storagePercent', () => {
  it.each([
    { used: 0, limit: TiB, expected: 0 },
    { used: TiB / 2, limit: TiB, expected: 50 },
    { used: 2 * TiB, limit: TiB, expected: 100 },
    { used: 5, limit: null, expected: null },
  ])('should give $expected for $used of $limit', ({ used, limit, expected }) => {
    expect(storagePercent(used, limit)).toBe(expected);
  });
});
