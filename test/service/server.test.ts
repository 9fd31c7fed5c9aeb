// @vitest-environment node
// The HTTP wiring around the routes: version, 404s, CORS, maintenance modes, sunset, rate limit,
// the control route and the request log, over real HTTP against one in-memory service.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../service/server';
import { call, control, createToken, listTokens, startTestService } from './support';

const lines: string[] = [];
let service: RunningService;
let credential: string;

beforeAll(async () => {
  ({ service, credential } = await startTestService('server-test@example.org', (line) => lines.push(line)));
}, 30_000);
afterAll(() => service?.close());
afterEach(() => control(service.url, { reset: true }));

/** `null` sends no credential at all. */
const get = (path: string, cred: string | null = credential, headers: Record<string, string> = {}) =>
  call(service.url, path, { credential: cred ?? undefined, headers });

describe('GET /version', () => {
  it('should answer version, commit, branch and mode without credentials', async () => {
    const answer = await get('/version', null);
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({
      version: expect.any(String),
      commit: expect.any(String),
      branch: expect.any(String),
      mode: 'rw',
    });
  });

  it('should report the mode set through setMode()', async () => {
    service.setMode('r-');
    expect((await get('/version')).json()).toMatchObject({ mode: 'r-' });
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/nope'],
    ['PUT', '/user/tokens'],
    ['GET', '/user/tokens/'],
    ['GET', '/user/uploads/'],
    ['PUT', '/car'],
    ['GET', '/__control'],
  ])('should answer 404 Not Found for %s %s', async (method, path) => {
    const answer = await call(service.url, path, { method, credential });
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual({ message: 'Not Found' });
  });
});

