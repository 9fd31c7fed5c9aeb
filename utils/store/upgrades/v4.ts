// Shipped; never edit. A later change of shape is a new file and a new `if (oldVersion < N)`.
import type { IDBPDatabase } from 'idb';
import type { TokenDB, UpgradeTx } from '../schema';

/** v4: a secret may be sealed under the lock (issue 5); every record so far is plain. */
export async function upgradeToV4(_db: IDBPDatabase<TokenDB>, tx: UpgradeTx): Promise<void> {
  for await (const cursor of tx.objectStore('tokens')) {
    cursor.update({ ...cursor.value, sealed: null });
  }
}
