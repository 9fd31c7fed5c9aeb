import type { Page } from '@playwright/test';
import type { BenchBrowser } from './browser';
import { evaluateWithin, pageScript, probeState, waitUntil } from './page';
import type { ProbeState } from './probe';

function isPainted(): boolean {
  return window.__bench?.ready?.painted != null;
}

/** Opens `path` in a new tab; `ms` is navigation start until the ready frame was painted (see probe.ts). */
export async function openReady(browser: BenchBrowser, path: string): Promise<{ page: Page; ms: number }> {
  const page = await browser.open(path);
  await waitUntil(page, isPainted);
  const state = await probeState(page);
  return { page, ms: state.ready?.painted ?? Number.NaN };
}

export interface SyncFigures {
  /** From the `GET /user/tokens` call to the end of the last IndexedDB transaction after it. */
  ms: number;
  transactions: number;
  readwrite: number;
  /** Each transaction as `stores mode`, in order: what the count is made of. */
  detail: string[];
}

const LIST_URL = /\/user\/tokens$/;

/** The sync the page ran after it opened, read from the probe. */
export function syncOf(state: ProbeState): SyncFigures | null {
  const list = state.fetches.find((f) => f.method === 'GET' && LIST_URL.test(f.url));
  if (!list) return null;
  const after = state.tx.filter((tx) => tx.start >= list.start);
  const ends = after.map((tx) => tx.end ?? Number.NaN);
  return {
    ms: Math.max(...ends) - list.start,
    transactions: after.length,
    readwrite: after.filter((tx) => tx.mode === 'readwrite').length,
    detail: after.map((tx) => `${tx.stores.join('+')} ${tx.mode}`),
  };
}

function isSettled(): boolean {
  const state = window.__bench;
  const list = state?.fetches.find((f) => f.method === 'GET' && /\/user\/tokens$/.test(f.url));
  if (!state || !list) return false;
  const after = state.tx.filter((tx) => tx.start >= list.start);
  if (after.length === 0 || after.some((tx) => tx.end === null)) return false;
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Sync now');
  const lastEnd = Math.max(...after.map((tx) => tx.end ?? 0));
  return Boolean(button && !button.disabled) && performance.now() - lastEnd > 250;
}

/** Waits until the page's sync is over (its transactions are done, "Sync now" is enabled again). */
export async function waitSynced(page: Page): Promise<SyncFigures | null> {
  await waitUntil(page, isSettled);
  return syncOf(await probeState(page));
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

/** The floor for a sync: a bare `fetch` + `JSON.parse` of `GET /user/tokens`, in an extension page. */
export async function bareFetchParse(
  browser: BenchBrowser,
  serviceUrl: string,
  credential: string,
): Promise<{ ms: number; count: number }> {
  const page = await browser.open('blank.html');
  await waitUntil(page, isPainted);
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
        return { ms: performance.now() - started, count: list.length };
      },
      serviceUrl,
      credential,
    ),
  );
  await page.close();
  return result as { ms: number; count: number };
}

/** The page's JS heap after a full garbage collection, in bytes (CDP `Runtime.getHeapUsage`). */
export async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}
