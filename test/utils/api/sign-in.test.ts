// @vitest-environment node
// The sign-in calls against the real reference service over HTTP: a code read from what the service
// printed, a wrong code with tries left, the per-email limit with its wait, sign-out that makes the
// credential refused; and a server without the routes, which the extension falls back from.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../../service/server';
import { createApiClient } from '../../../utils/api/client';
import { createSignInApi } from '../../../utils/api/sign-in';

let service: RunningService;
const printed: string[] = [];

beforeAll(async () => {
  service = await startService({
    port: 0,
    log: () => {},
    printCode: (line) => printed.push(line),
    signInLimits: { codesPerEmail: { max: 2, windowMs: 60_000 } },
  });
}, 90_000);
afterAll(() => service?.close());

/** The last code the service printed for `email`. */
function codeFor(email: string): string {
  const line = printed.findLast((l) => l.includes(`for ${email}:`)) ?? '';
  return /: (\d{6}) /.exec(line)?.[1] ?? '';
}

describe('sign-in api against the reference service', () => {
  it('should send a code, sign in with it, and end the session on sign-out', async () => {
    const api = createSignInApi({ baseUrl: service.url });
    expect(await api.requestCode('signin-api@example.org')).toEqual({ kind: 'sent' });
    const code = codeFor('signin-api@example.org');
    expect(code).toMatch(/^\d{6}$/);
    const wrong = code === '000000' ? '000001' : '000000';
    expect(await api.verifyCode('signin-api@example.org', wrong)).toEqual({ kind: 'invalid', triesLeft: 4 });
    const checked = await api.verifyCode('signin-api@example.org', code);
    expect(checked).toMatchObject({ kind: 'signed-in', email: 'signin-api@example.org' });
    const credential = checked.kind === 'signed-in' ? checked.credential : '';
    expect((await createApiClient({ baseUrl: service.url, credential }).listTokens()).ok).toBe(true);
    // Used once: the same code again is expired.
    expect(await api.verifyCode('signin-api@example.org', code)).toEqual({ kind: 'expired' });

    expect(await api.endSession(credential)).toEqual({ ok: true, value: null });
    const after = await createApiClient({ baseUrl: service.url, credential }).listTokens();
    expect(!after.ok && after.error.status).toBe(401);
    // Ending it again is no error: there is nothing left to end.
    expect((await api.endSession(credential)).ok).toBe(true);
  });

  it('should tell a bad address and the wait after too many codes', async () => {
    const api = createSignInApi({ baseUrl: service.url });
    expect(await api.requestCode('not an address')).toEqual({ kind: 'invalid-email' });
    await api.requestCode('limited@example.org');
    await api.requestCode('limited@example.org');
    const third = await api.requestCode('limited@example.org');
    expect(third.kind).toBe('rate-limited');
    expect(third.kind === 'rate-limited' && third.retryAfter).toBeGreaterThan(0);
  });

  it('should put no code or credential in an error', async () => {
    const api = createSignInApi({ baseUrl: service.url });
    const answer = await api.verifyCode('nobody@example.org', '123456');
    expect(JSON.stringify(answer)).not.toContain('123456');
  });
});

describe('sign-in api against other servers', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.writeHead(req.url === '/auth/email' && req.method === 'POST' ? 405 : 404);
      res.end('<html>nothing here</html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should say a server without the sign-in routes does not offer them', async () => {
    expect(await createSignInApi({ baseUrl: url }).requestCode('a@example.org')).toEqual({
      kind: 'unsupported',
    });
  });

  it('should fail sign-out on a server that cannot be reached, without the credential in the message', async () => {
    const api = createSignInApi({ baseUrl: 'http://127.0.0.1:9' });
    const ended = await api.endSession('w3ss_secret_value');
    expect(ended.ok).toBe(false);
    expect(!ended.ok && ended.error.code).toBe('network');
    expect(JSON.stringify(ended)).not.toContain('w3ss_secret_value');
  });
});
