import { openDB, wrap } from 'idb';
import { DB_NAME, DB_VERSION, type TokenDatabase, type TokenDB } from './schema';

/**
 * Opens the one database, upgrading it (upgrades/index.ts) when it is older. A newer version
 * opened elsewhere (another extension page after an update) makes this connection close instead
 * of blocking it. `opened`: a connection a page's first script made (openExisting), taken over
 * when no upgrade is due, else closed.
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
  // Loaded before the database is opened: a versionchange transaction ends when a task passes
  // with nothing asked of it, so nothing may be fetched inside the upgrade.
  const { upgrade } = await import('./upgrades');
  return openDB<TokenDB>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}
