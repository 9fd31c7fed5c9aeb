// @vitest-environment node
// The Idempotency-Key extension of POST /user/tokens (docs/idempotency.md), over real HTTP: one
// create per (account, key), a reuse with another body refused, keys kept across restarts and
// honoured 24 h, and the `classic` switch that plays a server without the extension.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../service/server';
import { createStore } from '../../service/store';
import { call, control, listTokens, openTestDb, startTestService } from './support';

let service: RunningService;
let credential: string;

beforeAll(async () => {
  ({ service, credential } = await startTestService('idempotency@example.org'));
}, 30_000);
afterAll(() => service?.close());
afterEach(() => control(service.url, { reset: true }));

const post = (name: unknown, key?: string, who = credential) =>
  call(service.url, '/user/tokens', {
    method: 'POST',
    credential: who,
    body: { name },
    headers: key === undefined ? {} : { 'Idempotency-Key': key },
  });
const named = async (name: string, who = credential) =>
  (await listTokens(service.url, who)).filter((token) => token.name === name);

describe('POST /user/tokens with Idempotency-Key', () => {
  it('should answer the same id and create nothing new when the same key and body come again', async () => {
    const key = randomUUID();
    const first = await post('once', key);
    const second = await post('once', key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect((await named('once')).map((token) => token._id)).toEqual([(first.json() as { _id: string })._id]);
  });

  it('should refuse the same key with another body with 422 ERROR_IDEMPOTENCY_KEY_REUSED', async () => {
    const key = randomUUID();
    expect((await post('first body', key)).status).toBe(201);
    const reused = await post('second body', key);
    expect(reused.status).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'ERROR_IDEMPOTENCY_KEY_REUSED' });
    expect(await named('second body')).toEqual([]);
  });

  it('should make one token for many requests with one key sent at once', async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 6 }, () => post('racing', key)));
    const ids = new Set(answers.map((answer) => (answer.json() as { _id: string })._id));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));
    expect(ids.size).toBe(1);
    expect(await named('racing')).toHaveLength(1);
  });

  it('should keep keys per account: another account with the same key gets its own token', async () => {
    const other = await service.createAccount('idempotency-other@example.org');
    const key = randomUUID();
    const mine = await post('shared key', key);
    const theirs = await post('shared key', key, other);
    expect(theirs.status).toBe(201);
    expect(theirs.json()).not.toEqual(mine.json());
    expect(await named('shared key', other)).toHaveLength(1);
  });

  it('should create every time without a key, and refuse a key over 255 characters', async () => {
    expect((await post('no key')).status).toBe(201);
    expect((await post('no key')).status).toBe(201);
    expect(await named('no key')).toHaveLength(2);
    const long = await post('long key', 'k'.repeat(256));
    expect(long.status).toBe(400);
    expect(await named('long key')).toEqual([]);
  });

  it('should make one token when the answer is lost and the same key is sent again', async () => {
    const key = randomUUID();
    await control(service.url, { faults: [{ route: 'POST /user/tokens', kind: 'lose', times: 2 }] });
    await expect(post('lost twice', key)).rejects.toThrow(TypeError);
    await expect(post('lost twice', key)).rejects.toThrow(TypeError);
    const third = await post('lost twice', key);
    expect(third.status).toBe(201);
    expect((await named('lost twice')).map((token) => token._id)).toEqual([
      (third.json() as { _id: string })._id,
    ]);
  });

  it('should ignore the key while the classic switch plays a server without the extension', async () => {
    const key = randomUUID();
    await control(service.url, { classic: true });
    await post('classic', key);
    await post('classic', key);
    expect(await named('classic')).toHaveLength(2);
    expect(service.faults().classic).toBe(true);
    await control(service.url, { reset: true });
    expect(service.faults().classic).toBe(false);
  });
});

describe('idempotency keys in the database', () => {
  it('should honour a key for 24 hours, then treat it as new', async () => {
    const { db, drop } = await openTestDb();
    try {
      const store = createStore(db);
      const now = new Date();
      const expiresAt = new Date(now.getTime() + 3600_000);
      await store.createSession('aged@example.org', 'hash-aged', { now, expiresAt, maxSessions: 10 });
      const user = await store.findSessionUser('hash-aged', now);
      if (!user) throw new Error('no user');
      const first = await store.createTokenOnce(user.id, 'aged', 's1', 'k');
      await db.query(`UPDATE idempotency_key SET inserted_at = now() - interval '23 hours'`);
      expect(await store.createTokenOnce(user.id, 'aged', 's2', 'k')).toEqual({
        kind: 'replayed',
        id: first.kind === 'reused' ? '' : first.id,
      });
      await db.query(`UPDATE idempotency_key SET inserted_at = now() - interval '25 hours'`);
      const later = await store.createTokenOnce(user.id, 'other body', 's3', 'k');
      expect(later.kind).toBe('created');
      expect((await store.listTokens(user.id)).map((token) => token.name).sort()).toEqual([
        'aged',
        'other body',
      ]);
    } finally {
      await drop();
    }
  }, 60_000);
});
