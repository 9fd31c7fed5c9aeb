import type { BrowserContext, Page } from '@playwright/test';

/**
 * Everything the running extension's own pages or DevTools can read (issue 11): both
 * `chrome.storage` areas, read in the service worker, and every record of every object store of
 * every IndexedDB database, read from an extension page. Binary values are decoded as text, so a
 * secret stored as bytes is found too.
 */
export async function readableStorage(context: BrowserContext, extensionPage: Page): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const areas = await worker.evaluate(async () => {
    type Area = { get(keys: null): Promise<Record<string, unknown>> };
    const { storage } = (globalThis as unknown as { chrome: { storage: { session: Area; local: Area } } })
      .chrome;
    return JSON.stringify([await storage.session.get(null), await storage.local.get(null)]);
  });
  const databases = await extensionPage.evaluate(async () => {
    const text = (_: string, value: unknown): unknown => {
      if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
      if (ArrayBuffer.isView(value)) return new TextDecoder().decode(value);
      return value;
    };
    const dump: Record<string, Record<string, unknown[]>> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      dump[name] = {};
      for (const store of Array.from(db.objectStoreNames)) {
        const all = db.transaction(store).objectStore(store).getAll();
        dump[name][store] = await new Promise<unknown[]>((resolve, reject) => {
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        });
      }
      db.close();
    }
    return JSON.stringify(dump, text);
  });
  return `${areas}\n${databases}`;
}

/** The names of `needles` (and of their last 16 characters) found in `haystack`. */
export function found(haystack: string, needles: Record<string, string>): string[] {
  return Object.entries(needles).flatMap(([name, value]) => [
    ...(haystack.includes(value) ? [name] : []),
    ...(haystack.includes(value.slice(-16)) ? [`the last 16 characters of ${name}`] : []),
  ]);
}
