import type { Page } from '@playwright/test';
import type { BenchBrowser } from './browser';
import { evaluateWithin, pageScript, probeState, signalled, waitUntil } from './page';
import type { ProbeState } from './probe';
import type { WorkerProbe } from './worker-probe';

/** Opens `path` in a new tab; `ms` is navigation start until the ready frame was painted (see probe.ts). */
export async function openReady(browser: BenchBrowser, path: string): Promise<{ page: Page; ms: number }> {
  const page = await browser.open(path);
  return { page, ms: await signalled(page, 'painted') };
}

export interface SyncFigures {
  /** From the `GET /user/tokens` call to the end of the last IndexedDB transaction after it. */
  ms: number;
  transactions: number;
  readwrite: number;
  /** Each transaction as `stores mode`, in order: what the count is made of. */
  detail: string[];
  /** Records written (put, add, delete), broadcasts posted and context menu entries made by the worker after the list. */
  written: number;
  broadcasts: number;
  menuItems: number;
}

const LIST_URL = /\/user\/tokens$/;

/**
 * The sync the page asked for after it opened: its time is the page's round trip to the engine in
 * the background (list, merge, answer); its transactions are those the background opened after
 * its last `GET /user/tokens`.
 */
export function syncOf(state: ProbeState, worker: ProbeState | null): SyncFigures | null {
  const sync = state.messages.find((m) => m.type === 'tokens/sync');
  if (sync?.end == null) return null;
  const lists = (worker?.fetches ?? []).filter((f) => f.method === 'GET' && LIST_URL.test(f.url));
  const list = lists.at(-1);
  const after = list ? (worker?.tx ?? []).filter((tx) => tx.start >= list.start) : [];
  return {
    ms: sync.end - sync.start,
    transactions: after.length,
    readwrite: after.filter((tx) => tx.mode === 'readwrite').length,
    detail: after.map((tx) => `${tx.stores.join('+')} ${tx.mode}`),
    written: list ? (worker?.writes ?? []).filter((at) => at >= list.start).length : 0,
    broadcasts: list ? (worker?.broadcasts ?? []).filter((at) => at >= list.start).length : 0,
    menuItems: list ? (worker?.menus ?? []).filter((at) => at >= list.start).length : 0,
  };
}

function isSettled(): boolean {
  const sync = window.__bench?.messages.find((m) => m.type === 'tokens/sync');
  if (sync?.end == null) return false;
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Sync now');
  return Boolean(button && !button.disabled) && performance.now() - sync.end > 250;
}

/** Waits until the page's sync is over (the engine has answered, "Sync now" is enabled again). */
export async function waitSynced(page: Page, worker: WorkerProbe): Promise<SyncFigures | null> {
  // Nothing is asked of the page before its sync has answered (see probe.ts, `signal`).
  await signalled(page, 'synced');
  await waitUntil(page, isSettled);
  return syncOf(await probeState(page), await worker.read());
}

async function deleteDatabases(): Promise<void> {
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
  }
}

/** Forgets every token on this device: deletes the extension's IndexedDB databases. */
export async function clearDevice(browser: BenchBrowser): Promise<void> {
  const page = await browser.open('blank.html');
  await evaluateWithin(page, pageScript(deleteDatabases));
  await page.close();
}

/**
 * A sync's floor, in an otherwise empty extension page: a bare `fetch` + `JSON.parse` of
 * `GET /user/tokens`; and the primitives every sync of a page adds to it (issue 14), each timed
 * apart: a message to the background and its answer (one the background does not handle), and
 * one IndexedDB transaction on a scratch database: on an empty device it is created and the list
 * is put as one record (`write`), on a device that has it, it is opened and that record read
 * (`read`). A sync that changed nothing must still read what is kept to know it.
 */
export async function bareFetchParse(
  browser: BenchBrowser,
  serviceUrl: string,
  credential: string,
): Promise<{ ms: number; count: number; message: number; write: number; read: number }> {
  const page = await browser.open('blank.html');
  await signalled(page, 'painted');
  const result = await evaluateWithin(
    page,
    pageScript(
      async (url: string, secret: string) => {
        const started = performance.now();
        const response = await fetch(`${url}/user/tokens`, {
          headers: { Authorization: `Bearer ${secret}` },
          credentials: 'omit',
          cache: 'no-store',
        });
        const list = JSON.parse(await response.text()) as unknown[];
        const ms = performance.now() - started;

        const asked = performance.now();
        const { runtime } = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
        ).chrome;
        await runtime.sendMessage({ type: 'bench/none' }).catch(() => {});
        const message = performance.now() - asked;

        const NAME = 'bench-primitive';
        const done = (request: IDBRequest | IDBTransaction) =>
          new Promise<void>((resolve, reject) => {
            if (request instanceof IDBTransaction) request.oncomplete = () => resolve();
            else request.onsuccess = () => resolve();
            request.onerror = () => reject(request.error);
          });
        const open = (upgrade: boolean) => {
          const request = indexedDB.open(NAME, 1);
          if (upgrade) request.onupgradeneeded = () => request.result.createObjectStore('lists');
          return done(request).then(() => request.result);
        };
        await done(indexedDB.deleteDatabase(NAME));
        const writing = performance.now();
        const created = await open(true);
        const put = created.transaction('lists', 'readwrite', { durability: 'relaxed' });
        put.objectStore('lists').put(list, 'list');
        await done(put);
        const write = performance.now() - writing;
        created.close();
        const reading = performance.now();
        const kept = await open(false);
        const get = kept.transaction('lists').objectStore('lists').get('list');
        await done(get);
        const read = performance.now() - reading;
        kept.close();
        await done(indexedDB.deleteDatabase(NAME));
        return { ms, count: list.length, message, write, read };
      },
      serviceUrl,
      credential,
    ),
  );
  await page.close();
  return result as { ms: number; count: number; message: number; write: number; read: number };
}

/** The page's JS heap after a full garbage collection, in bytes (CDP `Runtime.getHeapUsage`). */
export async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}
