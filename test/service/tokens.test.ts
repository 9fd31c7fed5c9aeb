// @vitest-environment node
// The token routes over real HTTP, quirks of the original included (/work/shared/api-contract.md).
import { compactVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../service/server';
import { call, control, createToken, listTokens, startServiceOnTestDb } from './support';

const SALT = 'tokens-test-salt';
let service: RunningService;
let alice: string;
let bob: string;

beforeAll(async () => {
  service = await startServiceOnTestDb({
    control: true,
    salt: SALT,
    log: () => {},
    rateLimit: { max: 10_000, windowMs: 10_000 },
  });
  alice = await service.createAccount('alice@example.org');
  bob = await service.createAccount('bob@example.org');
}, 30_000);
afterAll(() => service?.close());

const post = (body: unknown, credential = alice) =>
  call(service.url, '/user/tokens', { method: 'POST', credential, body });
const del = (id: string, credential = alice) =>
  call(service.url, `/user/tokens/${id}`, { method: 'DELETE', credential });

describe('POST /user/tokens', () => {
  it('should answer 201 with the id only, then list the token with its secret', async () => {
    const answer = await post({ name: 'first' });
    expect(answer.status).toBe(201);
    const body = answer.json() as { _id: string };
    expect(Object.keys(body)).toEqual(['_id']);
    const listed = (await listTokens(service.url, alice)).find((token) => token._id === body._id);
    expect(listed).toMatchObject({ name: 'first', hasUploads: false });
    expect(listed?.secret).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it.each([
    ['whitespace only', '  '],
    ['a single character', 'x'],
    ['leading and trailing spaces kept', ' padded '],
    ['unicode', 'clé ✨'],
    ['a long name', 'n'.repeat(5_000)],
  ])('should accept %s without trimming', async (_, name) => {
    const id = await createToken(service.url, alice, name);
    expect((await listTokens(service.url, alice)).find((token) => token._id === id)?.name).toBe(name);
  });

  it('should accept a duplicate name as a second token', async () => {
    const first = await createToken(service.url, alice, 'twin');
    const second = await createToken(service.url, alice, 'twin');
    expect(first).not.toBe(second);
  });

  it.each([
    ['an empty name', { name: '' }],
    ['a number', { name: 1 }],
    ['null', { name: null }],
    ['an array', { name: ['a'] }],
    ['no name', {}],
    ['a JSON array body', []],
    ['a JSON null body', null],
    ['invalid JSON', '{"name":'],
    ['an empty body', ''],
  ])('should answer 400 invalid name for %s', async (_, body) => {
    const answer = await post(typeof body === 'string' ? body : JSON.stringify(body));
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({ code: 'HTTP_ERROR', message: 'invalid name' });
  });

  it('should hand out ids as strings beyond Number.MAX_SAFE_INTEGER', async () => {
    const id = await createToken(service.url, alice, 'big id');
    expect(id).toMatch(/^\d+$/);
    expect(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    // A client that parses ids as numbers gets a different id back.
    expect(String(Number(id))).not.toBe(id);
  });
});

describe('API token', () => {
  it('should be an HS256 JWT with the original payload, in order, signed with the salt', async () => {
    const before = Date.now();
    const id = await createToken(service.url, alice, 'jwt shape');
    const after = Date.now();
    const { secret } = (await listTokens(service.url, alice)).find((token) => token._id === id) ?? {
      secret: '',
    };
    const [header, payload] = secret
      .split('.')
      .map((part) => Buffer.from(part, 'base64url').toString('utf8'));
    expect(header).toBe('{"alg":"HS256","typ":"JWT"}');
    const claims = JSON.parse(payload ?? '');
    expect(Object.keys(claims)).toEqual(['sub', 'iss', 'iat', 'name']);
    const info = (await call(service.url, '/user/info', { credential: alice })).json() as {
      info: { issuer: string };
    };
    expect(claims).toEqual({
      sub: info.info.issuer,
      iss: 'web3-storage',
      iat: expect.any(Number),
      name: 'jwt shape',
    });
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.iat).toBeLessThanOrEqual(after);
    await expect(compactVerify(secret, new TextEncoder().encode(SALT))).resolves.toBeTruthy();
  });

  it.each([
    ['GET', '/user/tokens'],
    ['POST', '/user/tokens'],
    ['DELETE', '/user/tokens/1'],
    ['GET', '/user/info'],
    ['GET', '/user/account'],
  ])('should be refused on %s %s with ERROR_MAGIC_TOKEN_REQUIRED', async (method, path) => {
    const [token] = await listTokens(service.url, alice);
    const body = method === 'POST' ? { name: 'x' } : undefined;
    const answer = await call(service.url, path, { method, credential: token?.secret, body });
    expect(answer.status).toBe(401);
    expect(answer.json()).toEqual({
      code: 'ERROR_MAGIC_TOKEN_REQUIRED',
      message: 'Must be logged in with magic.link',
    });
  });
});

describe('GET /user/tokens', () => {
  it('should answer a bare array with exactly the original keys', async () => {
    const tokens = await listTokens(service.url, alice);
    expect(Array.isArray(tokens)).toBe(true);
    for (const token of tokens) {
      expect(Object.keys(token)).toEqual(['_id', 'name', 'secret', 'created', 'hasUploads']);
      expect(token.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?\+00:00$/);
    }
  });

  it('should answer an empty array for an account without tokens', async () => {
    const carol = await service.createAccount('carol@example.org');
    expect(await listTokens(service.url, carol)).toEqual([]);
  });

  it("should never list another account's tokens", async () => {
    const id = await createToken(service.url, bob, 'bob only');
    expect((await listTokens(service.url, alice)).map((token) => token._id)).not.toContain(id);
    expect((await listTokens(service.url, bob)).map((token) => token._id)).toContain(id);
  });

  it('should not keep the rows in creation order', async () => {
    const dave = await service.createAccount('dave@example.org');
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await createToken(service.url, dave, `t${i}`));
    const orders = await Promise.all([1, 2, 3].map(() => listTokens(service.url, dave)));
    expect(orders.every((tokens) => tokens.length === 8)).toBe(true);
    expect(orders.some((tokens) => tokens.map((token) => token._id).join() !== ids.join())).toBe(true);
  });
});

describe('DELETE /user/tokens/:id', () => {
  it('should soft delete and answer 200 with the id', async () => {
    const id = await createToken(service.url, alice, 'doomed');
    const answer = await del(id);
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ _id: id });
    expect((await listTokens(service.url, alice)).map((token) => token._id)).not.toContain(id);
  });

  it.each([
    [
      'an already deleted id',
      async () => {
        const id = await createToken(service.url, alice, 'twice');
        await del(id);
        return id;
      },
    ],
    ['an unknown id', async () => '999999999999999999'],
    ["another account's id", async () => createToken(service.url, bob, 'not yours')],
  ])('should answer 200 with an empty body for %s', async (_, makeId) => {
    const answer = await del(await makeId());
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
  });

  it("should leave another account's token in place", async () => {
    const id = await createToken(service.url, bob, 'still here');
    await del(id);
    expect((await listTokens(service.url, bob)).map((token) => token._id)).toContain(id);
  });

  it.each(['abc', '1.5', '12abc', '99999999999999999999999'])(
    'should answer 500 ERROR_DB for the id %s',
    async (id) => {
      const answer = await del(id);
      expect(answer.status).toBe(500);
      expect(answer.json()).toEqual({ code: 'ERROR_DB', message: expect.any(String) });
    },
  );

  it('should answer 403 ERROR_DELETE_RESTRICTED while the account has a delete restriction', async () => {
    const id = await createToken(service.url, alice, 'protected');
    await control(service.url, { restrictions: { email: 'alice@example.org', delete: true } });
    const answer = await del(id);
    await control(service.url, { restrictions: { email: 'alice@example.org', delete: false } });
    expect(answer.status).toBe(403);
    expect(answer.json()).toMatchObject({ code: 'ERROR_DELETE_RESTRICTED' });
    expect((await listTokens(service.url, alice)).map((token) => token._id)).toContain(id);
    expect((await del(id)).status).toBe(200);
  });
});
