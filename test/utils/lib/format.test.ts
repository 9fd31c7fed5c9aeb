import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  absoluteTime,
  maskSecret,
  noteSteadiness,
  relativeTime,
  steadyUntil,
} from '../../../utils/lib/format';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkaWQ6ZXRocjoweDY1MDA0NjA4YzE1ZjAxNjM5ZGY4MGFmNDAyMjM0NSIsImlzcyI6IndlYjMtc3RvcmFnZSIsImlhdCI6MTYzODIwMjExMzA3NywibmFtZSI6Im15IGZpcnN0IHRva2VuIn0.kNxU1cxKmD3Fv0wK6J8nrJ3lC2pEv9o5Yx1t4QzW7aE';

describe('maskSecret', () => {
  it.each([JWT, 'abcdefghijklm', `${'x'.repeat(40)}TAIL42`])(
    'should show at most the last 6 characters of %s',
    (secret) => {
      const masked = maskSecret(secret);
      expect(masked).not.toContain(secret);
      expect(masked.endsWith(secret.slice(-6))).toBe(true);
      // Nothing from before the tail: the visible part is the tail alone.
      expect(masked.replace(/•/g, '')).toBe(secret.slice(-6));
    },
  );

  it('should hide the parts of a JWT that identify the account', () => {
    const [header, payload] = JWT.split('.');
    expect(maskSecret(JWT)).not.toContain(header);
    expect(maskSecret(JWT)).not.toContain(payload?.slice(0, 8));
  });

  it.each(['', 'a', 'short', 'twelve-chars'])('should mask the short secret %j fully', (secret) => {
    expect(maskSecret(secret)).toMatch(/^•+$/);
  });
});

describe('relativeTime', () => {
  const now = Date.UTC(2026, 10, 22, 17, 0, 0);
  const minute = 60_000;
  const day = 24 * 60 * minute;

  it.each([
    { offset: 0, text: 'just now' },
    { offset: -30_000, text: 'just now' },
    { offset: 30_000, text: 'just now' },
    { offset: -5 * minute, text: '5 minutes ago' },
    { offset: -3 * 60 * minute, text: '3 hours ago' },
    { offset: -day, text: 'yesterday' },
    { offset: -3 * day, text: '3 days ago' },
    { offset: 10 * minute, text: 'in 10 minutes' },
    { offset: day, text: 'tomorrow' },
    { offset: -400 * day, text: 'last year' },
  ])('should describe $offset ms from now as "$text"', ({ offset, text }) => {
    expect(relativeTime(now + offset, now, 'en')).toBe(text);
  });

  it("should follow the browser's UI language when no locale is given", () => {
    fakeBrowser.i18n.getUILanguage = () => 'de';
    try {
      expect(relativeTime(now - 3 * day, now)).toBe('vor 3 Tagen');
    } finally {
      fakeBrowser.i18n.getUILanguage = () => 'en';
    }
  });
});

describe('absoluteTime', () => {
  it("should format in the browser's UI language when no locale is given", () => {
    fakeBrowser.i18n.getUILanguage = () => 'de';
    try {
      expect(absoluteTime(Date.UTC(2026, 10, 22, 12, 0))).toContain('22.11.2026');
    } finally {
      fakeBrowser.i18n.getUILanguage = () => 'en';
    }
  });

  it('should format a date for en-GB', () => {
    const text = absoluteTime(Date.UTC(2026, 10, 22, 12, 0), 'en-GB');
    expect(text).not.toBe('');
    expect(text).toContain('2026');
  });
});

describe('steadyUntil', () => {
  const MIN = 60_000;
  const DAY = 24 * 60 * MIN;
  // Past and future times, from a second to years, and the edges of every unit.
  const gaps = [0, 1, 999, MIN - 1, MIN, MIN + 1, 59 * MIN, 60 * MIN - 1, 60 * MIN, 23 * 60 * MIN + 5, DAY];
  const more = [
    2 * DAY + 7,
    6 * DAY + 1,
    7 * DAY,
    13 * DAY,
    29 * DAY + 3,
    30 * DAY,
    31 * DAY,
    364 * DAY,
    365 * DAY,
    800 * DAY,
  ];
  const now = Date.UTC(2026, 11, 6, 12);

  it.each([...gaps, ...more].flatMap((gap) => [-gap, gap]))(
    'should give the first moment a time %d ms from now reads otherwise',
    (offset) => {
      const then = now + offset;
      const until = steadyUntil(then, now);
      const read = (at: number): string => relativeTime(then, at, 'en');
      expect(until).toBeGreaterThan(now);
      expect(read(until - 1)).toBe(read(now));
      expect(read(until)).not.toBe(read(now));
      // And nothing in between reads otherwise (sampled).
      for (let k = 1; k < 50; k++)
        expect(read(now + Math.floor(((until - 1 - now) * k) / 50))).toBe(read(now));
    },
  );

  it('should hold for any two times (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3 * 365 * DAY, max: 3 * 365 * DAY }), (offset) => {
        const then = now + offset;
        const until = steadyUntil(then, now);
        const read = (at: number): string => relativeTime(then, at, 'en');
        return until > now && read(until - 1) === read(now) && read(until) !== read(now);
      }),
      { numRuns: 2000 },
    );
  });

  it('should hand back until when everything formatted since it was asked reads the same', () => {
    const done = noteSteadiness();
    relativeTime(now - 3 * DAY, now, 'en');
    relativeTime(now - 30_000, now, 'en');
    expect(done()).toBe(now - 30_000 + MIN);
    // Noting has stopped: later formatting changes nothing, and a new note starts afresh.
    relativeTime(now - 1, now, 'en');
    expect(noteSteadiness()()).toBe(Number.MAX_SAFE_INTEGER);
  });
});
