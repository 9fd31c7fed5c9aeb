import { describe, expect, it } from 'vitest';
import { rotatedName } from '../../../utils/tokens/rotation';

const now = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('rotatedName', () => {
  it.each([
    { old: 'ci deploy', expected: 'ci deploy (rotated 2026-11-22)' },
    { old: 'ci deploy (rotated 2026-01-05)', expected: 'ci deploy (rotated 2026-11-22)' },
    { old: 'héllo 🌍', expected: 'héllo 🌍 (rotated 2026-11-22)' },
  ])('should suggest $expected for $old', ({ old: name, expected }) => {
    expect(rotatedName(name, now)).toBe(expected);
  });

  it('should keep a long name within 200 characters', () => {
    const name = rotatedName('🌍'.repeat(300), now);
    expect(Array.from(name).length).toBeLessThanOrEqual(200);
    expect(name.endsWith('… (rotated 2026-11-22)')).toBe(true);
  });
});
