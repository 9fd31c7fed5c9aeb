import { describe, expect, it } from 'vitest';
import {
  addGrant,
  applyList,
  getAccount,
  hasGrant,
  listAllTokens,
  listGrants,
  listTokens,
  listUsage,
  readList,
  requestRevoke,
} from '../../../utils/store/db';
import { openExisting } from '../../../utils/store/existing';
import { openTokenDb } from '../../../utils/store/open';
import type { Scope, TokenRecord } from '../../../utils/store/records';
import { type AccountRecord, DB_VERSION, type TokenRecordV1 } from '../../../utils/store/schema';

/**
 * One case per schema version ever shipped: its schema exactly as that version created it, records
 * in that version's shape, and the same records as the current version must read them. A new
 * version adds its own case here and updates `expected` of the older ones.
 */
interface EarlierVersion {
  version: number;
  createSchema(db: IDBDatabase): void;
  tokens: object[];
  accounts: object[];
  expected: { tokens: TokenRecord[]; accounts: AccountRecord[] };
  /** The i-th of many tokens, as stored then and as read now. */
  bulk(i: number): { stored: object; expected: TokenRecord };
  /** How that version kept `tokens` and `accounts`, when not in its `tokens` and `accounts` stores. */
  put?(tx: IDBTransaction, tokens: object[], accounts: object[]): void;
}

const ada: Scope = { service: 'http://127.0.0.1:8787', account: '42' };
const bob: Scope = { service: 'https://tokens.example.org', account: '315318824629961583' };

function v1Token(scope: Scope, id: string, changes: Partial<TokenRecordV1> = {}): TokenRecordV1 {
  return {
    ...scope,
    id,
    name: `token ${id} ✓ 🔑`,
    secret: `eyJhbGciOiJIUzI1NiJ9.payload-${id}.signature`,
    created: '2021-11-29T16:08:33.077+00:00',
    createdMs: 1638202113077,
    hasUploads: false,
    lastCopiedAt: null,
    firstSeenAt: 1_700_000_000_000,
    ...changes,
  };
}

const v1Tokens = [
  v1Token(ada, '1', { lastCopiedAt: 1_700_000_500_000, hasUploads: true }),
  v1Token(ada, '2'),
  v1Token(bob, '1', { name: '  spaces kept  ' }),
];
const v1Accounts = [
  { ...ada, email: 'ada@example.org', lastSyncedAt: 1_700_000_600_000 },
  { ...bob, email: '', lastSyncedAt: null },
];
const v2Defaults = { state: 'active', pendingRevoke: null, revokedAt: null, revokedHere: false } as const;
const v4Defaults = { sealed: null } as const;
const v2Tokens = [
  { ...v1Tokens[0], ...v2Defaults },
  { ...v1Tokens[1], ...v2Defaults },
  { ...v1Tokens[2], state: 'revoked', pendingRevoke: null, revokedAt: 9, revokedHere: true },
];
const v2Accounts = [
  { ...v1Accounts[0], createAttempts: [] },
  { ...v1Accounts[1], createAttempts: [{ name: 'lost', startedAt: 1 }] },
];
/** v5 keeps no secret for a revoked token (v2 emptied them on revoke; a record from before may hold one). */
const v5 = <T extends { state: string; secret: string }>(t: T): T => {
  if (t.state === 'revoked') return { ...t, secret: '', sealed: null };
  // The row keeps what the popup showed of a secret kept in the clear: its last six characters.
  return t.secret.length > 12 ? { ...t, hint: t.secret.slice(-6) } : t;
};
const sealedEnvelope = { v: 1 as const, iv: 'aXY=', ct: 'c2VhbGVk' };
const v4Tokens = [
  // The optional fields v4 records gained without an upgrade (issues 7 and 18) move with the row.
  {
    ...v2Tokens[0],
    ...v4Defaults,
    note: 'CI deploy',
    rotatedTo: '2',
    lastFilledAt: 1_700_000_700_000,
    extraOf: { of: '2', unsure: true },
  },
  { ...v2Tokens[1], secret: '', sealed: sealedEnvelope },
  { ...v2Tokens[2], ...v4Defaults },
];
const v2Bulk = (i: number) => ({
  ...v1Token(i % 2 ? ada : bob, String(1000 + i), { lastCopiedAt: i }),
  ...v2Defaults,
});

