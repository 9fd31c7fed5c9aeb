// @vitest-environment node
// Sign-in by email code (POST /auth/email, POST /auth/email/verify), sign-out and session limits,
// over real HTTP against one in-memory service whose clock the tests move. Codes are read from the
// console line the service prints without SMTP_URL (mail.test.ts covers real SMTP).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../service/server';
import { type Answer, call, control } from './support';

const TTL = 3600;
const MAX_SESSIONS = 3;
const GENEROUS = { max: 10_000, windowMs: 60_000 };
let service: RunningService;
let at = Date.parse('2026-03-01T10:00:00Z');
const printed: string[] = [];

beforeAll(async () => {
  service = await startService({
    port: 0,
    control: true,
    log: () => {},
    rateLimit: { max: 10_000, windowMs: 10_000 },
    signInLimits: { codesPerEmail: GENEROUS, codesPerClient: GENEROUS, checksPerClient: GENEROUS },
    sessionTtlSeconds: TTL,
    maxSessions: MAX_SESSIONS,
    printCode: (line) => printed.push(line),
    now: () => new Date(at),
  });
}, 30_000);
afterAll(() => service?.close());

const advance = (ms: number): void => {
  at += ms;
};
const askCode = (email: unknown): Promise<Answer> =>
  call(service.url, '/auth/email', { method: 'POST', body: { email } });
const verify = (email: unknown, code: unknown): Promise<Answer> =>
  call(service.url, '/auth/email/verify', { method: 'POST', body: { email, code } });
const tokens = (credential: string): Promise<Answer> => call(service.url, '/user/tokens', { credential });

/** Asks a code for `email` and reads it off the service's console line. */
async function newCode(email: string): Promise<string> {
  const answer = await askCode(email);
  expect(answer.status).toBe(202);
  const line = printed.at(-1) ?? '';
  expect(line).toContain(email.toLowerCase());
  return /: (\d{6}) /.exec(line)?.[1] ?? 'no code printed';
}

async function signIn(email: string): Promise<string> {
  const answer = await verify(email, await newCode(email));
  expect(answer.status).toBe(200);
  return (answer.json() as { credential: string }).credential;
}

/** A six-digit code other than `code`. */
const wrong = (code: string): string => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('POST /auth/email', () => {
  it('should answer 202 {} and print the code once, saying it is for local use', async () => {
    const before = printed.length;
    const answer = await askCode('Printed@Example.org');
    expect(answer.status).toBe(202);
    expect(answer.json()).toEqual({});
    expect(printed.slice(before)).toEqual([expect.stringMatching(/printed@example\.org: \d{6} .*local use/)]);
  });

  it.each([[{}], [{ email: 'nope' }], [{ email: 42 }], ['not json'], [{ email: 'a b@c.d' }]])(
    'should answer 400 ERROR_INVALID_EMAIL for %j',
    async (body) => {
      for (const path of ['/auth/email', '/auth/email/verify']) {
        const answer = await call(service.url, path, { method: 'POST', body });
        expect(answer.status).toBe(400);
        expect(answer.json()).toEqual({ code: 'ERROR_INVALID_EMAIL', message: expect.any(String) });
      }
    },
  );

  it('should answer the same for an existing account and a new email', async () => {
    await service.createAccount('exists@example.org');
    const existing = await askCode('exists@example.org');
    const fresh = await askCode(`fresh-${Date.now()}@example.org`);
    expect([existing.status, existing.text]).toEqual([fresh.status, fresh.text]);
    const [wrongExisting, wrongFresh] = [
      await verify('exists@example.org', '000000x'),
      await verify(`never-asked-${Date.now()}@example.org`, '000000x'),
    ];
    expect(wrongExisting.json()).toMatchObject({ code: 'ERROR_CODE_INVALID', triesLeft: 4 });
    expect(wrongFresh.json()).toMatchObject({ code: 'ERROR_CODE_EXPIRED' });
    // Nobody asked a code for either: both answer exactly the same.
    const [a, b] = [
      await verify('never-1@example.org', '123456'),
      await verify('never-2@example.org', '123456'),
    ];
    expect([a.status, a.text]).toEqual([b.status, b.text]);
  });
});

