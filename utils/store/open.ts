import { openDB, wrap } from 'idb';
import { DB_NAME, DB_VERSION, type TokenDatabase, type TokenDB } from './schema';
import { upgradeToV1 } from './upgrades/v1';
import { upgradeToV2 } from './upgrades/v2';
import { upgradeToV3 } from './upgrades/v3';
import { upgradeToV4 } from './upgrades/v4';
import { upgradeToV5 } from './upgrades/v5';

/**
 * Opens the one database. Upgrades are cumulative `if (oldVersion < N)` blocks, never edited once
 * shipped. A newer version opened elsewhere (another extension page after an update) makes this
 * connection close instead of blocking it. `opened`: a connection a page's first script made
 * (openExisting), taken over when no upgrade is due, else closed.
 */
export async function openTokenDb(
  name = DB_NAME,
  opened?: Promise<IDBDatabase | null>,
): Promise<TokenDatabase> {
  const early = await opened?.catch(() => null);
  if (early?.version === DB_VERSION) {
    early.addEventListener('versionchange', () => early.close());
    return wrap(early) as TokenDatabase;
  }
  early?.close();
  return openDB<TokenDB>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) await upgradeToV1(db, tx);
      if (oldVersion < 2) await upgradeToV2(db, tx);
      if (oldVersion < 3) await upgradeToV3(db, tx);
      if (oldVersion < 4) await upgradeToV4(db, tx);
      if (oldVersion < 5) await upgradeToV5(db, tx);
    },
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}
