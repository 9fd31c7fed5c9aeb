import { describe, expect, it } from 'vitest';
import { isNeverUsed, NEVER_USED_AFTER_MS } from '../../../utils/tokens/hygiene';

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
    {
      when: 'from before fills were recorded',
      facts: { createdMs: old, lastFilledAt: undefined },
      expected: true,
    },
  ])('should say $expected when $when', ({ facts, expected }) => {
    expect(isNeverUsed({ hasUploads: false, lastCopiedAt: null, lastFilledAt: null, ...facts }, now)).toBe(
      expected,
    );
  });
});