describe('POST /auth/email/verify', () => {
  it('should create the account on the first verified code and answer a working credential', async () => {
    const code = await newCode('New.Person@Example.org');
    const answer = await verify(' NEW.person@example.org ', code);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.json() as object)).toEqual(['credential', 'email', 'expires']);
    const body = answer.json() as { credential: string; email: string; expires: string };
    expect(body).toEqual({
      credential: expect.stringMatching(/^w3ss_[\w-]{43}$/),
      email: 'new.person@example.org',
      expires: new Date(at + TTL * 1000).toISOString(),
    });
    const info = await call(service.url, '/user/info', { credential: body.credential });
    expect(info.json()).toMatchObject({ info: { email: 'new.person@example.org' } });
  });

  it('should accept a code only once', async () => {
    const code = await newCode('once@example.org');
    expect((await verify('once@example.org', code)).status).toBe(200);
    const again = await verify('once@example.org', code);
    expect(again.status).toBe(401);
    expect(again.json()).toEqual({ code: 'ERROR_CODE_EXPIRED', message: expect.any(String) });
  });

  it('should sign in to the same account again with a new credential', async () => {
    const first = await signIn('again@example.org');
    const second = await signIn('AGAIN@example.org');
    expect(second).not.toBe(first);
    const [a, b] = [
      await call(service.url, '/user/info', { credential: first }),
      await call(service.url, '/user/info', { credential: second }),
    ];
    expect((a.json() as { info: { _id: string } }).info._id).toBe(
      (b.json() as { info: { _id: string } }).info._id,
    );
  });

  it('should take a pasted code with spaces or a dash', async () => {
    const code = await newCode('pasted@example.org');
    expect((await verify('pasted@example.org', ` ${code.slice(0, 3)} - ${code.slice(3)} `)).status).toBe(200);
  });

  it('should count down 5 wrong tries, then refuse even the right code', async () => {
    const code = await newCode('tries@example.org');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await verify('tries@example.org', wrong(code))).json());
    expect(answers.map((a) => (a as { triesLeft: number }).triesLeft)).toEqual([4, 3, 2, 1, 0]);
    expect(answers[0]).toEqual({ code: 'ERROR_CODE_INVALID', message: expect.any(String), triesLeft: 4 });
    const right = await verify('tries@example.org', code);
    expect(right.status).toBe(401);
    expect(right.json()).toMatchObject({ code: 'ERROR_CODE_EXPIRED' });
  });

  it('should give a new code 5 fresh tries and make the earlier code worthless', async () => {
    const first = await newCode('renew@example.org');
    await verify('renew@example.org', wrong(first));
    const second = await newCode('renew@example.org');
    if (second !== first) {
      expect((await verify('renew@example.org', first)).json()).toMatchObject({ triesLeft: 4 });
    }
    expect((await verify('renew@example.org', second)).status).toBe(200);
  });

  it('should refuse a code after 10 minutes and take one just before', async () => {
    const late = await newCode('late@example.org');
    advance(10 * 60_000);
    expect((await verify('late@example.org', late)).json()).toMatchObject({ code: 'ERROR_CODE_EXPIRED' });
    const timely = await newCode('late@example.org');
    advance(10 * 60_000 - 1000);
    expect((await verify('late@example.org', timely)).status).toBe(200);
  });

  it('should not take a code asked for another email', async () => {
    const code = await newCode('mine@example.org');
    await newCode('theirs@example.org');
    expect((await verify('theirs@example.org', code)).status).toBe(401);
  });
});

describe('sessions', () => {
  it('should end a session on DELETE /auth/session, and only that one', async () => {
    const leaving = await signIn('leaver@example.org');
    const staying = await signIn('leaver@example.org');
    const answer = await call(service.url, '/auth/session', { method: 'DELETE', credential: leaving });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    const refused = await tokens(leaving);
    expect(refused.status).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'ERROR_USER_NOT_FOUND' });
    expect((await tokens(staying)).status).toBe(200);
    // Signing out twice, or with an unknown credential, is already done.
    expect((await call(service.url, '/auth/session', { method: 'DELETE', credential: leaving })).status).toBe(
      204,
    );
    expect((await call(service.url, '/auth/session', { method: 'DELETE' })).json()).toMatchObject({
      code: 'ERROR_NO_TOKEN',
    });
  });

  it('should refuse a session once SESSION_TTL has passed, like an unknown credential', async () => {
    const credential = await signIn('expiring@example.org');
    advance(TTL * 1000 - 1000);
    expect((await tokens(credential)).status).toBe(200);
    advance(1000);
    const refused = await tokens(credential);
    expect(refused.status).toBe(401);
    expect(refused.json()).toEqual((await tokens('w3ss_never-issued')).json());
  });

  it(`should keep at most ${MAX_SESSIONS} live sessions per account, ending the oldest first`, async () => {
    const credentials = [];
    for (let i = 0; i < MAX_SESSIONS + 2; i++) credentials.push(await signIn('many@example.org'));
    credentials.push(await service.createAccount('many@example.org'));
    const statuses = await Promise.all(credentials.map(async (c) => (await tokens(c)).status));
    expect(statuses).toEqual([401, 401, 401, 200, 200, 200]);
  });
});

