import type { BrowserContext } from '@playwright/test';
import type { ProbeState } from './probe';

/**
 * The engine runs in the extension's service worker, where no init script reaches: this puts the
 * same IndexedDB and fetch observers there at run time (again whenever the worker has restarted).
 */
export interface WorkerProbe {
  install(): Promise<void>;
  read(): Promise<ProbeState | null>;
}

const INSTALL = `(() => {
  if (globalThis.__bench) { Object.assign(globalThis.__bench, { tx: [], fetches: [], writes: [], broadcasts: [], menus: [] }); return; }
  const state = { tx: [], fetches: [], messages: [], ready: null, searches: [], writes: [], broadcasts: [], menus: [] };
  globalThis.__bench = state;
  // The cost of a sync as counts (issue 14): records written, broadcasts, menu entries made.
  for (const name of ['put', 'add', 'delete']) {
    const original = IDBObjectStore.prototype[name];
    IDBObjectStore.prototype[name] = function (...args) { state.writes.push(performance.now()); return original.apply(this, args); };
  }
  const post = BroadcastChannel.prototype.postMessage;
  BroadcastChannel.prototype.postMessage = function (...args) { state.broadcasts.push(performance.now()); return post.apply(this, args); };
  const create = chrome.contextMenus.create;
  chrome.contextMenus.create = function (...args) { state.menus.push(performance.now()); return create.apply(this, args); };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    const tx = transaction.apply(this, args);
    const [stores, mode] = args;
    const entry = { stores: typeof stores === 'string' ? [stores] : [...stores], mode: mode ?? 'readonly', start: performance.now(), end: null };
    state.tx.push(entry);
    const end = () => { entry.end = performance.now(); };
    tx.addEventListener('complete', end);
    tx.addEventListener('abort', end);
    return tx;
  };
  const fetchOriginal = globalThis.fetch;
  globalThis.fetch = function (input, init) {
    const url = input instanceof Request ? input.url : String(input);
    state.fetches.push({ url, method: init?.method ?? 'GET', start: performance.now() });
    return fetchOriginal.call(this, input, init);
  };
})()`;

export function workerProbe(context: BrowserContext): WorkerProbe {
  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    async install() {
      await (await worker()).evaluate(INSTALL);
    },
    async read() {
      return ((await (await worker()).evaluate('globalThis.__bench ?? null')) as ProbeState | null) ?? null;
    },
  };
}
