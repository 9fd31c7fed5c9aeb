import type { IDBPDatabase } from 'idb';
import type { TokenDB, UpgradeTx } from '../schema';
import { upgradeToV1 } from './v1';
import { upgradeToV2 } from './v2';
import { upgradeToV3 } from './v3';
import { upgradeToV4 } from './v4';
import { upgradeToV5 } from './v5';
import { upgradeToV6 } from './v6';

/**
 * Every shipped version's upgrade, cumulative `if (oldVersion < N)` blocks, never edited once
 * shipped. Loaded by openTokenDb only when an upgrade may be due (issue 14: not in the popup's
 * code, which opens a current database nearly always).
 */
export async function upgrade(db: IDBPDatabase<TokenDB>, oldVersion: number, tx: UpgradeTx): Promise<void> {
  if (oldVersion < 1) await upgradeToV1(db, tx);
  if (oldVersion < 2) await upgradeToV2(db, tx);
  if (oldVersion < 3) await upgradeToV3(db, tx);
  if (oldVersion < 4) await upgradeToV4(db, tx);
  if (oldVersion < 5) await upgradeToV5(db, tx);
  if (oldVersion < 6) await upgradeToV6(db, tx);
}
