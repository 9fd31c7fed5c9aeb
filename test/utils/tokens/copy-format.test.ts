import { describe, expect, it } from 'vitest';
import { formatForCopy, isCopyFormat } from '../../../utils/tokens/copy-format';

describe('formatForCopy', () => {
  it.each([
    { format: 'raw', expected: 'eyJ.a.b' },
    { format: 'env', expected: 'WEB3_STORAGE_TOKEN=eyJ.a.b' },
    { format: 'header', expected: 'Authorization: Bearer eyJ.a.b' },
  ] as const)('should write the $format format as $expected', ({ format, expected }) => {
    expect(formatForCopy('eyJ.a.b', format)).toBe(expected);
  });

  it.each(['raw', 'env', 'header'] as const)('should never end the %s format with a newline', (format) => {
    expect(formatForCopy('eyJ.a.b', format)).not.toMatch(/\s$/);
  });
});

describe('isCopyFormat', () => {
  it.each([
    ['raw', true],
    ['env', true],
    ['header', true],
    ['RAW', false],
    [undefined, false],
    [1, false],
  ])('should say %j is %s', (value, expected) => {
    expect(isCopyFormat(value)).toBe(expected);
  });
});
