import { describe, expect, it } from 'vitest';
import { markdownTable, median } from '../../../scripts/bench/stats';

describe('median', () => {
  it.each([
    { values: [3, 1, 2], expected: 2 },
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [7], expected: 7 },
    { values: [Number.NaN, 5, 1], expected: 3 },
  ])('should be $expected for $values', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });

  it('should be NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});

describe('markdownTable', () => {
  it('should line up the columns and mark what missed its target', () => {
    const table = markdownTable([
      { measure: 'Popup JS, gzip', result: '19.4 KB', target: '≤ 20.0 KB', met: true },
      { measure: 'Search', result: '23.0 ms', target: '≤ 16 ms', met: false },
      { measure: 'Fill', result: 'n/a' },
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(5);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(lines[2]).toMatch(/\| yes +\|$/);
    expect(lines[3]).toMatch(/\| \*\*no\*\* \|$/);
  });
});
