import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiToken } from '../../../utils/api/shapes';
import {
  annotateToken,
  applyList,
  applyRevokeOutcomes,
  hurryRevokes,
  markCopied,
  putSecrets,
  readList,
  recordFill,
  requestRevoke,
  shownList,
} from '../../../utils/store/db';
import { mergeDeviceData } from '../../../utils/store/device-data';
import { openExisting, readListEarly } from '../../../utils/store/existing';
import { HEAD_ROWS, headOf } from '../../../utils/store/layout';
import { openTokenDb } from '../../../utils/store/open';
import type { Scope } from '../../../utils/store/records';
import type { ListRecord, TokenDatabase, TokenRow } from '../../../utils/store/schema';

// Issue 14: the popup paints first from the list's head, one small record whatever the list's
// length (layout.ts headOf), which every write of the list writes with it (db.ts putList).

const ada: Scope = { service: 'http://127.0.0.1:8787', account: '42' };
const bob: Scope = { service: 'http://127.0.0.1:8787', account: '43' };
const key = (scope: Scope): [string, string] => [scope.service, scope.account];

const token = (i: number): ApiToken => ({
  id: String(i),
  name: `token ${String(i).padStart(4, '0')}`,
  secret: `eyJ.secret-${i}.sig`,
  created: '2021-11-29T16:08:33.077+00:00',
  hasUploads: false,
});
const tokens = (count: number): ApiToken[] => Array.from({ length: count }, (_, i) => token(i));

function row(i: number, changes: Partial<TokenRow> = {}): TokenRow {
  return {
    id: String(i),
    name: `token ${String(i).padStart(4, '0')}`,
    created: '2021-11-29T16:08:33.077+00:00',
    createdMs: 1638202113077,
    hasUploads: false,
    lastCopiedAt: null,
    firstSeenAt: 1,
    state: 'active',
    pendingRevoke: null,
    revokedAt: null,
    revokedHere: false,
    ...changes,
  };
}
const list = (rows: TokenRow[]): ListRecord => ({ ...ada, rows, syncedAt: 5, rev: 9 });

let db: TokenDatabase;

beforeEach(async () => {
  db = await openTokenDb();
});

afterEach(() => {
  db.close();
  indexedDB.deleteDatabase('w3s-tokens');
  vi.restoreAllMocks();
});

describe('headOf', () => {
  it('should keep a short list whole, and say so', () => {
    const rows = Array.from({ length: HEAD_ROWS }, (_, i) => row(i));
    expect(headOf(list(rows))).toEqual({
      ...ada,
      rows,
      complete: true,
      live: HEAD_ROWS,
      syncedAt: 5,
      rev: 9,
    });
  });

  it('should keep the first rows of a long list, and count the tokens not revoked', () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => row(i));
    const head = headOf(list(rows));
    expect(head.rows).toEqual(rows.slice(0, HEAD_ROWS));
    expect(head).toMatchObject({ complete: false, live: 1_000, syncedAt: 5, rev: 9 });
  });

  it('should keep every row shown beside the list, wherever it is, in the list order', () => {
    const rows = Array.from({ length: 200 }, (_, i) => row(i));
    rows[2] = row(2, { state: 'revoked', revokedAt: 3 });
    rows[150] = row(150, { state: 'revoked', revokedAt: 4 });
    rows[160] = row(160, { reviewBy: 10 });
    rows[170] = row(170, { extraOf: { of: '0', unsure: false } });
    rows[180] = row(180, {
      state: 'pending-revoke',
      pendingRevoke: { requestedAt: 1, attempts: 0, nextAttemptAt: 1, lastError: null },
    });
    const head = headOf(list(rows));
    // A revoked row is not one of the first rows on screen: the first 24 live ones reach row 24.
    expect(head.rows.map((r) => r.id)).toEqual([
      ...Array.from({ length: HEAD_ROWS + 1 }, (_, i) => String(i)),
      '150',
      '160',
      '170',
      '180',
    ]);
    expect(head).toMatchObject({ complete: false, live: 198 });
  });

  it('should paint a head as the list it starts, marked as a part', () => {
    const rows = Array.from({ length: 100 }, (_, i) => row(i));
    const painted = shownList(ada, headOf(list(rows)));
    expect(painted.tokens.map((t) => t.id)).toEqual(rows.slice(0, HEAD_ROWS).map((r) => r.id));
    expect(painted).toMatchObject({ syncedAt: 5, rev: 9, partial: { live: 100 } });
    expect(
      painted.tokens.every((t) => t.secret === '' && t.sealed === null && t.service === ada.service),
    ).toBe(true);
    expect(shownList(ada, headOf(list(rows.slice(0, 3))))).not.toHaveProperty('partial');
    expect(shownList(ada, list(rows))).not.toHaveProperty('partial');
  });
});