function v1Schema(db: IDBDatabase): void {
  const tokens = db.createObjectStore('tokens', { keyPath: ['service', 'account', 'id'] });
  tokens.createIndex('by-scope', ['service', 'account']);
  db.createObjectStore('accounts', { keyPath: ['service', 'account'] });
}

const earlier: EarlierVersion[] = [
  {
    version: 1,
    createSchema(db) {
      const tokens = db.createObjectStore('tokens', { keyPath: ['service', 'account', 'id'] });
      tokens.createIndex('by-scope', ['service', 'account']);
      db.createObjectStore('accounts', { keyPath: ['service', 'account'] });
    },
    tokens: v1Tokens,
    accounts: v1Accounts,
    expected: {
      tokens: v1Tokens.map((t) => ({ ...t, ...v2Defaults, ...v4Defaults })),
      accounts: v1Accounts.map((a) => ({ ...a, createAttempts: [] })),
    },
    bulk(i) {
      const stored = v1Token(i % 2 ? ada : bob, String(1000 + i), { lastCopiedAt: i });
      return { stored, expected: { ...stored, ...v2Defaults, ...v4Defaults } };
    },
  },
  {
    // v2 as 979fdde shipped it: v1's stores, records with the revoke fields and create attempts.
    version: 2,
    createSchema: v1Schema,
    tokens: v2Tokens,
    accounts: v2Accounts,
    expected: {
      tokens: v2Tokens.map((t) => ({ ...t, ...v4Defaults })) as TokenRecord[],
      accounts: v2Accounts as AccountRecord[],
    },
    bulk(i) {
      const stored = v2Bulk(i);
      return { stored, expected: { ...stored, ...v4Defaults } };
    },
  },
  {
    // v3 as 1d62767 shipped it: v2's records, plus the grants and usage stores.
    version: 3,
    createSchema(db) {
      v1Schema(db);
      db.createObjectStore('grants', { keyPath: ['service', 'account', 'tokenId', 'origin'] }).createIndex(
        'by-scope',
        ['service', 'account'],
      );
      db.createObjectStore('usage', { autoIncrement: true }).createIndex('by-scope', ['service', 'account']);
    },
    tokens: v2Tokens,
    accounts: v2Accounts,
    expected: {
      tokens: v2Tokens.map((t) => ({ ...t, ...v4Defaults })) as TokenRecord[],
      accounts: v2Accounts as AccountRecord[],
    },
    bulk(i) {
      const stored = v2Bulk(i);
      return { stored, expected: { ...stored, ...v4Defaults } };
    },
  },
];

earlier.push({
  // v4 as 5d1c2a0's lock shipped it: v3's stores, records with `sealed` (one sealed, secret empty).
  version: 4,
  createSchema: (db) => earlier[2]?.createSchema(db),
  tokens: v4Tokens,
  accounts: v2Accounts,
  expected: { tokens: v4Tokens as TokenRecord[], accounts: v2Accounts as AccountRecord[] },
  bulk(i) {
    const stored = { ...v2Bulk(i), ...v4Defaults };
    return { stored, expected: stored };
  },
});

/** v5's two records per account (its upgrade's own layout), from token records as read today. */
function putV5(tx: IDBTransaction, tokens: object[], accounts: object[]): void {
  const byScope = new Map<string, { rows: object[]; secrets: Record<string, object> }>();
  for (const token of tokens as TokenRecord[]) {
    const { service, account, secret, sealed, ...row } = v5(token);
    const scope = JSON.stringify([service, account]);
    const entry = byScope.get(scope) ?? { rows: [], secrets: {} };
    entry.rows.push(row);
    if (token.state !== 'revoked' && (secret !== '' || sealed !== null))
      entry.secrets[row.id] = { secret, sealed };
    byScope.set(scope, entry);
  }
  for (const [scope, { rows, secrets }] of byScope) {
    const [service, account] = JSON.parse(scope) as [string, string];
    const synced = (accounts as AccountRecord[]).find((a) => a.service === service && a.account === account);
    tx.objectStore('lists').put({ service, account, rows, syncedAt: synced?.lastSyncedAt ?? null, rev: 7 });
    tx.objectStore('secrets').put({ service, account, secrets });
  }
  for (const record of accounts) tx.objectStore('accounts').put(record);
}

