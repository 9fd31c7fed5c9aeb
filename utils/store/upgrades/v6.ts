// Shipped; never edit. A later change of shape is a new file and a new `if (oldVersion < N)`.
// Self-contained on purpose: layout.ts may change later, this upgrade may not.
import type { IDBPDatabase } from 'idb';
import type { TokenDB, UpgradeTx } from '../schema';

/**
 * v6 (issue 14): a head record per account, what the popup paints first of its list, written
 * with the list from now on. None is made here: until an account's list is next written, pages
 * read its list, as before. The accounts forget which list they last applied, so the next sync
 * of each writes its list, and its head, once.
 */
export async function upgradeToV6(db: IDBPDatabase<TokenDB>, tx: UpgradeTx): Promise<void> {
  db.createObjectStore('heads', { keyPath: ['service', 'account'] });
  const accounts = tx.objectStore('accounts');
  for (const account of await accounts.getAll()) {
    if (!account.listed) continue;
    const { listed: _forgotten, ...rest } = account;
    await accounts.put(rest);
  }
}
