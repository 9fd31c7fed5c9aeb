import { describe, expect, it, vi } from 'vitest';
import { type ConnectionDeps, createConnectionModel } from '../../../utils/account/connection-model';
import type { Session } from '../../../utils/account/session';
import { createSignInApi } from '../../../utils/api/sign-in';
import { createFakeApi } from '../../helpers/fake-api';

/** What the fake service answers next, per route; a thrown error is a network failure. */
type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

function setup(granted = true) {
  const fake = createFakeApi();
  const answers: Record<string, Answer> = {
    'POST /auth/email': { status: 202, body: {} },
    'POST /auth/email/verify': { status: 200, body: { credential: 'w3ss_fresh', email: 'ada@example.org' } },
    'DELETE /auth/session': { status: 204 },
  };
  const requests: { route: string; body: unknown; authorization: string | null }[] = [];
  const fetchFake = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const route = `${init?.method} ${new URL(String(input)).pathname}`;
    const headers = new Headers(init?.headers);
    requests.push({
      route,
      body: init?.body ? JSON.parse(String(init.body)) : null,
      authorization: headers.get('Authorization'),
    });
    const answer = answers[route] ?? { status: 404, body: { message: 'Not Found' } };
    if (answer instanceof Error) throw answer;
    const text = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(text, { status: answer.status, headers: answer.headers });
  });
  let stored: Session | null = null;
  const deps: ConnectionDeps = {
    loadServiceUrl: async () => 'http://127.0.0.1:8787',
    saveServiceUrl: vi.fn(async () => {}),
    loadSession: async () => stored,
    saveSession: vi.fn(async (session: Session) => {
      stored = session;
      return null;
    }),
    clearSession: vi.fn(async () => {
      stored = null;
    }),
    requestAccess: vi.fn(async () => granted),
    makeApi: vi.fn(() => fake.api),
    makeSignInApi: (baseUrl) => createSignInApi({ baseUrl, fetch: fetchFake }),
  };
  return { model: createConnectionModel(deps), deps, fake, stored: () => stored, answers, requests };
}

describe('connection model', () => {
  it('should describe the service mode after a connection test', async () => {
    const { model } = setup();
    await model.start();
    await model.testConnection();
    expect(model.test.value).toEqual({
      ok: true,
      message: 'Connected to version 7.0.0: tokens can be listed, created and revoked.',
    });
  });

  it('should refuse an address that is not http(s) without a request', async () => {
    const { model, deps } = setup();
    model.serviceUrl.value = 'ftp://example.org';
    await model.testConnection();
    expect(model.test.value?.ok).toBe(false);
    expect(deps.makeApi).not.toHaveBeenCalled();
  });

  it('should ask for the origin, identify the account and save the session', async () => {
    const { model, deps, stored } = setup();
    await model.start();
    expect(await model.signIn('  w3ss_abc  ')).toBe(true);
    expect(deps.requestAccess).toHaveBeenCalledWith('http://127.0.0.1:8787');
    expect(stored()).toEqual({
      serviceUrl: 'http://127.0.0.1:8787',
      credential: 'w3ss_abc',
      account: '42',
      email: 'ada@example.org',
    });
    expect(model.session.value?.email).toBe('ada@example.org');
  });

  it('should not sign in when the permission is refused', async () => {
    const { model, stored } = setup(false);
    await model.start();
    expect(await model.signIn('w3ss_abc')).toBe(false);
    expect(model.signInError.value).toContain('127.0.0.1:8787');
    expect(stored()).toBeNull();
  });

  it('should explain that an API token is not a session credential', async () => {
    const { model, fake } = setup();
    await model.start();
    fake.failNext('accountInfo', {
      code: 'wrong-credential',
      status: 401,
      message: 'That looks like an API token.',
    });
    expect(await model.signIn('eyJhbGciOi.token.sig')).toBe(false);
    expect(model.signInError.value).toBe('That looks like an API token.');
  });

  it('should fall back to a credential fingerprint on a server without /user/info', async () => {
    const { model, fake, stored } = setup();
    await model.start();
    fake.failNext('accountInfo', { code: 'not-found', status: 404, message: 'Not found.' });
    expect(await model.signIn('w3ss_abc')).toBe(true);
    expect(stored()?.account).toMatch(/^credential:[0-9a-f]{24}$/);
    expect(stored()?.account).not.toContain('w3ss_abc');
  });

  it('should end the session on the service, then forget the credential but keep the address', async () => {
    const { model, deps, requests } = setup();
    await model.start();
    await model.signIn('w3ss_abc');
    await model.signOut();
    expect(requests).toEqual([
      { route: 'DELETE /auth/session', body: null, authorization: 'Bearer w3ss_abc' },
    ]);
    expect(deps.clearSession).toHaveBeenCalled();
    expect(deps.saveServiceUrl).toHaveBeenCalledWith('http://127.0.0.1:8787');
    expect(model.session.value).toBeNull();
    expect(model.signOutNotice.value).toBeNull();
  });

  it('should still sign out here when the service cannot be reached, and say so', async () => {
    const { model, deps, answers } = setup();
    await model.start();
    await model.signIn('w3ss_abc');
    answers['DELETE /auth/session'] = new TypeError('Failed to fetch');
    await model.signOut();
    expect(deps.clearSession).toHaveBeenCalled();
    expect(model.session.value).toBeNull();
    expect(model.signOutNotice.value).toContain('Signed out on this device');
    expect(model.signOutNotice.value).toContain('127.0.0.1:8787');
    expect(model.signOutNotice.value).not.toContain('w3ss_abc');
  });
});

