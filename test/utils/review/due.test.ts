import { describe, expect, it } from 'vitest';
import {
  customReviewBy,
  dueForReview,
  isDue,
  nextReviewAt,
  presetReviewBy,
  reviewDateValue,
  startOfDay,
} from '../../../utils/review/due';
import type { TokenRecord } from '../../../utils/store/records';

// 2026-12-05 14:30 local time: every date below is local, as a date field gives it.
const NOW = new Date(2026, 11, 5, 14, 30).getTime();
const day = (y: number, m: number, d: number): number => new Date(y, m - 1, d).getTime();
const token = (id: string, reviewBy: number | null, state: TokenRecord['state'] = 'active') => ({
  id,
  name: `token ${id}`,
  state,
  reviewBy,
});

describe('presetReviewBy', () => {
  it.each([
    [30, day(2027, 1, 4)],
    [90, day(2027, 3, 5)],
    [180, day(2027, 6, 3)],
  ])('should put %i days from today at the start of that local day', (days, expected) => {
    expect(presetReviewBy(days, NOW)).toBe(expected);
  });

  it('should never be due on the day it is set', () => {
    expect(isDue(token('1', presetReviewBy(30, NOW)), NOW)).toBe(false);
  });
});

describe('customReviewBy', () => {
  it.each([
    ['2027-01-01', { ok: true, at: day(2027, 1, 1) }],
    ['2026-12-06', { ok: true, at: day(2026, 12, 6) }],
    ['2026-12-05', { ok: false, message: 'Choose a date after today.' }],
    ['2020-01-01', { ok: false, message: 'Choose a date after today.' }],
    ['2040-01-01', { ok: false, message: 'Choose a date within the next ten years.' }],
    ['2027-02-30', { ok: false, message: 'Enter a date with year, month and day.' }],
    ['', { ok: false, message: 'Enter a date with year, month and day.' }],
    ['tomorrow', { ok: false, message: 'Enter a date with year, month and day.' }],
  ])('should read %j as %j', (value, expected) => {
    expect(customReviewBy(value, NOW)).toEqual(expected);
  });

  it('should give back what the date field shows', () => {
    expect(reviewDateValue(day(2027, 3, 9))).toBe('2027-03-09');
    expect(startOfDay(NOW)).toBe(day(2026, 12, 5));
  });
});

describe('dueForReview', () => {
  it('should name active tokens whose date has come, longest overdue first', () => {
    const tokens = [
      token('later', NOW + 1),
      token('now', NOW),
      token('old', NOW - 10_000),
      token('none', null),
      token('leaving', NOW - 20_000, 'pending-revoke'),
      token('gone', NOW - 20_000, 'revoked'),
    ];
    expect(dueForReview(tokens, NOW).map((t) => t.id)).toEqual(['old', 'now']);
  });
});

describe('nextReviewAt', () => {
  it.each([
    [[], null],
    [[token('1', null)], null],
    [[token('1', NOW - 1)], null],
    [[token('1', NOW + 5), token('2', NOW + 3)], NOW + 3],
    [[token('1', NOW + 3, 'revoked'), token('2', NOW + 9)], NOW + 9],
    [[token('1', NOW + 3, 'pending-revoke')], null],
  ])('should find the next date after now in %j', (tokens, expected) => {
    expect(nextReviewAt(tokens, NOW)).toBe(expected);
  });
});
