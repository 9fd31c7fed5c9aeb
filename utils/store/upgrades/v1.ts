// Shipped; never edit. A later change of shape is a new file and a new `if (oldVersion < N)`.
import type { IDBPDatabase } from 'idb';
import type { TokenDB, UpgradeTx } from '../schema';

/** v1: the token and account stores. */
export async function upgradeToV1(db: IDBPDatabase<TokenDB>, _tx: UpgradeTx): Promise<void> {
  const tokens = db.createObjectStore('tokens', { keyPath: ['service', 'account', 'id'] });
  tokens.createIndex('by-scope', ['service', 'account']);
  db.createObjectStore('accounts', { keyPath: ['service', 'account'] });
}
