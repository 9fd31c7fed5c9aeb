import { IDBDatabase, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiToken } from '../../../utils/api/shapes';
import {
  addCreateAttempt,
  addGrant,
  annotateToken,
  applyList,
  applyRevokeOutcomes,
  getAccount,
  getToken,
  hasGrant,
  hurryRevokes,
  listGrants,
  listTokens,
  listUsage,
  markCopied,
  putSecrets,
  type RevokeOutcome,
  readList,
  recordFill,
  removeGrant,
  requestRevoke,
} from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import { REVOKED_KEEP_MS, type Scope, type TokenRecord } from '../../../utils/store/records';
import { type AccountRecord, DB_VERSION, type TokenDatabase } from '../../../utils/store/schema';
import { sortTokens } from '../../../utils/tokens/order';

const local: Scope = { service: 'http://127.0.0.1:8787', account: '42' };
const otherAccount: Scope = { service: 'http://127.0.0.1:8787', account: '43' };
const otherService: Scope = { service: 'https://tokens.example.org', account: '42' };

function token(id: string, changes: Partial<ApiToken> = {}): ApiToken {
  return {
    id,
    name: `token ${id}`,
    secret: `eyJ.secret-${id}.sig`,
    created: '2021-11-29T16:08:33.077+00:00',
    hasUploads: false,
    ...changes,
  };
}

let db: TokenDatabase;

const byId = async (scope: Scope): Promise<Record<string, TokenRecord>> =>
  Object.fromEntries((await listTokens(db, scope)).map((t) => [t.id, t]));
/** The tokens as pages hold them: no secret, the hint of one kept in the clear. */
const shownById = async (scope: Scope): Promise<Record<string, TokenRecord>> =>
  Object.fromEntries((await readList(db, scope)).tokens.map((t) => [t.id, t]));
const one = async (scope: Scope, id: string): Promise<TokenRecord | undefined> => (await byId(scope))[id];

beforeEach(async () => {
  db = await openTokenDb();
});

afterEach(() => {
  db.close();
});

describe('openTokenDb', () => {
  it('should create the list, head, secrets, account, grant and usage stores at the current version', () => {
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'accounts',
      'grants',
      'heads',
      'lists',
      'secrets',
      'usage',
    ]);
  });
});

