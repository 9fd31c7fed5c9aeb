// @vitest-environment node
// Several service processes behind one address behave as one when they share a PostgreSQL
// database: sessions, tokens, revocations and rate-limit counters all live in it. Two services
// with separate connection pools stand in for two processes. PostgreSQL only (vitest.config.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../service/server';
import { freshDatabase, type TestDatabase } from './backend';
import { call, createToken, listTokens } from './support';

const LIMIT = { max: 6, windowMs: 60_000 };
let database: TestDatabase;
let one: RunningService;
let two: RunningService;

beforeAll(async () => {
  database = await freshDatabase();
  const options = { port: 0, log: () => {}, rateLimit: LIMIT, databaseUrl: database.databaseUrl };
  // Started together: the migrations' advisory lock lets only one of them migrate the empty database.
  [one, two] = await Promise.all([startService(options), startService(options)]);
}, 60_000);
afterAll(async () => {
  await Promise.all([one?.close(), two?.close()]);
  await database?.drop();
});

describe('two services on one PostgreSQL database', () => {
  it('should list through one a token created through the other, and refuse it there once revoked', async () => {
    expect(database.databaseUrl).toMatch(/^postgres/);
    const credential = await one.createAccount('shared@example.org');
    const id = await createToken(one.url, credential, 'made on one');
    const listed = await listTokens(two.url, credential);
    expect(listed.map((token) => token._id)).toEqual([id]);
    const secret = listed[0]?.secret ?? '';
    expect((await call(two.url, '/user/uploads', { credential: secret })).status).toBe(200);

    const revoked = await call(two.url, `/user/tokens/${id}`, { method: 'DELETE', credential });
    expect(revoked.json()).toEqual({ _id: id });
    expect(await listTokens(one.url, credential)).toEqual([]);
    const refused = await call(one.url, '/user/uploads', { credential: secret });
    expect(refused.status).toBe(401);
    expect(refused.json()).toEqual({ code: 'ERROR_TOKEN_NOT_FOUND', message: 'API token no longer valid' });
  });

  it('should make one token for one Idempotency-Key sent to both processes at once', async () => {
    const credential = await one.createAccount('idempotent@example.org');
    const headers = { 'Idempotency-Key': 'one-key-two-processes' };
    const send = (service: RunningService) =>
      call(service.url, '/user/tokens', { method: 'POST', credential, body: { name: 'once' }, headers });
    const answers = await Promise.all([send(one), send(two), send(one), send(two)]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(await listTokens(two.url, credential)).toHaveLength(1);
    const other = await call(one.url, '/user/tokens', {
      method: 'POST',
      credential,
      body: { name: 'another' },
      headers,
    });
    expect(other.status).toBe(422);
  });

  it('should count a token made through one against the limit on both', async () => {
    const credential = await two.createAccount('limited@example.org');
    // Two requests of the limit go to the session credential, which is counted on its own.
    const id = await createToken(one.url, credential, 'busy');
    const secret = (await listTokens(two.url, credential)).find((token) => token._id === id)?.secret ?? '';
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT.max + 1; i++) {
      const service = i % 2 === 0 ? one : two;
      statuses.push((await call(service.url, '/user/uploads', { credential: secret })).status);
    }
    expect(statuses).toEqual([...Array(LIMIT.max).fill(200), 429]);
    // Either service now refuses it, and only it: the session credential still has room.
    expect((await call(one.url, '/user/uploads', { credential: secret })).status).toBe(429);
    expect((await call(two.url, '/user/uploads', { credential: secret })).status).toBe(429);
    expect((await call(one.url, '/user/tokens', { credential })).status).toBe(200);
  });
});