describe('connection model, email code sign-in', () => {
  it('should send the code, then sign in with it and keep the session', async () => {
    const { model, deps, requests, stored } = setup();
    await model.start();
    model.email.value = '  ada@example.org ';
    await model.sendCode();
    expect(deps.requestAccess).toHaveBeenCalledWith('http://127.0.0.1:8787');
    expect(model.codeSentTo.value).toBe('ada@example.org');
    expect(model.signInError.value).toBeNull();
    expect(await model.verifyCode(' 123 456 ')).toBe(true);
    expect(requests.map((r) => r.body)).toEqual([
      { email: 'ada@example.org' },
      { email: 'ada@example.org', code: '123456' },
    ]);
    expect(stored()).toEqual({
      serviceUrl: 'http://127.0.0.1:8787',
      credential: 'w3ss_fresh',
      account: '42',
      email: 'ada@example.org',
    });
    expect(model.codeSentTo.value).toBeNull();
  });

  it.each([
    [
      '400 bad address',
      { status: 400, body: { code: 'ERROR_INVALID_EMAIL', message: 'x' } },
      /not an email address/,
    ],
    [
      '429 with retryAfter',
      { status: 429, body: { code: 'ERROR_TOO_MANY_REQUESTS', message: 'x', retryAfter: 42 } },
      /Wait 42 s/,
    ],
    ['429 with the header only', { status: 429, body: {}, headers: { 'Retry-After': '7' } }, /Wait 7 s/],
    [
      '503 mail failed',
      { status: 503, body: { code: 'ERROR_MAIL_FAILED', message: 'x' } },
      /could not send the code/,
    ],
    [
      'a network error',
      new TypeError('Failed to fetch'),
      /Can’t reach the token service at 127\.0\.0\.1:8787/,
    ],
  ] satisfies [string, Answer, RegExp][])(
    'should keep the email and explain %s when sending',
    async (_, answer, message) => {
      const { model, answers } = setup();
      await model.start();
      answers['POST /auth/email'] = answer;
      model.email.value = 'ada@example.org';
      await model.sendCode();
      expect(model.signInError.value).toMatch(message);
      expect(model.email.value).toBe('ada@example.org');
      expect(model.codeSentTo.value).toBeNull();
      expect(model.noEmailSignIn.value).toBe(false);
    },
  );

  it.each([404, 405])(
    'should fall back to a pasted credential when /auth/email answers %i',
    async (status) => {
      const { model, answers } = setup();
      await model.start();
      answers['POST /auth/email'] = { status, body: { message: 'Not Found' } };
      model.email.value = 'ada@example.org';
      await model.sendCode();
      expect(model.noEmailSignIn.value).toBe(true);
      expect(model.signInError.value).toBeNull();
      expect(await model.signIn('w3ss_abc')).toBe(true);
    },
  );

  it.each([
    [
      '401 invalid with tries left',
      { status: 401, body: { code: 'ERROR_CODE_INVALID', message: 'x', triesLeft: 3 } },
      /not right\. Tries left for this code: 3\./,
      'ada@example.org',
    ],
    [
      '401 expired',
      { status: 401, body: { code: 'ERROR_CODE_EXPIRED', message: 'x' } },
      /expired.*Send a new code/,
      null,
    ],
    [
      '429 with retryAfter',
      { status: 429, body: { code: 'ERROR_TOO_MANY_REQUESTS', message: 'x', retryAfter: 30 } },
      /Wait 30 s/,
      'ada@example.org',
    ],
    ['a network error', new TypeError('Failed to fetch'), /Can’t reach/, 'ada@example.org'],
    [
      '200 without a credential',
      { status: 200, body: {} },
      /unexpected|not understood|answer/i,
      'ada@example.org',
    ],
  ] satisfies [string, Answer, RegExp, string | null][])(
    'should explain %s when checking the code, keeping the email',
    async (_, answer, message, codeStep) => {
      const { model, answers, stored } = setup();
      await model.start();
      model.email.value = 'ada@example.org';
      await model.sendCode();
      answers['POST /auth/email/verify'] = answer;
      expect(await model.verifyCode('654321')).toBe(false);
      expect(model.signInError.value).toMatch(message);
      expect(model.signInError.value).not.toContain('654321');
      expect(model.email.value).toBe('ada@example.org');
      expect(model.codeSentTo.value).toBe(codeStep);
      expect(stored()).toBeNull();
    },
  );

  it('should ask for an email and a code before any request', async () => {
    const { model, requests, deps } = setup();
    await model.start();
    await model.sendCode();
    expect(model.signInError.value).toMatch(/Type your email/);
    model.email.value = 'ada@example.org';
    expect(await model.verifyCode('  ')).toBe(false);
    expect(model.signInError.value).toMatch(/Type the code/);
    expect(requests).toEqual([]);
    expect(deps.requestAccess).not.toHaveBeenCalled();
  });

  it('should ask for the host permission before anything is awaited (Firefox keeps the gesture)', () => {
    const { model, deps } = setup();
    model.serviceUrl.value = 'http://127.0.0.1:8787';
    model.email.value = 'ada@example.org';
    void model.sendCode();
    expect(deps.requestAccess).toHaveBeenCalledTimes(1);
  });

  it('should not send a code when the permission is refused', async () => {
    const { model, requests } = setup(false);
    await model.start();
    model.email.value = 'ada@example.org';
    await model.sendCode();
    expect(model.signInError.value).toContain('127.0.0.1:8787');
    expect(requests).toEqual([]);
  });

  it.each([
    ['http://127.0.0.1:8787', false],
    ['http://localhost:8787', false],
    ['http://[::1]:8787', false],
    ['https://tokens.example.org', false],
    ['http://tokens.example.org', true],
    ['http://192.168.1.20:8787', true],
  ])('should warn about plain http to another computer: %s → %s', (url, warned) => {
    const { model } = setup();
    model.serviceUrl.value = url;
    expect(model.insecure.value).toBe(warned);
  });
});
