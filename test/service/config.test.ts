// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { optionsFromEnv, parseDuration } from '../../service/config';

describe('parseDuration', () => {
  it.each([
    ['3600', 3600],
    ['45s', 45],
    ['15m', 900],
    ['12h', 43_200],
    ['30d', 2_592_000],
    [' 7 d ', 604_800],
  ])('should read SESSION_TTL %j as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each([['0'], ['-5'], ['1.5h'], ['10w'], ['soon'], ['']])(
    'should refuse SESSION_TTL %j, naming it',
    (text) => {
      expect(() => parseDuration(text)).toThrow(/SESSION_TTL/);
    },
  );
});

describe('optionsFromEnv', () => {
  it('should default to loopback, port 8787 and no mail, public URL or extra origin', () => {
    expect(optionsFromEnv({})).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '.data/service',
      control: false,
      publicUrls: [],
      corsOrigins: [],
      smtpUrl: undefined,
      sessionTtlSeconds: undefined,
      maxSessions: undefined,
    });
  });

  it('should read every sign-in and front-door variable', () => {
    expect(
      optionsFromEnv({
        PUBLIC_URL: 'https://tokens.example.org',
        CORS_ORIGINS: 'https://app.example.org, http://localhost:5173',
        SMTP_URL: 'smtp://127.0.0.1:2525',
        MAIL_FROM: 'Tokens <t@example.org>',
        SESSION_TTL: '1d',
        MAX_SESSIONS: '3',
        SERVICE_CONTROL: '1',
      }),
    ).toMatchObject({
      publicUrls: ['https://tokens.example.org/'],
      corsOrigins: ['https://app.example.org', 'http://localhost:5173'],
      smtpUrl: 'smtp://127.0.0.1:2525',
      mailFrom: 'Tokens <t@example.org>',
      sessionTtlSeconds: 86_400,
      maxSessions: 3,
      control: true,
    });
  });

  it.each([
    [{ PUBLIC_URL: 'tokens.example.org' }, /PUBLIC_URL/],
    [{ MAX_SESSIONS: '0' }, /MAX_SESSIONS/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ SESSION_TTL: 'forever' }, /SESSION_TTL/],
    [{ CORS_ORIGINS: 'https://ok.example, not an origin' }, /CORS_ORIGINS/],
  ])('should refuse %j with a message naming the variable', (env, message) => {
    expect(() => optionsFromEnv(env)).toThrow(message);
  });
});
