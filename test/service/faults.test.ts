// @vitest-environment node
// Fault injection in the reference service, over real HTTP: `down`, and planned faults (`status`,
// `delay`, `lose`, `refuse`) set through `POST /__control` or RunningService, counted down by `times`.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../service/server';
import {
  type Answer,
  type CallOptions,
  call,
  control,
  createToken,
  listTokens,
  startTestService,
} from './support';

const lines: string[] = [];
let service: RunningService;
let credential: string;

beforeAll(async () => {
  ({ service, credential } = await startTestService('faults-test@example.org', (line) => lines.push(line)));
}, 30_000);
afterAll(() => service?.close());
afterEach(() => control(service.url, { reset: true }));

/** The answer, or 'network error' when the socket was closed without one. */
async function attempt(path: string, options: CallOptions = {}): Promise<Answer | 'network error'> {
  try {
    return await call(service.url, path, { credential, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return 'network error';
  }
}

async function statusOf(path: string, options: CallOptions = {}): Promise<number | 'network error'> {
  const answer = await attempt(path, options);
  return answer === 'network error' ? answer : answer.status;
}

const create = (name: string) => attempt('/user/tokens', { method: 'POST', body: { name } });
const namesOnService = async () => (await listTokens(service.url, credential)).map((t) => t.name);
const unique = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

describe('down', () => {
  it('should drop every request but /__control until it is up again', async () => {
    await control(service.url, { down: true });
    expect(await statusOf('/user/tokens')).toBe('network error');
    expect(await statusOf('/version', { credential: undefined })).toBe('network error');
    expect(await statusOf('/user/tokens', { method: 'OPTIONS' })).toBe('network error');
    expect(service.faults().down).toBe(true);
    await control(service.url, { down: false });
    expect(await statusOf('/user/tokens')).toBe(200);
  });

  it('should apply nothing while down', async () => {
    const name = unique('while down');
    await control(service.url, { down: true });
    expect(await create(name)).toBe('network error');
    await control(service.url, { down: false });
    expect(await namesOnService()).not.toContain(name);
  });

  it('should be switched by setDown() as well', async () => {
    service.setDown(true);
    expect(await statusOf('/user/tokens')).toBe('network error');
    service.setDown(false);
    expect(await statusOf('/user/tokens')).toBe(200);
  });

  it('should be cleared by reset', async () => {
    await control(service.url, { down: true });
    await control(service.url, { reset: true });
    expect(await statusOf('/user/tokens')).toBe(200);
  });
});

describe('status faults', () => {
  it.each([
    [500, { code: 'ERROR_DB', message: expect.any(String) }],
    [503, { code: 'ERROR_MAINTENANCE', message: 'API undergoing maintenance, please try again later' }],
    [410, { code: 'ERROR_FEATURE_HAS_BEEN_SUNSET', message: expect.any(String) }],
    [401, { code: 'ERROR_NO_TOKEN', message: expect.any(String) }],
    [403, { code: 'ERROR_ACCOUNT_RESTRICTED', message: expect.any(String) }],
  ])('should answer %i with its JSON body, without creating the token', async (status, body) => {
    const name = unique(`status ${status}`);
    await control(service.url, {
      faults: [{ route: 'POST /user/tokens', kind: 'status', status, times: 1 }],
    });
    const answer = await create(name);
    expect(answer).not.toBe('network error');
    if (answer === 'network error') return;
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.json()).toEqual(body);
    expect(await namesOnService()).not.toContain(name);
  });

  it('should answer 429 in plain text, without Retry-After, with CORS headers', async () => {
    await control(service.url, {
      faults: [{ route: 'GET /user/tokens', kind: 'status', status: 429, times: 1 }],
    });
    const answer = await attempt('/user/tokens', { headers: { Origin: 'chrome-extension://x' } });
    if (answer === 'network error') throw new Error('no answer');
    expect(answer.status).toBe(429);
    expect(answer.text).toBe('Too Many Requests');
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(answer.headers.has('retry-after')).toBe(false);
    expect(answer.headers.get('access-control-allow-origin')).toBe('chrome-extension://x');
  });

  it.each([
    { retryAfter: '7', body: 'json' as const },
    { retryAfter: 'Wed, 21 Oct 2037 07:28:00 GMT', body: 'text' as const },
    { retryAfter: '120', body: undefined },
  ])('should answer 429 with Retry-After $retryAfter and a $body body', async ({ retryAfter, body }) => {
    await control(service.url, {
      faults: [{ route: 'POST /user/tokens', kind: 'status', status: 429, times: 1, retryAfter, body }],
    });
    const name = unique('limited');
    const answer = await create(name);
    if (answer === 'network error') throw new Error('no answer');
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe(retryAfter);
    if (body === 'json') expect(answer.json()).toMatchObject({ code: 'ERROR_TOO_MANY_REQUESTS' });
    else expect(answer.text).toBe('Too Many Requests');
    expect(await namesOnService()).not.toContain(name);
  });

  it.each([
    [{ kind: 'status', status: 503, times: 1, retryAfter: '5' }, /429 only/],
    [{ kind: 'status', status: 429, times: 1, retryAfter: 'a\nb' }, /header value/],
    [{ kind: 'status', status: 429, times: 1, body: 'html' }, /body must be/],
  ])('should refuse the fault %j', async (fault, message) => {
    const res = await fetch(`${service.url}/__control`, {
      method: 'POST',
      body: JSON.stringify({ faults: [fault] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(message);
  });

  it('should hit only its route, `times` times, then be gone', async () => {
    const id = await createToken(service.url, credential, unique('kept'));
    await control(service.url, {
      faults: [{ route: 'DELETE /user/tokens/:id', kind: 'status', status: 503, times: 2 }],
    });
    expect(await statusOf('/user/tokens')).toBe(200);
    expect(await statusOf(`/user/tokens/${id}`, { method: 'DELETE' })).toBe(503);
    expect(service.faults().faults).toEqual([
      { route: 'DELETE /user/tokens/:id', kind: 'status', status: 503, times: 1 },
    ]);
    expect(await statusOf(`/user/tokens/${id}`, { method: 'DELETE' })).toBe(503);
    expect(service.faults().faults).toEqual([]);
    expect((await listTokens(service.url, credential)).map((t) => t._id)).toContain(id);
    const answer = await attempt(`/user/tokens/${id}`, { method: 'DELETE' });
    expect(answer === 'network error' ? answer : answer.json()).toEqual({ _id: id });
  });

  it("should match any request with route '*' (or no route), but never a preflight", async () => {
    await control(service.url, { faults: [{ route: '*', kind: 'status', status: 500, times: 2 }] });
    expect(await statusOf('/user/tokens', { method: 'OPTIONS' })).toBe(204);
    expect(await statusOf('/version')).toBe(500);
    expect(await statusOf('/user/info')).toBe(500);
    expect(await statusOf('/version')).toBe(200);
    await control(service.url, { faults: [{ kind: 'status', status: 410, times: 1 }] });
    expect(await statusOf('/user/tokens')).toBe(410);
  });

  it('should use the first matching fault, in the order given', async () => {
    await control(service.url, {
      faults: [
        { route: 'GET /user/tokens', kind: 'status', status: 503, times: 1 },
        { route: '*', kind: 'status', status: 500, times: 1 },
      ],
    });
    expect(await statusOf('/user/tokens')).toBe(503);
    expect(await statusOf('/user/tokens')).toBe(500);
    expect(await statusOf('/user/tokens')).toBe(200);
  });
});

describe('delay faults', () => {
  it('should apply the change at once and answer after `ms`', async () => {
    const name = unique('slow');
    await control(service.url, {
      faults: [{ route: 'POST /user/tokens', kind: 'delay', ms: 400, times: 1 }],
    });
    const started = performance.now();
    const pending = create(name);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await namesOnService()).toContain(name);
    const answer = await pending;
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(answer === 'network error' ? answer : answer.status).toBe(201);
    const quick = performance.now();
    expect(await statusOf('/user/tokens')).toBe(200);
    expect(performance.now() - quick).toBeLessThan(300);
  });

  it('should make a client with a shorter timeout give up, the change applied all the same', async () => {
    const name = unique('timed out');
    await control(service.url, {
      faults: [{ route: 'POST /user/tokens', kind: 'delay', ms: 2000, times: 1 }],
    });
    const outcome = await fetch(`${service.url}/user/tokens`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${credential}` },
      body: JSON.stringify({ name }),
      signal: AbortSignal.timeout(200),
    }).catch((error: unknown) => (error instanceof Error ? error.name : 'unknown'));
    expect(outcome).toBe('TimeoutError');
    expect(await namesOnService()).toContain(name);
  });
});

describe('lose faults', () => {
  it('should create the token, then drop the answer', async () => {
    const name = unique('lost create');
    await control(service.url, { faults: [{ route: 'POST /user/tokens', kind: 'lose', times: 1 }] });
    expect(await create(name)).toBe('network error');
    // Exactly once: neither the client nor the service sent it twice.
    expect((await namesOnService()).filter((n) => n === name)).toHaveLength(1);
  });

  it('should revoke the token, then drop the answer; a second revoke answers an empty 200', async () => {
    const id = await createToken(service.url, credential, unique('lost revoke'));
    await control(service.url, { faults: [{ route: 'DELETE /user/tokens/:id', kind: 'lose', times: 1 }] });
    expect(await statusOf(`/user/tokens/${id}`, { method: 'DELETE' })).toBe('network error');
    expect((await listTokens(service.url, credential)).map((t) => t._id)).not.toContain(id);
    const again = await attempt(`/user/tokens/${id}`, { method: 'DELETE' });
    expect(again === 'network error' ? again : [again.status, again.text]).toEqual([200, '']);
  });

  it('should log the dropped answer without a status', async () => {
    await control(service.url, { faults: [{ route: 'GET /user/tokens', kind: 'lose', times: 1 }] });
    lines.length = 0;
    await attempt('/user/tokens');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toEqual([expect.stringMatching(/^GET \/user\/tokens dropped \d+ms$/)]);
  });
});

describe('refuse faults', () => {
  it('should drop the request without applying it, then let the next one through', async () => {
    const name = unique('refused');
    await control(service.url, { faults: [{ route: 'POST /user/tokens', kind: 'refuse', times: 1 }] });
    expect(await create(name)).toBe('network error');
    expect(await namesOnService()).not.toContain(name);
    const answer = await create(name);
    expect(answer === 'network error' ? answer : answer.status).toBe(201);
    expect((await namesOnService()).filter((n) => n === name)).toHaveLength(1);
  });

  it('should refuse a revoke without applying it', async () => {
    const id = await createToken(service.url, credential, unique('refused revoke'));
    service.setFaults([{ route: 'DELETE /user/tokens/:id', kind: 'refuse', times: 1 }]);
    expect(await statusOf(`/user/tokens/${id}`, { method: 'DELETE' })).toBe('network error');
    expect((await listTokens(service.url, credential)).map((t) => t._id)).toContain(id);
  });
});

describe('clearing and validation', () => {
  it('should clear planned faults with faults: [] and with reset', async () => {
    await control(service.url, { faults: [{ route: '*', kind: 'refuse', times: 5 }] });
    await control(service.url, { faults: [] });
    expect(await statusOf('/user/tokens')).toBe(200);
    await control(service.url, { faults: [{ route: '*', kind: 'refuse', times: 5 }], down: true });
    await control(service.url, { reset: true });
    expect(service.faults()).toEqual({ down: false, faults: [], classic: false });
    expect(await statusOf('/user/tokens')).toBe(200);
  });

  it('should never fault the control route itself', async () => {
    await control(service.url, { down: true, faults: [{ route: '*', kind: 'refuse', times: 5 }] });
    expect((await control(service.url, { mode: 'rw' })).status).toBe(200);
    expect(service.faults().faults).toEqual([{ route: '*', kind: 'refuse', times: 5 }]);
  });

  it.each([
    ['a non-boolean down', { down: 'yes' }],
    ['faults that are not an array', { faults: { kind: 'refuse', times: 1 } }],
    ['an unknown route', { faults: [{ route: 'GET /user/info', kind: 'refuse', times: 1 }] }],
    ['an unknown kind', { faults: [{ route: '*', kind: 'explode', times: 1 }] }],
    ['no times', { faults: [{ route: '*', kind: 'lose' }] }],
    ['times 0', { faults: [{ route: '*', kind: 'lose', times: 0 }] }],
    ['a status not offered', { faults: [{ route: '*', kind: 'status', status: 404, times: 1 }] }],
    ['a delay without ms', { faults: [{ route: '*', kind: 'delay', times: 1 }] }],
    ['a delay over ten minutes', { faults: [{ route: '*', kind: 'delay', ms: 600_001, times: 1 }] }],
    ['a field of another kind', { faults: [{ route: '*', kind: 'lose', ms: 5, times: 1 }] }],
  ])('should answer 400 for %s and apply nothing', async (_, body) => {
    const answer = await call(service.url, '/__control', { method: 'POST', body: { down: true, ...body } });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'HTTP_ERROR' });
    expect(service.faults()).toEqual({ down: false, faults: [], classic: false });
    expect(await statusOf('/user/tokens')).toBe(200);
  });
});