describe('applyList', () => {
  it('should store the list as active tokens and return the scope’s tokens', async () => {
    const applied = await applyList(db, local, [token('2'), token('1')], 1000);
    expect(applied.tokens?.map((t) => t.id).sort()).toEqual(['1', '2']);
    // What the engine hands on (pages, menu, badge) holds no secret, only the row's hint.
    expect(applied.tokens).toContainEqual({
      ...local,
      ...token('1'),
      secret: '',
      hint: '-1.sig',
      createdMs: 1638202113077,
      lastCopiedAt: null,
      firstSeenAt: 1000,
      state: 'active',
      pendingRevoke: null,
      revokedAt: null,
      revokedHere: false,
      sealed: null,
    });
    expect(Object.keys(await byId(local)).sort()).toEqual(['1', '2']);
  });

  it('should keep local fields, update server fields and keep a missing token as revoked elsewhere', async () => {
    await applyList(db, local, [token('1'), token('2')], 1000);
    await markCopied(db, local, '1', 1500);
    await markCopied(db, local, '2', 1600);
    const applied = await applyList(db, local, [token('1', { hasUploads: true })], 2000);
    expect(await shownById(local)).toStrictEqual(
      Object.fromEntries((applied.tokens ?? []).map((t) => [t.id, t])),
    );
    expect((await one(local, '1'))?.secret).toBe('eyJ.secret-1.sig');
    expect(await one(local, '1')).toMatchObject({ hasUploads: true, lastCopiedAt: 1500, firstSeenAt: 1000 });
    expect(await one(local, '2')).toMatchObject({
      state: 'revoked',
      revokedHere: false,
      revokedAt: 2000,
      secret: '',
      lastCopiedAt: 1600,
    });
  });

  it('should never touch another scope holding the same token ids', async () => {
    for (const scope of [local, otherAccount, otherService]) {
      await applyList(db, scope, [token('1'), token('2')], 1000);
      await addCreateAttempt(db, scope, { name: 'x', startedAt: 900 });
    }
    await applyList(db, local, [], 2000);
    for (const scope of [otherAccount, otherService]) {
      expect(Object.values(await byId(scope)).map((t) => [t.id, t.state])).toEqual([
        ['1', 'active'],
        ['2', 'active'],
      ]);
      expect(await getAccount(db, scope)).toMatchObject({
        lastSyncedAt: 1000,
        createAttempts: [{ name: 'x', startedAt: 900 }],
      });
    }
    expect(Object.values(await byId(local)).map((t) => t.state)).toEqual(['revoked', 'revoked']);
  });

  it('should record the sync time, keep the email, settle the attempts and keep only the one that made a token', async () => {
    await db.put('accounts', { ...local, email: 'ada@example.org', lastSyncedAt: null, createAttempts: [] });
    await addCreateAttempt(db, local, { name: 'token 7', startedAt: 500 });
    await addCreateAttempt(db, local, { name: 'lost', startedAt: 600 });
    const applied = await applyList(db, local, [token('7', { created: new Date(700).toISOString() })], 3000);
    expect(applied.settled.map((s) => [s.attempt.name, s.token?.id ?? null])).toEqual([
      ['token 7', '7'],
      ['lost', null],
    ]);
    expect(await getAccount(db, local)).toStrictEqual({
      ...local,
      email: 'ada@example.org',
      lastSyncedAt: 3000,
      createAttempts: [{ name: 'token 7', startedAt: 500, tokenId: '7', settledAt: 3000 }],
      listed: { digest: expect.any(String), rev: applied.rev },
    });
  });

  it('should purge revoked tokens older than 30 days and report due revokes', async () => {
    await applyList(db, local, [token('1'), token('2'), token('3')], 1000);
    await applyList(db, local, [token('2'), token('3')], 2000);
    await requestRevoke(db, local, '3', 2000);
    const later = 2000 + REVOKED_KEEP_MS + 1;
    const applied = await applyList(db, local, [token('2'), token('3')], later);
    expect(applied.dueRevokes).toEqual(['3']);
    expect(applied.tokens?.map((t) => t.id).sort()).toEqual(['2', '3']);
    expect(Object.keys(await byId(local)).sort()).toEqual(['2', '3']);
  });

  it.each([0, 1, 60])(
    'should use exactly one IndexedDB transaction for a list of %i tokens',
    async (count) => {
      await applyList(db, local, [token('old'), token('gone')], 1000);
      await requestRevoke(db, local, 'old', 1000);
      await addCreateAttempt(db, local, { name: 'token 0', startedAt: 1000 });
      const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
      const list = [token('old'), ...Array.from({ length: count }, (_, i) => token(String(i)))];
      await applyList(db, local, list, 2000 + REVOKED_KEEP_MS);
      expect(transaction).toHaveBeenCalledOnce();
      expect(transaction).toHaveBeenCalledWith(['lists', 'heads', 'secrets', 'accounts'], 'readwrite', {
        durability: 'relaxed',
      });
    },
  );

  /** Counts every record written (put, add, delete) while `fn` runs. */
  async function writes(fn: () => Promise<unknown>): Promise<number> {
    const spies = (['put', 'add', 'delete'] as const).map((name) => vi.spyOn(IDBObjectStore.prototype, name));
    try {
      await fn();
      return spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  }

  it.each([0, 1, 2_000])('should write nothing when a list of %i tokens changed nothing', async (count) => {
    const list = Array.from({ length: count }, (_, i) => token(String(i)));
    await applyList(db, local, list, 1000);
    let applied: Awaited<ReturnType<typeof applyList>> | undefined;
    expect(await writes(async () => (applied = await applyList(db, local, list, 2000)))).toBe(0);
    expect(applied?.changed).toBe(false);
    // Nothing built either: the same list over the list record it left (issue 14).
    expect(applied?.tokens).toBeUndefined();
    expect(applied?.rev).toBe((await readList(db, local)).rev);
  });

  describe('the same list again (issue 14)', () => {
    const list = [token('1'), token('2')];
    const secretsRead = () => vi.spyOn(IDBObjectStore.prototype, 'get');

    it('should read neither the secrets nor build the tokens, and answer what the slow way would', async () => {
      const first = await applyList(db, local, list, 1000);
      const gets = secretsRead();
      const again = await applyList(db, local, list, 2000);
      expect(gets.mock.contexts.map((store) => (store as IDBObjectStore).name).sort()).toEqual([
        'accounts',
        'lists',
      ]);
      expect(again).toEqual({ dueRevokes: [], settled: [], attempts: [], changed: false, rev: first.rev });
    });

    it('should know the list in whatever order the service gives it', async () => {
      await applyList(db, local, list, 1000);
      const gets = secretsRead();
      expect((await applyList(db, local, [...list].reverse(), 2000)).tokens).toBeUndefined();
      expect(gets.mock.contexts.some((store) => (store as IDBObjectStore).name === 'secrets')).toBe(false);
    });

    it('should take the slow way once for a store written before, remembering the list without telling anyone', async () => {
      await applyList(db, local, list, 1000);
      const { listed: _listed, ...before } = (await getAccount(db, local)) as AccountRecord;
      await db.put('accounts', before);
      const rev = (await readList(db, local)).rev;
      let applied: Awaited<ReturnType<typeof applyList>> | undefined;
      expect(await writes(async () => (applied = await applyList(db, local, list, 2000)))).toBe(1);
      expect(applied).toMatchObject({ changed: false, rev });
      expect(applied?.tokens).toHaveLength(2);
      expect((await getAccount(db, local))?.lastSyncedAt).toBe(1000);
      expect(await writes(() => applyList(db, local, list, 3000))).toBe(0);
    });

    it.each([
      ['a rename on the service', async () => [token('1', { name: 'renamed' }), token('2')], 'renamed'],
      ['a token gone from the service', async () => [token('1')], 'revoked'],
      [
        'a revoke asked here',
        async () => {
          await requestRevoke(db, local, '2', 1500);
          return list;
        },
        'pending-revoke',
      ],
      [
        'a copy here (another write of the list)',
        async () => {
          await markCopied(db, local, '2', 1500);
          return list;
        },
        'copied',
      ],
      [
        'a create waiting to be settled',
        async () => {
          await addCreateAttempt(db, local, { name: 'token 3', startedAt: 1500 });
          return [...list, token('3')];
        },
        'settled',
      ],
    ] as const)('should take the slow way after %s', async (_what, change, expected) => {
      await applyList(db, local, list, 1000);
      const next = await change();
      const gets = secretsRead();
      const applied = await applyList(db, local, next, 2000);
      expect(gets.mock.contexts.some((store) => (store as IDBObjectStore).name === 'secrets')).toBe(true);
      expect(applied.tokens).toBeDefined();
      const shown = await shownById(local);
      if (expected === 'renamed') expect(shown['1']?.name).toBe('renamed');
      if (expected === 'revoked') expect(shown['2']?.state).toBe('revoked');
      if (expected === 'pending-revoke') expect(applied.dueRevokes).toEqual(['2']);
      if (expected === 'copied') expect(shown['2']?.lastCopiedAt).toBe(1500);
      if (expected === 'settled') expect(applied.settled.map((s) => s.token?.id)).toEqual(['3']);
    });

    it('should purge a revoked token once it is old enough, though the list is the same', async () => {
      await applyList(db, local, list, 1000);
      await applyList(db, local, [token('1')], 2000);
      expect(await writes(() => applyList(db, local, [token('1')], 3000))).toBe(0);
      await applyList(db, local, [token('1')], 2000 + REVOKED_KEEP_MS + 1);
      expect(Object.keys(await shownById(local))).toEqual(['1']);
    });

    it('should not trust the digest while the lock seals secrets', async () => {
      await applyList(db, local, list, 1000);
      const gets = secretsRead();
      const sealed = new Map(list.map((t) => [t.id, null]));
      await applyList(db, local, list, 2000, sealed);
      expect(gets.mock.contexts.some((store) => (store as IDBObjectStore).name === 'secrets')).toBe(true);
    });
  });

  it('should write the list record (not one per token), and the secrets only when a secret changed', async () => {
    const list = Array.from({ length: 2_000 }, (_, i) => token(String(i)));
    // First sync: the list and its head, the secrets and the account: four records for 2,000 tokens.
    expect(await writes(() => applyList(db, local, list, 1000))).toBe(4);
    // A rename: the list and its head, and the account's sync time; the secrets stay.
    const renamed = list.map((t, i) => (i === 5 ? { ...t, name: 'renamed' } : t));
    expect(await writes(() => applyList(db, local, renamed, 2000))).toBe(3);
    expect((await one(local, '5'))?.name).toBe('renamed');
    // One gone: revoked elsewhere, its secret dropped: all four.
    expect(await writes(() => applyList(db, local, renamed.slice(1), 3000))).toBe(4);
    expect(await getToken(db, local, '0')).toMatchObject({ state: 'revoked', secret: '' });
  });

  // Issue 14: a sync writes only what the service listed (made again by the next sync if lost);
  // a revoke asked by the person is their intent, and stays with the browser's default.
  it('should write a sync relaxed, and a revoke request with the default durability', async () => {
    const transaction = vi.spyOn(db, 'transaction');
    await applyList(db, local, [token('1')], 5);
    expect(transaction.mock.calls.at(-1)?.[2]).toEqual({ durability: 'relaxed' });
    await requestRevoke(db, local, '1', 6);
    expect(transaction.mock.calls.at(-1)?.[2]).toBeUndefined();
  });

  it('should paint from one record that holds no secret', async () => {
    await applyList(db, local, [token('1'), token('2')], 1000);
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const painted = await readList(db, local);
    expect(get).toHaveBeenCalledOnce();
    get.mockRestore();
    expect(painted.syncedAt).toBe(1000);
    expect(painted.tokens.map((t) => [t.id, t.secret, t.sealed])).toEqual([
      ['1', '', null],
      ['2', '', null],
    ]);
    expect(JSON.stringify(await db.getAll('lists'))).not.toContain('secret-');
    expect((await getToken(db, local, '1'))?.secret).toBe(token('1').secret);
  });
});

describe('requestRevoke', () => {
  beforeEach(async () => {
    await applyList(db, local, [token('1'), token('2')], 1000);
    await applyList(db, otherAccount, [token('1')], 1000);
  });

  it('should put an active token in the outbox, due at once', async () => {
    await requestRevoke(db, local, '1', 5000);
    expect(await one(local, '1')).toMatchObject({
      state: 'pending-revoke',
      secret: 'eyJ.secret-1.sig',
      pendingRevoke: { requestedAt: 5000, attempts: 0, nextAttemptAt: 5000, lastError: null },
    });
    expect((await one(otherAccount, '1'))?.state).toBe('active');
  });

  it('should leave a pending, revoked or unknown token as it was', async () => {
    await requestRevoke(db, local, '1', 5000);
    await applyList(db, local, [token('1')], 6000);
    const before = await byId(local);
    await requestRevoke(db, local, '1', 7000);
    await requestRevoke(db, local, '2', 7000);
    await requestRevoke(db, local, 'unknown', 7000);
    expect(await byId(local)).toStrictEqual(before);
  });
});

describe('applyRevokeOutcomes', () => {
  beforeEach(async () => {
    await applyList(db, local, [token('1'), token('2')], 1000);
    await markCopied(db, local, '1', 1100);
    await requestRevoke(db, local, '1', 2000);
  });

  it.each<{ outcome: RevokeOutcome; expected: Partial<TokenRecord> }>([
    {
      outcome: { id: '1', kind: 'revoked' },
      expected: { state: 'revoked', revokedHere: true, revokedAt: 3000, secret: '', pendingRevoke: null },
    },
    {
      outcome: { id: '1', kind: 'retry', delayMs: 15_000, error: 'Took too long.' },
      expected: {
        state: 'pending-revoke',
        hint: '-1.sig',
        pendingRevoke: { requestedAt: 2000, attempts: 1, nextAttemptAt: 18_000, lastError: 'Took too long.' },
      },
    },
    {
      outcome: { id: '1', kind: 'failed' },
      expected: { state: 'active', pendingRevoke: null, revokedAt: null, hint: '-1.sig' },
    },
  ])('should record a $outcome.kind outcome and keep local fields', async ({ outcome, expected }) => {
    const { tokens: after, rev } = await applyRevokeOutcomes(db, local, [outcome], 3000);
    expect(rev).toBe((await db.get('lists', [local.service, local.account]))?.rev);
    expect(after.find((t) => t.id === '1')).toMatchObject({
      ...expected,
      lastCopiedAt: 1100,
      firstSeenAt: 1000,
      secret: '',
    });
    expect(await shownById(local)).toStrictEqual(Object.fromEntries(after.map((t) => [t.id, t])));
    // The secret stays kept for a token still alive, and goes with a revoked one.
    expect((await one(local, '1'))?.secret).toBe(outcome.kind === 'revoked' ? '' : 'eyJ.secret-1.sig');
  });

  it('should count retries up from the stored attempts', async () => {
    for (const at of [3000, 20_000]) {
      await applyRevokeOutcomes(
        db,
        local,
        [{ id: '1', kind: 'retry', delayMs: 1000, error: `at ${at}` }],
        at,
      );
    }
    expect((await one(local, '1'))?.pendingRevoke).toStrictEqual({
      requestedAt: 2000,
      attempts: 2,
      nextAttemptAt: 21_000,
      lastError: 'at 20000',
    });
  });

  it('should ignore outcomes for tokens that are not pending', async () => {
    const before = await byId(local);
    await applyRevokeOutcomes(
      db,
      local,
      [
        { id: '2', kind: 'revoked' },
        { id: 'unknown', kind: 'failed' },
      ],
      3000,
    );
    await applyRevokeOutcomes(db, otherAccount, [{ id: '1', kind: 'revoked' }], 3000);
    expect(await byId(local)).toStrictEqual(before);
  });
});

describe('hurryRevokes', () => {
  it('should make every pending revoke of the scope due now, and only those', async () => {
    for (const scope of [local, otherAccount]) {
      await applyList(db, scope, [token('1'), token('2'), token('3')], 1000);
      await requestRevoke(db, scope, '1', 1000);
      await requestRevoke(db, scope, '2', 1000);
      await applyRevokeOutcomes(db, scope, [{ id: '1', kind: 'retry', delayMs: 60_000, error: 'e' }], 2000);
    }
    await hurryRevokes(db, local, 5000);
    const next = async (scope: Scope) =>
      Object.values(await byId(scope)).map((t) => t.pendingRevoke?.nextAttemptAt ?? null);
    expect(await next(local)).toEqual([5000, 1000, null]);
    expect(await next(otherAccount)).toEqual([62_000, 1000, null]);
    expect((await one(local, '1'))?.pendingRevoke).toMatchObject({ attempts: 1, lastError: 'e' });
  });
});

describe('addCreateAttempt', () => {
  it('should start an account when there is none and append attempts in order', async () => {
    await addCreateAttempt(db, local, { name: 'a', startedAt: 1 });
    await addCreateAttempt(db, local, { name: 'a', startedAt: 2 });
    expect(await getAccount(db, local)).toStrictEqual({
      ...local,
      email: '',
      lastSyncedAt: null,
      createAttempts: [
        { name: 'a', startedAt: 1 },
        { name: 'a', startedAt: 2 },
      ],
    });
    expect(await getAccount(db, otherAccount)).toBeUndefined();
  });
});

describe('markCopied', () => {
  it('should remember when one token of one scope was copied', async () => {
    await applyList(db, local, [token('1')], 1000);
    await applyList(db, otherService, [token('1')], 1000);
    await markCopied(db, local, '1', 1234);
    await markCopied(db, local, 'unknown', 1234);
    expect((await one(local, '1'))?.lastCopiedAt).toBe(1234);
    expect((await one(otherService, '1'))?.lastCopiedAt).toBeNull();
    expect(Object.keys(await byId(local))).toEqual(['1']);
    expect(await listUsage(db, local)).toEqual([
      { ...local, tokenId: '1', kind: 'copy', origin: null, at: 1234 },
    ]);
    expect(await listUsage(db, otherService)).toEqual([]);
  });
});

describe('grants and usage', () => {
  const scope = { service: 'http://127.0.0.1:8787', account: '7' };

  it('should remember a grant per token and origin until it is removed', async () => {
    const grant = { ...scope, tokenId: '1', origin: 'https://ci.example', grantedAt: 5 };
    await addGrant(db, grant);
    expect(await hasGrant(db, scope, '1', 'https://ci.example')).toBe(true);
    expect(await hasGrant(db, scope, '2', 'https://ci.example')).toBe(false);
    expect(await hasGrant(db, scope, '1', 'https://evil.example')).toBe(false);
    expect(await listGrants(db, scope)).toEqual([grant]);
    await removeGrant(db, grant);
    expect(await listGrants(db, scope)).toEqual([]);
  });

  it('should record fills with their origin, oldest first', async () => {
    await recordFill(db, { ...scope, tokenId: '1', origin: 'https://a.example', at: 1 });
    await recordFill(db, { ...scope, tokenId: '1', origin: 'https://b.example', at: 2 });
    expect((await listUsage(db, scope)).map((u) => [u.kind, u.origin, u.at])).toEqual([
      ['fill', 'https://a.example', 1],
      ['fill', 'https://b.example', 2],
    ]);
  });
});

describe('recordFill', () => {
  it('should set lastFilledAt on the token it filled, and only there', async () => {
    await applyList(db, local, [token('1'), token('2')], 1000);
    await recordFill(db, { ...local, tokenId: '1', origin: 'https://a.example', at: 2000 });
    expect((await one(local, '1'))?.lastFilledAt).toBe(2000);
    expect((await one(local, '2'))?.lastFilledAt).toBeUndefined();
  });
});

describe('annotateToken', () => {
  it('should keep a note and a rotation across later syncs', async () => {
    await applyList(db, local, [token('1')], 1000);
    await annotateToken(db, local, '1', { note: 'used by CI', rotatedTo: '2' });
    await applyList(db, local, [token('1', { name: 'renamed', hasUploads: true })], 2000);
    expect(await one(local, '1')).toMatchObject({ name: 'renamed', note: 'used by CI', rotatedTo: '2' });
  });

  it('should change nothing for an unknown token', async () => {
    expect(await annotateToken(db, local, 'nope', { note: 'x' })).toBeUndefined();
    expect(await byId(local)).toEqual({});
  });
});

describe("what a row shows of a secret (the list record's hint)", () => {
  const envelope = { v: 1 as const, iv: 'aXY=', ct: 'c2VhbGVk' };
  const listText = async (): Promise<string> => JSON.stringify(await db.getAll('lists'));

  it('should keep the last six characters of a secret kept in the clear, never the secret', async () => {
    await applyList(db, local, [token('1'), token('2', { secret: 'short-one' })], 1000);
    const shown = await shownById(local);
    expect(shown['1']).toMatchObject({ secret: '', hint: '-1.sig' });
    // Twelve characters or fewer: too much of it would show, so nothing does (as maskSecret).
    expect(shown['2']?.hint).toBeUndefined();
    expect(await listText()).not.toMatch(/eyJ\.secret|short-one/);
  });

  it('should keep no hint of a sealed or unkept secret, and drop it when the lock seals it', async () => {
    await applyList(db, local, [token('1'), token('2')], 1000);
    await putSecrets(db, [
      { ...local, id: '1', secret: '', sealed: envelope },
      { ...local, id: '2', secret: '', sealed: null },
    ]);
    expect(Object.values(await shownById(local)).map((t) => t.hint)).toEqual([undefined, undefined]);
    expect(await listText()).not.toMatch(/sig|c2VhbGVk/);
    // The lock turned off again: the secret in the clear, and its hint, come back.
    await putSecrets(db, [{ ...local, id: '1', secret: 'eyJ.secret-1.sig', sealed: null }]);
    expect((await shownById(local))['1']?.hint).toBe('-1.sig');
  });

  it('should keep no hint with a sync while the lock is on', async () => {
    const sealed = new Map([['1', envelope]]);
    await applyList(db, local, [{ ...token('1'), secret: '' }], 1000, sealed);
    expect((await shownById(local))['1']?.hint).toBeUndefined();
    expect((await getToken(db, local, '1'))?.sealed).toEqual(envelope);
  });
});

describe('list revisions (issue 14)', () => {
  const rev = async (): Promise<number | undefined> => (await readList(db, local)).rev;

  it('should give the list a new revision on every write, and keep it through a sync that changed nothing', async () => {
    const first = await applyList(db, local, [token('1'), token('2')], 1000);
    const seen = new Set([first.rev]);
    expect(first.rev).toBe(await rev());
    const again = await applyList(db, local, [token('1'), token('2')], 2000);
    expect(again.changed).toBe(false);
    expect(again.rev).toBe(first.rev);
    for (const write of [
      () => markCopied(db, local, '1', 3000),
      () => annotateToken(db, local, '2', { note: 'deploys' }),
      () => requestRevoke(db, local, '1', 4000),
      () => recordFill(db, { ...local, tokenId: '2', origin: 'https://ci.example', at: 5000 }),
    ]) {
      await write();
      const now = await rev();
      expect(seen.has(now)).toBe(false);
      seen.add(now);
    }
    // Nothing to change: no write, the same revision.
    await annotateToken(db, local, 'nope', { note: 'x' });
    expect(seen.has(await rev())).toBe(true);
  });

  it('should write a list that has no revision yet once, then no more', async () => {
    await applyList(db, local, [token('1')], 1000);
    const stored = await db.get('lists', [local.service, local.account]);
    const { rev: _gone, ...older } = stored ?? { service: '', account: '', rows: [], syncedAt: null };
    await db.put('lists', older);
    const once = await applyList(db, local, [token('1')], 2000);
    expect(once.changed).toBe(true);
    expect(typeof once.rev).toBe('number');
    expect((await applyList(db, local, [token('1')], 3000)).changed).toBe(false);
  });
});

describe('list order (issue 14)', () => {
  it('should keep the rows in the order pages sort by name, so their first sort only checks', async () => {
    const names = ['zeta', 'Alpha', 'beta 10', 'beta 9', 'Ärger', 'alpha'];
    await applyList(
      db,
      local,
      names.map((name, i) => token(String(i + 1), { name })),
      1000,
    );
    const rows = (await readList(db, local)).tokens.map((t) => t.name);
    expect(rows).toEqual(sortTokens((await readList(db, local)).tokens, 'name').map((t) => t.name));
    expect(rows).toEqual(['Alpha', 'alpha', 'Ärger', 'beta 9', 'beta 10', 'zeta']);
  });
});
