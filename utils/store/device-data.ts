import { putList } from './db';
import { joinRecords, revised, toRow } from './layout';
import type { Scope, TokenRecord } from './records';
import type { GrantRecord, ListRecord, TokenDatabase, TokenRow, UsageRecord } from './schema';

// Everything this device keeps of every account, read and merged at once for export and import
// (utils/backup/). Kept beside db.ts, which is past its size: the same repository shape. Only the
// list records are read (store v5): an export never holds a secret, so none is ever read here.

/** Every token record (without its secret), site grant and usage entry on this device, of every account. */
export interface DeviceData {
  tokens: TokenRecord[];
  grants: GrantRecord[];
  usage: UsageRecord[];
}

const scopeKey = (scope: Scope): string => JSON.stringify([scope.service, scope.account]);
const tokensOf = (lists: readonly ListRecord[]): TokenRecord[] =>
  lists.flatMap((list) => joinRecords(list, list, undefined));

/** Reads all of it in one transaction, so the export is one consistent moment. */
export async function readDeviceData(db: TokenDatabase): Promise<DeviceData> {
  const tx = db.transaction(['lists', 'grants', 'usage'], 'readonly');
  const [lists, grants, usage] = await Promise.all([
    tx.objectStore('lists').getAll(),
    tx.objectStore('grants').getAll(),
    tx.objectStore('usage').getAll(),
  ]);
  await tx.done;
  return { tokens: tokensOf(lists), grants, usage };
}

/**
 * `record` as the row of its list: the records here carry no secret, so the row keeps the hint it
 * had (the secret itself is untouched in the secrets record).
 */
function rowOf(record: TokenRecord, before: TokenRow | undefined): TokenRow {
  const row = toRow(record);
  return before?.hint !== undefined && record.state !== 'revoked' ? { ...row, hint: before.hint } : row;
}

/** The lists with `records` put in, each replacing the row of the same id or added at the end. */
function withRecords(lists: readonly ListRecord[], records: readonly TokenRecord[]): ListRecord[] {
  const byScope = new Map(lists.map((list) => [scopeKey(list), list]));
  // Per changed list: its rows, and where each id sits (an import may touch every row of 10,000).
  const changed = new Map<string, { list: ListRecord; rows: TokenRow[]; at: Map<string, number> }>();
  for (const record of records) {
    const key = scopeKey(record);
    let entry = changed.get(key);
    if (!entry) {
      const list = byScope.get(key) ?? {
        service: record.service,
        account: record.account,
        rows: [],
        syncedAt: null,
      };
      entry = { list, rows: [...list.rows], at: new Map(list.rows.map((row, i) => [row.id, i])) };
      changed.set(key, entry);
    }
    const index = entry.at.get(record.id);
    if (index === undefined) {
      entry.at.set(record.id, entry.rows.length);
      entry.rows.push(rowOf(record, undefined));
    } else entry.rows[index] = rowOf(record, entry.rows[index]);
  }
  return [...changed.values()].map(({ list, rows }) => ({ ...list, rows }));
}

/**
 * Reads what is here and writes what `plan` returns in one transaction: token records to put
 * whole (each built from the one read here, so nothing written meanwhile is lost; written into
 * their account's list record), grants to put and usage entries to add. `plan` is pure and
 * synchronous: nothing but IndexedDB is awaited inside.
 */
export async function mergeDeviceData<T extends DeviceData>(
  db: TokenDatabase,
  plan: (here: DeviceData) => T,
): Promise<T> {
  const tx = db.transaction(['lists', 'heads', 'grants', 'usage'], 'readwrite');
  const listStore = tx.objectStore('lists');
  const heads = tx.objectStore('heads');
  const grants = tx.objectStore('grants');
  const usage = tx.objectStore('usage');
  const [lists, g, u] = await Promise.all([listStore.getAll(), grants.getAll(), usage.getAll()]);
  const changes = plan({ tokens: tokensOf(lists), grants: g, usage: u });
  await Promise.all([
    ...withRecords(lists, changes.tokens).map((list) => putList({ lists: listStore, heads }, revised(list))),
    ...changes.grants.map((grant) => grants.put(grant)),
    ...changes.usage.map((entry) => usage.add(entry)),
  ]);
  await tx.done;
  return changes;
}