describe('the head written with every list', () => {
  const expectHead = async (scope = ada): Promise<void> => {
    const stored = await db.get('lists', key(scope));
    if (!stored) throw new Error('no list');
    expect(await db.get('heads', key(scope))).toEqual(headOf(stored));
  };

  it('should follow every write of a long list, in the write’s own transaction', async () => {
    await applyList(db, ada, tokens(100), 1000);
    await expectHead();
    const writes: Array<[string, () => Promise<unknown>]> = [
      [
        'a rename by the service',
        () => applyList(db, ada, [{ ...token(0), name: 'zz last' }, ...tokens(100).slice(1)], 2000),
      ],
      ['a copy', () => markCopied(db, ada, '3', 3000)],
      ['a fill', () => recordFill(db, { ...ada, tokenId: '4', origin: 'https://ci.example', at: 4000 })],
      ['a review date past the head', () => annotateToken(db, ada, '90', { reviewBy: 5000 })],
      ['a revoke asked', () => requestRevoke(db, ada, '95', 6000)],
      // Due at 6000 (asked then); "Sync now" a moment before makes it due then.
      ['Sync now', () => hurryRevokes(db, ada, 5500)],
      ['the revoke done', () => applyRevokeOutcomes(db, ada, [{ id: '95', kind: 'revoked' }], 8000)],
      ['the lock sealing a secret', () => putSecrets(db, [{ ...ada, id: '5', secret: '', sealed: null }])],
      [
        'an import',
        () =>
          mergeDeviceData(db, (here) => ({
            tokens: here.tokens.filter((t) => t.id === '6').map((t) => ({ ...t, note: 'imported' })),
            grants: [],
            usage: [],
          })),
      ],
    ];
    for (const [what, write] of writes) {
      const before = await db.get('heads', key(ada));
      await write();
      await expectHead();
      expect(await db.get('heads', key(ada)), what).not.toEqual(before);
    }
    const head = await db.get('heads', key(ada));
    expect(head?.rows.map((r) => r.id)).toEqual(expect.arrayContaining(['90', '95']));
  });

  it('should write no head for a sync that changed nothing', async () => {
    await applyList(db, ada, tokens(30), 1000);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    expect((await applyList(db, ada, tokens(30), 2000)).changed).toBe(false);
    expect(put).not.toHaveBeenCalled();
  });

  it('should give a list that has none its head at its next sync, then write no more', async () => {
    await applyList(db, ada, tokens(30), 1000);
    await db.delete('heads', key(ada));
    const account = await db.get('accounts', key(ada));
    if (account) await db.put('accounts', { ...account, listed: undefined });
    expect((await applyList(db, ada, tokens(30), 2000)).changed).toBe(true);
    await expectHead();
    expect((await applyList(db, ada, tokens(30), 3000)).changed).toBe(false);
  });
});

describe("the popup's first read (readListEarly)", () => {
  it('should read the shown account’s head, one record, and nothing when it has none', async () => {
    await applyList(db, ada, tokens(100), 1000);
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const early = await readListEarly(openExisting('w3s-tokens'), ada);
    expect(get).toHaveBeenCalledOnce();
    expect(early).toEqual(await db.get('heads', key(ada)));
    expect(early?.rows).toHaveLength(HEAD_ROWS);
    expect(await readListEarly(openExisting('w3s-tokens'), bob)).toBeNull();
    // The page then reads the list the usual way.
    expect((await readList(db, ada)).tokens).toHaveLength(100);
  });
});
