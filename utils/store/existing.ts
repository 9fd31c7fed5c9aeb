import type { Scope } from './records';
import { DB_VERSION, type HeadRecord } from './schema';

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
 * What the popup paints first of `scope`'s list, from a connection openExisting gave (issue 14:
 * read by a page's first script, so the rows are there when its code has loaded): its head
 * (HeadRecord), one small record whatever the list's length. Null when there is none (no list
 * yet, or one not written since v6: its next sync writes it) or when it cannot be read here (no
 * database, another version, a failed read): the page then reads the list the usual way.
 */
export function readListEarly(db: Promise<IDBDatabase | null>, scope: Scope): Promise<HeadRecord | null> {
  return db.then(
    (raw) =>
      new Promise((resolve) => {
        if (raw?.version !== DB_VERSION) {
          resolve(null);
          return;
        }
        try {
          const request = raw.transaction('heads').objectStore('heads').get([scope.service, scope.account]);
          request.onsuccess = () => resolve((request.result as HeadRecord | undefined) ?? null);
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
