import { describe, expect, it } from 'vitest';
import {
  ALARM_MINIMUM_MS,
  CLIPBOARD_CHOICES,
  copiedMarkOf,
  isDue,
  planClear,
  shouldClear,
} from '../../../utils/clipboard/rule';

const NOW = 1_000_000;
const SALT = 'a'.repeat(32);
const DIGEST = 'b'.repeat(64);

describe('planClear', () => {
  it.each([
    [15, NOW + 15_000, NOW + ALARM_MINIMUM_MS, 15_000],
    [30, NOW + 30_000, NOW + 30_000, null],
    [60, NOW + 60_000, NOW + 60_000, null],
    [120, NOW + 120_000, NOW + 120_000, null],
    [300, NOW + 300_000, NOW + 300_000, null],
  ])(
    'should plan a clear %i s after the copy: due %i, alarm %i, timer %s',
    (seconds, due, alarmAt, timerMs) => {
      expect(planClear(seconds, NOW)).toEqual({ due, alarmAt, timerMs });
    },
  );

  it.each([0, -1, 7, Number.NaN, 10_000])(
    'should plan nothing for %s seconds (never, or not a choice)',
    (seconds) => {
      expect(planClear(seconds, NOW)).toBeNull();
    },
  );

  it('should never set an alarm sooner than Chromium fires one', () => {
    for (const seconds of CLIPBOARD_CHOICES.filter((s) => s > 0)) {
      expect((planClear(seconds, NOW)?.alarmAt ?? 0) - NOW).toBeGreaterThanOrEqual(ALARM_MINIMUM_MS);
    }
  });
});

describe('isDue', () => {
  it.each([
    ['no copy', null, false],
    ['a copy due now', { salt: SALT, digest: DIGEST, due: NOW }, true],
    ['a copy due earlier (an alarm that fired late)', { salt: SALT, digest: DIGEST, due: NOW - 5 }, true],
    ['a newer copy, due later (an old timer firing)', { salt: SALT, digest: DIGEST, due: NOW + 1 }, false],
  ])('should tell whether %s is due', (_label, mark, expected) => {
    expect(isDue(mark, NOW)).toBe(expected);
  });
});

describe('shouldClear', () => {
  it.each([
    ['the clipboard still holds the copy', DIGEST, true],
    ['something else was copied since', 'c'.repeat(64), false],
    ['the clipboard could not be read', null, false],
  ])('should clear only when %s', (_label, current, expected) => {
    expect(shouldClear({ digest: DIGEST }, current)).toBe(expected);
  });
});

describe('copiedMarkOf', () => {
  it.each([
    [
      { salt: SALT, digest: DIGEST },
      { salt: SALT, digest: DIGEST },
    ],
    [
      { salt: SALT, digest: DIGEST, extra: 1 },
      { salt: SALT, digest: DIGEST },
    ],
    [{ salt: SALT, digest: 'B'.repeat(64) }, null],
    [{ salt: SALT.slice(1), digest: DIGEST }, null],
    [{ salt: SALT, digest: 'the secret itself' }, null],
    [{ salt: 1, digest: DIGEST }, null],
    [null, null],
    ['text', null],
  ])('should read %j as %j', (value, expected) => {
    expect(copiedMarkOf(value)).toEqual(expected);
  });
});