earlier.push({
  // v5 as 0ad5b1f shipped it: v4's grants and usage, the accounts, and a list record and a secrets
  // record per account instead of the tokens store. An account remembered the list it applied.
  version: 5,
  createSchema(db) {
    earlier[2]?.createSchema(db);
    db.deleteObjectStore('tokens');
    db.createObjectStore('lists', { keyPath: ['service', 'account'] });
    db.createObjectStore('secrets', { keyPath: ['service', 'account'] });
  },
  tokens: v4Tokens,
  accounts: [{ ...v2Accounts[0], listed: { digest: 'abc', rev: 7 } }, v2Accounts[1] as object],
  // v6 makes no head: each account forgets the list it applied, so its next sync writes one.
  expected: { tokens: v4Tokens as TokenRecord[], accounts: v2Accounts as AccountRecord[] },
  bulk(i) {
    const stored = { ...v2Bulk(i), ...v4Defaults };
    return { stored, expected: stored };
  },
  put: putV5,
});

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Builds a database the way an older release left it, with raw IndexedDB and none of today's code. */
async function seed(
  name: string,
  from: EarlierVersion,
  tokens = from.tokens,
  accounts = from.accounts,
): Promise<void> {
  const open = indexedDB.open(name, from.version);
  open.onupgradeneeded = () => from.createSchema(open.result);
  const db = await request(open);
  const tx = db.transaction([...db.objectStoreNames], 'readwrite');
  if (from.put) from.put(tx, tokens, accounts);
  else {
    for (const record of tokens) tx.objectStore('tokens').put(record);
    for (const record of accounts) tx.objectStore('accounts').put(record);
  }
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** A database at the current version, as today's code leaves it after a sync of one token at 5. */
async function currentWithOneToken(name: string): Promise<void> {
  const db = await openTokenDb(name);
  const token = {
    id: '1',
    name: 'a',
    secret: 's',
    created: '2021-11-29T16:08:33.077+00:00',
    hasUploads: false,
  };
  await applyList(db, ada, [token], 5);
  db.close();
}

const sortRecords = <T extends Scope & { id?: string }>(records: T[]): T[] =>
  [...records].sort((a, b) =>
    `${a.service} ${a.account} ${a.id}`.localeCompare(`${b.service} ${b.account} ${b.id}`),
  );

describe('openTokenDb migrations', () => {
  it('should have a case for every version before the current one', () => {
    expect(earlier.map((e) => e.version)).toEqual(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1));
  });

  it.each(earlier)('should upgrade a version $version database with every record intact', async (from) => {
    await seed(`from-v${from.version}`, from);
    const db = await openTokenDb(`from-v${from.version}`);
    expect(db.version).toBe(DB_VERSION);
    // v5: the per-token store is gone; each account is a list record and a secrets record. v6:
    // and a head, written with the list from then on (none yet).
    expect([...db.objectStoreNames].sort()).toEqual([
      'accounts',
      'grants',
      'heads',
      'lists',
      'secrets',
      'usage',
    ]);
    expect(await db.count('heads')).toBe(0);
    expect(sortRecords(await listAllTokens(db))).toStrictEqual(sortRecords(from.expected.tokens.map(v5)));
    expect(JSON.stringify(await db.getAll('lists'))).not.toMatch(/signature|c2VhbGVk/);
    const painted = await readList(db, ada);
    expect(painted.syncedAt).toBe(
      from.expected.accounts.find((a) => a.account === ada.account)?.lastSyncedAt,
    );
    expect(painted.tokens.every((t) => t.secret === '' && t.sealed === null)).toBe(true);
    expect(sortRecords(await db.getAll('accounts'))).toStrictEqual(sortRecords(from.expected.accounts));
    expect((await listTokens(db, bob)).map((t) => t.id)).toEqual(['1']);
    // v3's stores start empty and work.
    expect(await listGrants(db, ada)).toEqual([]);
    expect(await listUsage(db, ada)).toEqual([]);
    await addGrant(db, { ...ada, tokenId: '1', origin: 'https://ci.example', grantedAt: 1 });
    expect(await hasGrant(db, ada, '1', 'https://ci.example')).toBe(true);
    expect(await hasGrant(db, bob, '1', 'https://ci.example')).toBe(false);
    db.close();
  });

  it.each(earlier)('should upgrade hundreds of version $version records', async (from) => {
    const many = Array.from({ length: 300 }, (_, i) => from.bulk(i));
    await seed(`many-v${from.version}`, from, [...from.tokens, ...many.map((m) => m.stored)]);
    const db = await openTokenDb(`many-v${from.version}`);
    const expected = [...from.expected.tokens, ...many.map((m) => m.expected)];
    expect(sortRecords(await listAllTokens(db))).toStrictEqual(sortRecords(expected.map(v5)));
    db.close();
  });

  it.each(earlier)('should upgrade an empty version $version database', async (from) => {
    await seed(`empty-v${from.version}`, from, [], []);
    const db = await openTokenDb(`empty-v${from.version}`);
    expect(await db.count('lists')).toBe(0);
    expect(await db.count('secrets')).toBe(0);
    expect(await db.count('accounts')).toBe(0);
    db.close();
  });

  it.each(earlier)(
    'should sync and revoke on upgraded version $version data, keeping local fields',
    async (from) => {
      await seed(`use-v${from.version}`, from);
      const db = await openTokenDb(`use-v${from.version}`);
      const [first] = sortRecords(from.expected.tokens.filter((t) => t.account === ada.account));
      if (!first) throw new Error('the seed needs a token of ada');
      const { id, name, secret, created, hasUploads } = first;
      await applyList(db, ada, [{ id, name, secret, created, hasUploads }], 1_800_000_000_000);
      await requestRevoke(db, ada, id, 1_800_000_000_000);
      const tokens = await listTokens(db, ada);
      expect(tokens.find((t) => t.id === id)).toMatchObject({
        state: 'pending-revoke',
        lastCopiedAt: first.lastCopiedAt,
        firstSeenAt: first.firstSeenAt,
      });
      expect(tokens.filter((t) => t.id !== id).every((t) => t.state === 'revoked' && !t.revokedHere)).toBe(
        true,
      );
      expect(await getAccount(db, ada)).toMatchObject({
        lastSyncedAt: 1_800_000_000_000,
        createAttempts: [],
      });
      db.close();
    },
  );

  it('should open a current database again without changing it', async () => {
    await currentWithOneToken('again');
    const second = await openTokenDb('again');
    expect(await listAllTokens(second)).toMatchObject([
      { id: '1', firstSeenAt: 5, state: 'active', secret: 's' },
    ]);
    second.close();
  });

  // Issue 14: the popup's first script opens the database before the code that upgrades it loads.
  it('should not create a database that is not there when opened early, and upgrade it after', async () => {
    expect(await openExisting('early-none')).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('early-none');
    const db = await openTokenDb('early-none', openExisting('early-none'));
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('lists');
    db.close();
  });

  it('should take over an early connection to a current database, and close one to an older', async () => {
    await currentWithOneToken('early-current');
    const early = await openExisting('early-current');
    const taken = await openTokenDb('early-current', Promise.resolve(early));
    await expect(readList(taken, ada)).resolves.toMatchObject({ tokens: [{ id: '1', name: 'a' }] });
    taken.close();

    await seed('early-old', earlier[3] as EarlierVersion);
    const old = await openExisting('early-old');
    expect(old?.version).toBe(4);
    // Left open, the old connection would block the upgrade forever.
    const upgraded = await openTokenDb('early-old', Promise.resolve(old));
    expect(upgraded.version).toBe(DB_VERSION);
    const ids = (records: { id: string }[]): string[] => records.map((r) => r.id).sort();
    expect(ids(await listAllTokens(upgraded))).toEqual(ids((earlier[3] as EarlierVersion).expected.tokens));
    upgraded.close();
  });

  it('should let a newer version elsewhere close a connection taken over early', async () => {
    (await openTokenDb('early-newer')).close();
    const taken = await openTokenDb('early-newer', openExisting('early-newer'));
    const newer = indexedDB.open('early-newer', DB_VERSION + 1);
    await request(newer);
    expect(newer.result.version).toBe(DB_VERSION + 1);
    newer.result.close();
    await expect(
      Promise.resolve().then(() => taken.get('lists', [ada.service, ada.account])),
    ).rejects.toThrow();
  });
});
