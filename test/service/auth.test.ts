// @vitest-environment node
// Sign-in, authentication on /user/* and the account routes, over real HTTP against one
// in-memory service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signApiToken } from '../../service/jwt';
import type { RunningService } from '../../service/server';
import { call, control, startTestService } from './support';

let service: RunningService;
let credential: string;

beforeAll(async () => {
  ({ service, credential } = await startTestService('auth-test@example.org'));
}, 30_000);
afterAll(() => service?.close());

/** `null` sends no credential at all. */
const get = (path: string, cred: string | null = credential, headers: Record<string, string> = {}) =>
  call(service.url, path, { credential: cred ?? undefined, headers });

describe('authentication', () => {
  it.each([
    ['no header', undefined, 'ERROR_NO_TOKEN'],
    ['another scheme', 'Basic dXNlcjpwYXNz', 'ERROR_NO_TOKEN'],
    ['an empty bearer', 'Bearer ', 'ERROR_NO_TOKEN'],
    ['an unknown credential', 'Bearer w3ss_unknown', 'ERROR_USER_NOT_FOUND'],
    [
      'a JWT signed by someone else',
      `Bearer ${signApiToken({ sub: 'x', iat: 1, name: 'n' }, 'other')}`,
      'ERROR_USER_NOT_FOUND',
    ],
  ])('should answer 401 for %s', async (_, authorization, code) => {
    const answer = await get('/user/tokens', null, authorization ? { Authorization: authorization } : {});
    expect(answer.status).toBe(401);
    expect(answer.json()).toEqual({ code, message: expect.any(String) });
  });

  it.each(['Bearer', 'bearer', 'BEARER', 'bEaReR'])('should accept the prefix %s', async (prefix) => {
    const answer = await get('/user/tokens', null, { Authorization: `${prefix} ${credential}` });
    expect(answer.status).toBe(200);
  });

  it('should throw from createAccount() on an invalid email', async () => {
    await expect(service.createAccount('not an email')).rejects.toThrow('invalid email');
  });
});

describe('POST /auth/session', () => {
  it('should be gone: nobody gets a credential for an email without proof', async () => {
    const answer = await call(service.url, '/auth/session', {
      method: 'POST',
      body: { email: 'auth-test@example.org' },
    });
    expect(answer.status).toBe(404);
    expect(answer.text).not.toMatch(/w3ss_/);
  });
});

describe('GET /user/account', () => {
  it('should answer used storage as numbers and the limit as a string', async () => {
    const answer = await get('/user/account');
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({
      usedStorage: { uploaded: 0, psaPinned: 0, total: 0 },
      storageLimitBytes: '1099511627776',
    });
  });
});

describe('GET /user/info', () => {
  it('should answer the account with its tags', async () => {
    const answer = await get('/user/info');
    expect(answer.status).toBe(200);
    const { info } = answer.json() as { info: Record<string, unknown> };
    expect(Object.keys(info)).toEqual([
      '_id',
      'issuer',
      'name',
      'email',
      'github',
      'publicAddress',
      'created',
      'updated',
      'tags',
      'tagProposals',
    ]);
    expect(info).toMatchObject({
      _id: expect.stringMatching(/^\d+$/),
      issuer: expect.stringMatching(/^did:ethr:0x[0-9a-f]{40}$/),
      email: 'auth-test@example.org',
      created: expect.stringMatching(/\+00:00$/),
      tags: {
        HasAccountRestriction: false,
        HasDeleteRestriction: false,
        HasPsaAccess: false,
        HasSuperHotAccess: false,
        StorageLimitBytes: '1099511627776',
      },
      tagProposals: {},
    });
  });

  it('should show restrictions set through the control route', async () => {
    await control(service.url, {
      restrictions: { email: 'auth-test@example.org', account: true, delete: true },
    });
    const { info } = (await get('/user/info')).json() as { info: { tags: Record<string, unknown> } };
    await control(service.url, {
      restrictions: { email: 'auth-test@example.org', account: false, delete: false },
    });
    expect(info.tags).toMatchObject({ HasAccountRestriction: true, HasDeleteRestriction: true });
  });
});