describe('CORS', () => {
  const origin = 'chrome-extension://abcdefghijklmnop';

  it.each([
    ['a success', '/user/tokens', true, 200],
    ['an auth error', '/user/tokens', false, 401],
    ['a not found', '/nope', true, 404],
  ])('should echo the Origin on %s', async (_, path, signedIn, status) => {
    const answer = await get(path, signedIn ? credential : null, { Origin: origin });
    expect(answer.status).toBe(status);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    expect(answer.headers.get('access-control-allow-methods')).toBe('GET,POST,PUT,DELETE,OPTIONS');
  });

  it('should answer no Access-Control-Allow-Origin, not even *, without an Origin', async () => {
    expect((await get('/version')).headers.has('access-control-allow-origin')).toBe(false);
  });

  it('should answer a preflight with 204, the requested headers and a max age', async () => {
    const answer = await call(service.url, '/user/tokens', {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expect(Object.fromEntries(answer.headers)).toMatchObject({
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
      'access-control-allow-headers': 'authorization,content-type',
      'access-control-max-age': expect.stringMatching(/^\d+$/),
    });
  });
});

describe('maintenance modes', () => {
  const maintenance = {
    code: 'ERROR_MAINTENANCE',
    message: 'API undergoing maintenance, please try again later',
  };

  it.each([
    ['r-', 'GET', '/user/tokens', 200],
    ['r-', 'GET', '/user/info', 200],
    ['r-', 'POST', '/user/tokens', 503],
    ['r-', 'DELETE', '/user/tokens/1', 503],
    ['--', 'GET', '/user/tokens', 503],
    ['--', 'GET', '/user/account', 503],
    ['--', 'GET', '/user/info', 503],
    ['--', 'POST', '/user/tokens', 503],
    ['--', 'GET', '/version', 200],
  ])('should in mode %s answer %s %s with %i', async (mode, method, path, status) => {
    await control(service.url, { mode });
    const body = method === 'POST' ? { name: 'x' } : undefined;
    const answer = await call(service.url, path, { method, credential, body });
    expect(answer.status).toBe(status);
    if (status === 503) expect(answer.json()).toEqual(maintenance);
  });

  it('should answer 503 before checking credentials', async () => {
    await control(service.url, { mode: 'r-' });
    expect((await call(service.url, '/user/tokens', { method: 'POST', body: { name: 'x' } })).status).toBe(
      503,
    );
  });
});

describe('sunset', () => {
  it.each([
    ['POST', '/user/tokens', 410],
    ['DELETE', '/user/tokens/1', 410],
    ['GET', '/user/tokens', 200],
  ])('should answer %s %s with %i', async (method, path, status) => {
    await control(service.url, { sunset: true });
    const body = method === 'POST' ? { name: 'x' } : undefined;
    const answer = await call(service.url, path, { method, credential, body });
    expect(answer.status).toBe(status);
    if (status === 410) expect(answer.json()).toMatchObject({ code: 'ERROR_FEATURE_HAS_BEEN_SUNSET' });
  });
});

describe('rate limit', () => {
  it('should answer a plain-text 429 without Retry-After past max requests', async () => {
    await control(service.url, { rateLimit: { max: 3, windowMs: 60_000 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get('/user/tokens')).status);
    const limited = await get('/user/tokens', credential, { Origin: 'chrome-extension://x' });
    expect(statuses).toEqual([200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('Too Many Requests');
    expect(limited.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(limited.headers.has('retry-after')).toBe(false);
    expect(limited.headers.get('access-control-allow-origin')).toBe('chrome-extension://x');
  });

  it('should count made-up bearers against their address, never in a bucket of their own', async () => {
    await control(service.url, { rateLimit: { max: 3, windowMs: 60_000 } });
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await get('/user/tokens', `w3ss_made-up-${i}-${Math.random()}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    expect((await get('/version', null)).status).toBe(429);
    // A verified credential still has its own count.
    expect((await get('/user/tokens')).status).toBe(200);
  });

  it('should count each credential separately, and requests without one per address', async () => {
    await control(service.url, { rateLimit: { max: 2, windowMs: 60_000 } });
    const other = await service.createAccount('other-limit@example.org');
    await get('/user/tokens');
    await get('/user/tokens');
    expect((await get('/user/tokens')).status).toBe(429);
    expect((await get('/user/tokens', other)).status).toBe(200);
    expect((await get('/version', null)).status).toBe(200);
    expect((await get('/version', null)).status).toBe(200);
    expect((await get('/version', null)).status).toBe(429);
  });

  it('should let requests through again once the window has passed', async () => {
    await control(service.url, { rateLimit: { max: 1, windowMs: 200 } });
    expect((await get('/user/tokens')).status).toBe(200);
    expect((await get('/user/tokens')).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await get('/user/tokens')).status).toBe(200);
  });
});

describe('POST /__control', () => {
  it('should answer the resulting switches', async () => {
    const answer = await control(service.url, {
      mode: 'r-',
      sunset: true,
      rateLimit: { max: 5, windowMs: 1000 },
    });
    expect(answer.json()).toEqual({ mode: 'r-', sunset: true, rateLimit: { max: 5, windowMs: 1000 } });
    const reset = await control(service.url, { reset: true });
    expect(reset.json()).toEqual({ mode: 'rw', sunset: false, rateLimit: { max: 10_000, windowMs: 10_000 } });
  });

  it.each([
    ['a non-object body', []],
    ['an unknown switch', { explode: true }],
    ['a bad mode', { mode: 'ro' }],
    ['a bad sunset', { sunset: 'yes' }],
    ['a bad rate limit', { rateLimit: { max: 0, windowMs: 10 } }],
    ['a non-numeric token id', { blocked: { id: 'abc', value: true } }],
    ['an unknown token id', { blocked: { id: '1', value: true } }],
    ['an unknown account', { restrictions: { email: 'ghost@example.org', delete: true } }],
    ['restrictions without a flag', { restrictions: { email: 'server-test@example.org' } }],
    ['reset without true', { reset: 1 }],
  ])('should answer 400 for %s', async (_, body) => {
    const answer = await call(service.url, '/__control', { method: 'POST', body });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'HTTP_ERROR' });
  });

  it('should apply nothing when one switch is invalid', async () => {
    await call(service.url, '/__control', { method: 'POST', body: { mode: '--', sunset: 'maybe' } });
    expect((await get('/version')).json()).toMatchObject({ mode: 'rw' });
  });
});

describe('request log', () => {
  it('should write one line per request: method, path, status and duration', async () => {
    lines.length = 0;
    await get('/user/tokens');
    await call(service.url, '/user/tokens/abc', { method: 'DELETE', credential });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toEqual([
      expect.stringMatching(/^GET \/user\/tokens 200 \d+ms$/),
      expect.stringMatching(/^DELETE \/user\/tokens\/abc 500 \d+ms$/),
    ]);
  });

  it('should never log a credential, a secret or a body, even one sent in the path', async () => {
    const id = await createToken(service.url, credential, 'log-probe-name');
    const secrets = (await listTokens(service.url, credential)).map((token) => token.secret);
    await call(service.url, `/user/tokens/${secrets[0]}`, { method: 'DELETE', credential });
    await call(service.url, `/user/tokens/${credential}`, { method: 'DELETE', credential });
    await call(service.url, '/user/tokens', { credential: secrets[0] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const log = lines.join('\n');
    expect(id).toBeTruthy();
    for (const secret of [credential, ...secrets]) expect(log).not.toContain(secret);
    expect(log).not.toContain('log-probe-name');
    expect(log).not.toMatch(/authorization|bearer/i);
    expect(log).toContain('DELETE /user/tokens/:redacted 500');
  });
});
