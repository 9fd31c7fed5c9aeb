import { describe, expect, it } from 'vitest';
import { errorFromResponse, RATE_LIMIT_WAIT_MS } from '../../../utils/api/errors';

const HTML_PAGE = '<html><body><h1>429 Too Many Requests</h1><p>cloudflare ray 8a1b2c</p></body></html>';

describe('errorFromResponse', () => {
  it.each([
    {
      status: 503,
      body: { code: 'ERROR_MAINTENANCE', message: 'API undergoing maintenance...' },
      code: 'maintenance',
    },
    { status: 410, body: { code: 'ERROR_FEATURE_HAS_BEEN_SUNSET', message: 'gone' }, code: 'sunset' },
    {
      status: 401,
      body: { code: 'ERROR_MAGIC_TOKEN_REQUIRED', message: 'Must be logged in with magic.link' },
      code: 'wrong-credential',
    },
    { status: 401, body: { code: 'ERROR_NO_TOKEN', message: 'No token found' }, code: 'signed-out' },
    { status: 401, body: { code: 'ERROR_USER_NOT_FOUND', message: 'User not found' }, code: 'signed-out' },
    {
      status: 403,
      body: { code: 'ERROR_DELETE_RESTRICTED', message: 'Delete restricted' },
      code: 'delete-restricted',
    },
    { status: 400, body: { code: 'HTTP_ERROR', message: 'invalid name' }, code: 'invalid-name' },
    { status: 404, body: { message: 'Not Found' }, code: 'not-found' },
    {
      status: 500,
      body: { code: 'ERROR_DB', message: 'invalid input syntax for type bigint' },
      code: 'server',
    },
    { status: 403, body: { code: 'ERROR_TOKEN_BLOCKED', message: 'blocked' }, code: 'restricted' },
  ])('should map $status "$body.message" to $code', ({ status, body, code }) => {
    expect(errorFromResponse(status, body, null)).toMatchObject({ code, status });
  });

  it('should leave the wait of a 429 with a text body and no Retry-After to the engine (30 s said)', () => {
    const error = errorFromResponse(429, HTML_PAGE, null);
    expect(error.code).toBe('rate-limited');
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.message).toContain('Wait about 30 seconds,');
    expect(RATE_LIMIT_WAIT_MS).toBe(30_000);
  });

  it.each([
    { retryAfter: '120', ms: 120_000, says: 'about 2 minutes' },
    { retryAfter: '5', ms: 5000, says: 'about 5 seconds' },
    { retryAfter: 'soon', ms: undefined, says: 'about 30 seconds' },
    { retryAfter: '-10', ms: undefined, says: 'about 30 seconds' },
  ])('should wait $ms ms ($says) for a 429 with Retry-After $retryAfter', ({ retryAfter, ms, says }) => {
    const error = errorFromResponse(429, null, retryAfter);
    expect(error.retryAfterMs).toBe(ms);
    expect(error.message).toContain(`Wait ${says},`);
  });

  it('should read a Retry-After given as an HTTP date', () => {
    const at = new Date(Date.now() + 90_000).toUTCString();
    const error = errorFromResponse(429, null, at);
    expect(error.retryAfterMs).toBeGreaterThan(80_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(90_000);
  });

  it.each([
    { body: { code: 'ERROR_ACCOUNT_RESTRICTED', message: 'x' }, code: 'restricted' },
    { body: 'Forbidden', code: 'restricted' },
    { body: { code: 'ERROR_DELETE_RESTRICTED', message: 'x' }, code: 'delete-restricted' },
  ])('should tell a 403 $body.code as $code', ({ body, code }) => {
    expect(errorFromResponse(403, body, null).code).toBe(code);
  });

  it.each([
    { name: 'null', body: null, status: 400, code: 'invalid-name' },
    { name: 'a string', body: 'ERROR_MAINTENANCE', status: 400, code: 'invalid-name' },
    { name: 'an array', body: [{ code: 'ERROR_MAINTENANCE' }], status: 400, code: 'invalid-name' },
    { name: 'a numeric code', body: { code: 503 }, status: 400, code: 'invalid-name' },
    {
      name: 'a code only under __proto__',
      body: JSON.parse('{"__proto__":{"code":"ERROR_MAGIC_TOKEN_REQUIRED"}}'),
      status: 401,
      code: 'signed-out',
    },
    {
      name: 'a code only on its prototype',
      body: Object.create({ code: 'ERROR_MAGIC_TOKEN_REQUIRED' }),
      status: 401,
      code: 'signed-out',
    },
    {
      name: 'an own code next to __proto__',
      body: JSON.parse('{"__proto__":{},"code":"ERROR_MAINTENANCE"}'),
      status: 400,
      code: 'maintenance',
    },
  ])('should fall back on the status for a body that is $name', ({ body, status, code }) => {
    expect(errorFromResponse(status, body, null).code).toBe(code);
  });

  const cases: Array<[number, unknown]> = [
    [429, HTML_PAGE],
    [400, HTML_PAGE],
    [401, HTML_PAGE],
    [403, HTML_PAGE],
    [404, HTML_PAGE],
    [410, HTML_PAGE],
    [418, HTML_PAGE],
    [500, HTML_PAGE],
    [502, HTML_PAGE],
    [503, HTML_PAGE],
    [401, { code: 'ERROR_MAGIC_TOKEN_REQUIRED' }],
    [403, { code: 'ERROR_DELETE_RESTRICTED' }],
  ];

  it.each(cases)('should never echo the body and always answer %i with a plain sentence', (status, body) => {
    const { message } = errorFromResponse(status, body, null);
    expect(message).not.toContain('cloudflare');
    expect(message).not.toContain('<');
    expect(message).toMatch(/^[A-Z].*\.$/);
  });
});
