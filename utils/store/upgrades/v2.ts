// Shipped; never edit. A later change of shape is a new file and a new `if (oldVersion < N)`.
import type { IDBPDatabase } from 'idb';
import type { TokenRecord } from '../records';
import type { AccountRecord, TokenDB, TokenRecordV1, UpgradeTx } from '../schema';

/** v2: pending revokes (the outbox), revoked history, lost-create attempts. */
export async function upgradeToV2(_db: IDBPDatabase<TokenDB>, tx: UpgradeTx): Promise<void> {
  for await (const cursor of tx.objectStore('tokens')) {
    const v1: TokenRecordV1 = cursor.value;
    // (Typed as today's record; v4 below adds `sealed`.)
    cursor.update({
      ...v1,
      state: 'active',
      pendingRevoke: null,
      revokedAt: null,
      revokedHere: false,
    } as TokenRecord);
  }
  for await (const cursor of tx.objectStore('accounts')) {
    const v1: Omit<AccountRecord, 'createAttempts'> = cursor.value;
    cursor.update({ ...v1, createAttempts: [] });
  }
}
