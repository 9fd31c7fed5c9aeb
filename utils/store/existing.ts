import type { Scope } from './records';
import { DB_VERSION, type ListRecord } from './schema';

/**
 * Opens the database as it is, without upgrading it and without idb (issue 14): a page's first
 * script opens it while the page's code is still loading, and openTokenDb takes the connection
 * over when it is already at DB_VERSION. Null when there is no database yet (it is not created:
 * the upgrade that would make an empty one is aborted) or when it cannot be opened.
 */
export function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      resolve(null);
      return;
    }
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
  });
}

/**
 * The list record of `scope` from a connection openExisting gave (issue 14: read by a page's first
 * script, so the rows are there when its code has loaded). Undefined when the account has no list
 * yet; null when it cannot be read here (no database, another version, a failed read): the page
 * then reads it the usual way.
 */
export function readListEarly(
  db: Promise<IDBDatabase | null>,
  scope: Scope,
): Promise<ListRecord | undefined | null> {
  return db.then(
    (raw) =>
      new Promise((resolve) => {
        if (raw?.version !== DB_VERSION) {
          resolve(null);
          return;
        }
        try {
          const request = raw.transaction('lists').objectStore('lists').get([scope.service, scope.account]);
          request.onsuccess = () => resolve(request.result as ListRecord | undefined);
          request.onerror = (event) => {
            event.preventDefault();
            resolve(null);
          };
        } catch {
          resolve(null);
        }
      }),
    () => null,
  );
}
