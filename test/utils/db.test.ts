import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiToken } from '../../utils/api-shapes';
import {
  applyServerList,
  DB_VERSION,
  getAccount,
  listTokens,
  markCopied,
  openTokenDb,
  removeToken,
  saveAccount,
  type TokenDatabase,
} from '../../utils/db';
import type { Scope } from '../../utils/reconcile';

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

const ids = async (scope: Scope): Promise<string[]> => (await listTokens(db, scope)).map((t) => t.id).sort();

beforeEach(async () => {
  db = await openTokenDb();
});

afterEach(() => {
  db.close();
});

describe('openTokenDb', () => {
  it('should create the token and account stores', () => {
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['accounts', 'tokens']);
    expect([...db.transaction('tokens').store.indexNames]).toEqual(['by-scope']);
  });
});

describe('applyServerList', () => {
  it('should store the list and return the scope’s tokens', async () => {
    const after = await applyServerList(db, local, [token('2'), token('1')], 1000);
    expect(after.map((t) => t.id).sort()).toEqual(['1', '2']);
    expect(after).toContainEqual({
      ...local,
      ...token('1'),
      createdMs: 1638202113077,
      lastCopiedAt: null,
      firstSeenAt: 1000,
    });
    expect(await ids(local)).toEqual(['1', '2']);
  });

  it('should keep local fields across syncs, update server fields and drop missing tokens', async () => {
    await applyServerList(db, local, [token('1'), token('2')], 1000);
    await markCopied(db, local, '1', 1500);
    const after = await applyServerList(db, local, [token('1', { hasUploads: true })], 2000);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: '1', hasUploads: true, lastCopiedAt: 1500, firstSeenAt: 1000 });
  });

  it('should never touch another scope holding the same token ids', async () => {
    for (const scope of [local, otherAccount, otherService]) {
      await applyServerList(db, scope, [token('1'), token('2')], 1000);
    }
    await applyServerList(db, local, [], 2000);
    expect(await ids(local)).toEqual([]);
    expect(await ids(otherAccount)).toEqual(['1', '2']);
    expect(await ids(otherService)).toEqual(['1', '2']);
    expect(await getAccount(db, otherAccount)).toMatchObject({ lastSyncedAt: 1000 });
  });

  it('should record the sync time and keep the account’s email', async () => {
    await saveAccount(db, local, 'ada@example.org');
    await applyServerList(db, local, [], 3000);
    expect(await getAccount(db, local)).toStrictEqual({
      ...local,
      email: 'ada@example.org',
      lastSyncedAt: 3000,
    });
  });
});

describe('removeToken', () => {
  it('should remove one token of one scope', async () => {
    await applyServerList(db, local, [token('1'), token('2')], 1000);
    await applyServerList(db, otherAccount, [token('1')], 1000);
    await removeToken(db, local, '1');
    expect(await ids(local)).toEqual(['2']);
    expect(await ids(otherAccount)).toEqual(['1']);
  });
});

describe('saveAccount', () => {
  it('should start an account unsynced and keep lastSyncedAt on later saves', async () => {
    await saveAccount(db, local, 'ada@example.org');
    expect(await getAccount(db, local)).toStrictEqual({
      ...local,
      email: 'ada@example.org',
      lastSyncedAt: null,
    });
    await applyServerList(db, local, [], 4000);
    await saveAccount(db, local, 'ada@new.example.org');
    expect(await getAccount(db, local)).toStrictEqual({
      ...local,
      email: 'ada@new.example.org',
      lastSyncedAt: 4000,
    });
  });
});
