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
