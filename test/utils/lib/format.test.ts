import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { absoluteTime, maskSecret, relativeTime } from '../../../utils/lib/format';

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
