// @vitest-environment node
// The API client against the real reference service over HTTP, quirks included, plus a few
// deliberately broken servers for what the reference service never does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../../service/server';
import { createApiClient } from '../../../utils/api/client';

let service: RunningService;
let credential: string;

beforeAll(async () => {
  service = await startService({ port: 0, control: true, log: () => {} });
  credential = await service.createAccount('client-test@example.org');
}, 30_000);
afterAll(() => service?.close());

const client = (cred = credential) => createApiClient({ baseUrl: service.url, credential: cred });

async function control(body: unknown): Promise<void> {
  const res = await fetch(`${service.url}/__control`, { method: 'POST', body: JSON.stringify(body) });
  expect(res.ok).toBe(true);
}

/** A throwaway server answering every request with `handler`. */
async function oddServer(
  handler: Parameters<typeof createServer>[1],
): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('api client against the reference service', () => {
  it('should read the version and mode', async () => {
    const res = await client().version();
    expect(res.ok && res.value.mode).toBe('rw');
  });

  it('should identify the account', async () => {
    const res = await client().accountInfo();
    expect(res.ok && res.value.email).toBe('client-test@example.org');
  });

  it('should read storage used and the limit sent as a string (1 TiB by default)', async () => {
    const res = await client().storageUsage();
    expect(res.ok && res.value).toEqual({ usedBytes: 0, limitBytes: 1024 ** 4 });
  });

  it('should create with an id only, then find the secret by listing again', async () => {
    const created = await client().createToken('client test token');
    expect(created.ok).toBe(true);
    const id = created.ok ? created.value.id : null;
    expect(id).toMatch(/^\d+$/);
    expect(BigInt(id ?? 0)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    const listed = await client().listTokens();
    const token = listed.ok ? listed.value.find((t) => t.id === id) : undefined;
    expect(token?.name).toBe('client test token');
    expect(token?.secret.split('.')).toHaveLength(3);
  });

  it('should count a revoke of an already revoked token as done (200, empty body)', async () => {
    const created = await client().createToken('to revoke');
    const id = created.ok && created.value.id ? created.value.id : '';
    expect(await client().revokeToken(id)).toEqual({ ok: true, value: { alreadyGone: false } });
    expect(await client().revokeToken(id)).toEqual({ ok: true, value: { alreadyGone: true } });
    const listed = await client().listTokens();
    expect(listed.ok && listed.value.some((t) => t.id === id)).toBe(false);
  });

  it('should turn a non-numeric id into a server error sentence', async () => {
    const res = await client().revokeToken('not-a-number');
    expect(!res.ok && res.error.code).toBe('server');
    expect(!res.ok && res.error.message).toMatch(/^The token service had a problem \(error 500\)/);
  });

  it('should say the session ended for an unknown credential', async () => {
    const res = await client('w3ss_unknown').listTokens();
    expect(!res.ok && res.error.code).toBe('signed-out');
  });

  it('should explain that an API token cannot be used to sign in', async () => {
    const listed = await client().listTokens();
    const apiToken = listed.ok ? (listed.value[0]?.secret ?? '') : '';
    const res = await client(apiToken).listTokens();
    expect(!res.ok && res.error.code).toBe('wrong-credential');
    expect(!res.ok && res.error.message).not.toContain(apiToken);
  });

  it('should report maintenance (503) and sunset (410) with their own messages', async () => {
    service.setMode('r-');
    const maintenance = await client().createToken('x');
    expect(!maintenance.ok && maintenance.error.code).toBe('maintenance');
    expect((await client().listTokens()).ok).toBe(true);
    service.setMode('rw');
    await control({ sunset: true });
    const sunset = await client().revokeToken('1');
    expect(!sunset.ok && sunset.error.code).toBe('sunset');
    await control({ sunset: false });
  });

  it('should say a 429 whose body is not JSON is a rate limit, leaving its wait to the engine', async () => {
    await control({ rateLimit: { max: 2, windowMs: 60_000 } });
    const results = [await client().listTokens(), await client().listTokens(), await client().listTokens()];
    await control({ rateLimit: { max: 30, windowMs: 10_000 } });
    const last = results[2];
    expect(last && !last.ok && last.error).toMatchObject({ code: 'rate-limited', status: 429 });
    expect(last && !last.ok && last.error.retryAfterMs).toBeUndefined();
  });
});

describe('api client against broken servers', () => {
  it('should time out instead of waiting forever', async () => {
    const { url, server } = await oddServer(() => {});
    const res = await createApiClient({ baseUrl: url, credential, timeoutMs: 200 }).listTokens();
    server.closeAllConnections();
    server.close();
    expect(!res.ok && res.error.code).toBe('timeout');
  });

  it('should turn a refused connection into an error value naming the host only', async () => {
    const { url, server } = await oddServer(() => {});
    server.close();
    const res = await createApiClient({ baseUrl: url, credential }).listTokens();
    expect(!res.ok && res.error.code).toBe('network');
    expect(!res.ok && res.error.message).toContain(new URL(url).host);
    expect(JSON.stringify(res)).not.toContain(credential);
  });

  it.each([
    ['a non-JSON body', 'text/html', '<html>oops</html>'],
    ['an object instead of an array', 'application/json', '{"tokens":[]}'],
    ['an item of the wrong shape', 'application/json', '[{"_id":1.5,"name":"x"}]'],
  ])('should reject a token list with %s', async (_label, type, body) => {
    const { url, server } = await oddServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': type });
      res.end(body);
    });
    const res = await createApiClient({ baseUrl: url, credential }).listTokens();
    server.close();
    expect(!res.ok && res.error.code).toBe('bad-response');
  });

  it('should accept a 200 from a create, as a dev mock of the original answered', async () => {
    const { url, server } = await oddServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"_id":"7"}');
    });
    const res = await createApiClient({ baseUrl: url, credential }).createToken('x');
    server.close();
    expect(res).toEqual({ ok: true, value: { id: '7' } });
  });
});
