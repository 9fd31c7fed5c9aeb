import { describe, expect, it } from 'vitest';
import { isNeverUsed, NEVER_USED_AFTER_MS, rotatedName } from '../../utils/hygiene';

const now = Date.UTC(2026, 10, 22, 12, 0, 0);
const old = now - NEVER_USED_AFTER_MS - 1;
const young = now - NEVER_USED_AFTER_MS + 60_000;

describe('isNeverUsed', () => {
  it.each([
    { when: 'old and untouched', facts: { createdMs: old }, expected: true },
    { when: 'exactly 30 days old', facts: { createdMs: now - NEVER_USED_AFTER_MS }, expected: true },
    { when: 'younger than 30 days', facts: { createdMs: young }, expected: false },
    { when: 'used for uploads', facts: { createdMs: old, hasUploads: true }, expected: false },
    { when: 'copied once', facts: { createdMs: old, lastCopiedAt: now - 1 }, expected: false },
    { when: 'filled once', facts: { createdMs: old, lastFilledAt: now - 1 }, expected: false },
    { when: 'from before fills were recorded', facts: { createdMs: old, lastFilledAt: undefined }, expected: true },
  ])('should say $expected when $when', ({ facts, expected }) => {
    expect(isNeverUsed({ hasUploads: false, lastCopiedAt: null, lastFilledAt: null, ...facts }, now)).toBe(
      expected,
    );
  });
});

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
