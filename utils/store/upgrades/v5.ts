// Shipped; never edit. A later change of shape is a new file and a new `if (oldVersion < N)`.
// Self-contained on purpose: layout.ts may change later, this upgrade may not.
import type { IDBPDatabase } from 'idb';
import type { TokenRecord } from '../records';
import type { SecretEntry, TokenDB, UpgradeTx } from '../schema';

/**
 * v5 (issue 14): one list record and one secrets record per account instead of one record per
 * token, so the popup paints from one `get` and a sync writes two records, not ten thousand.
 */
export async function upgradeToV5(db: IDBPDatabase<TokenDB>, tx: UpgradeTx): Promise<void> {
  db.createObjectStore('lists', { keyPath: ['service', 'account'] });
  db.createObjectStore('secrets', { keyPath: ['service', 'account'] });
  const byScope = new Map<string, TokenRecord[]>();
  for (const record of await tx.objectStore('tokens').getAll()) {
    const key = JSON.stringify([record.service, record.account]);
    byScope.set(key, [...(byScope.get(key) ?? []), record]);
  }
  for (const [key, records] of byScope) {
    const [service, account] = JSON.parse(key) as [string, string];
    const syncedAt = (await tx.objectStore('accounts').get([service, account]))?.lastSyncedAt ?? null;
    const secrets: Record<string, SecretEntry> = {};
    const rows = records.map(({ service: _s, account: _a, secret, sealed, ...row }) => {
      // A revoked token keeps no secret (v2 already emptied them; this only makes sure).
      if (row.state === 'revoked') return row;
      if (secret !== '' || sealed !== null) secrets[row.id] = { secret, sealed };
      // The row keeps what it showed of a secret kept in the clear: its last six characters.
      return secret.length > 12 ? { ...row, hint: secret.slice(-6) } : row;
    });
    await tx.objectStore('lists').put({ service, account, rows, syncedAt });
    await tx.objectStore('secrets').put({ service, account, secrets });
  }
  db.deleteObjectStore('tokens');
}