describe('sign-in limits', () => {
  afterEach(() =>
    control(service.url, {
      signInLimits: { codesPerEmail: GENEROUS, codesPerClient: GENEROUS, checksPerClient: GENEROUS },
    }),
  );

  function expectTooMany(answer: Answer, atMost: number): number {
    expect(answer.status).toBe(429);
    const body = answer.json() as { retryAfter: number };
    expect(body).toEqual({
      code: 'ERROR_TOO_MANY_REQUESTS',
      message: expect.any(String),
      retryAfter: expect.any(Number),
    });
    expect(body.retryAfter).toBeGreaterThan(0);
    expect(body.retryAfter).toBeLessThanOrEqual(atMost);
    expect(answer.headers.get('retry-after')).toBe(String(body.retryAfter));
    return body.retryAfter;
  }

  it('should limit codes per email, whatever its case, and say when to try again', async () => {
    await control(service.url, { signInLimits: { codesPerEmail: { max: 2, windowMs: 60_000 } } });
    expect((await askCode('limited@example.org')).status).toBe(202);
    advance(20_000);
    expect((await askCode('LIMITED@example.org')).status).toBe(202);
    const printedBefore = printed.length;
    expect(expectTooMany(await askCode('limited@example.org'), 60)).toBe(40);
    expect(printed.length).toBe(printedBefore);
    expect((await askCode('someone-else@example.org')).status).toBe(202);
    advance(40_000);
    expect((await askCode('limited@example.org')).status).toBe(202);
  });

  it('should limit codes per client address across emails', async () => {
    await control(service.url, { signInLimits: { codesPerClient: { max: 3, windowMs: 600_000 } } });
    for (let i = 0; i < 3; i++) expect((await askCode(`client-${i}@example.org`)).status).toBe(202);
    expectTooMany(await askCode('client-4@example.org'), 600);
  });

  it('should limit code checks per client address across emails', async () => {
    await control(service.url, { signInLimits: { checksPerClient: { max: 3, windowMs: 600_000 } } });
    const code = await newCode('checks@example.org');
    for (let i = 0; i < 3; i++) expect((await verify(`x${i}@example.org`, '123456')).status).toBe(401);
    expectTooMany(await verify('checks@example.org', code), 600);
    // A refused check is not a try: the code still works once the limit is lifted.
    await control(service.url, { signInLimits: { checksPerClient: GENEROUS } });
    expect((await verify('checks@example.org', code)).status).toBe(200);
  });

  it('should forget the counters on reset', async () => {
    await control(service.url, { signInLimits: { codesPerEmail: { max: 1, windowMs: 600_000 } } });
    await askCode('reset@example.org');
    expect((await askCode('reset@example.org')).status).toBe(429);
    await control(service.url, { reset: true });
    await control(service.url, { signInLimits: { codesPerEmail: { max: 1, windowMs: 600_000 } } });
    expect((await askCode('reset@example.org')).status).toBe(202);
  });

  it.each([
    [{ codesPerEmail: { max: 0, windowMs: 1 } }],
    [{ nope: { max: 1, windowMs: 1 } }],
    [{ codesPerClient: { max: 1, windowMs: 2 * 86_400_000 } }],
    [[]],
  ])('should refuse the control switch signInLimits %j', async (signInLimits) => {
    const answer = await call(service.url, '/__control', { method: 'POST', body: { signInLimits } });
    expect(answer.status).toBe(400);
  });
});
