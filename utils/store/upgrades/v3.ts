// Shipped; never edit. A later change of shape is a new file and a new `if (oldVersion < N)`.
import type { IDBPDatabase } from 'idb';
import type { TokenDB, UpgradeTx } from '../schema';

/** v3: site grants and the usage record (issue 4). */
export async function upgradeToV3(db: IDBPDatabase<TokenDB>, _tx: UpgradeTx): Promise<void> {
  db.createObjectStore('grants', { keyPath: ['service', 'account', 'tokenId', 'origin'] }).createIndex(
    'by-scope',
    ['service', 'account'],
  );
  db.createObjectStore('usage', { autoIncrement: true }).createIndex('by-scope', ['service', 'account']);
}
