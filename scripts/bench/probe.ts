// Instruments every page of the benchmark's browser (added with `addInitScript`, so it runs before
// the page's own scripts). It only observes: the product has no benchmark code path.

export interface ProbeTx {
  stores: string[];
  mode: string;
  start: number;
  end: number | null;
}

export interface ProbeFetch {
  url: string;
  method: string;
  start: number;
}

/** A message to the background (the engine runs there): a sync is one `tokens/sync` round trip. */
export interface ProbeMessage {
  type: string;
  start: number;
  end: number | null;
}

export interface ProbeSearch {
  query: string;
  /** keydown (or the input event) in the "Search tokens" field. */
  start: number;
  /** First DOM change under <main> after it: the list re-rendered. */
  dom: number | null;
  /** The task that handled the input, and the microtasks it queued (the render), have run. */
  handled: number | null;
  /** The frame after that has been painted. */
  painted: number | null;
}

/** All times are `performance.now()`: milliseconds since the page's navigation started. */
export interface ProbeState {
  tx: ProbeTx[];
  fetches: ProbeFetch[];
  messages: ProbeMessage[];
  /** The page is ready: for the popup, the token list (or its empty state) is in the DOM and its fields are enabled. */
  ready: { dom: number; painted: number | null } | null;
  searches: ProbeSearch[];
  /** Service worker only: when each record was written, a broadcast posted, a menu entry made. */
  writes?: number[];
  broadcasts?: number[];
  menus?: number[];
}

declare global {
  interface Window {
    __bench?: ProbeState;
  }
}

/** The page script: serialised with `pageScript`, so it may only use what it defines itself. */
export function probe(): void {
  const state: ProbeState = { tx: [], fetches: [], messages: [], ready: null, searches: [] };
  window.__bench = state;

  // requestAnimationFrame runs just before the frame's paint; a message posted from it is
  // delivered in the next task, after that paint.
  const afterPaint = (done: (at: number) => void): void => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
  };
  // The harness learns these by the page's console (page.ts, `signalled`) rather than by asking
  // the page: anything it evaluates there runs on the page's main thread, and the first call
  // installs Playwright's helper script, which would land in the middle of the page's load.
  const signal = (what: string, at: number): void => console.debug(`bench:${what} ${at}`);
  const afterTask = (done: (at: number) => void): void => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  };

  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase['transaction']>
  ): IDBTransaction {
    const tx = transaction.apply(this, args);
    const [stores, mode] = args;
    const entry: ProbeTx = {
      stores: typeof stores === 'string' ? [stores] : [...stores],
      mode: mode ?? 'readonly',
      start: performance.now(),
      end: null,
    };
    state.tx.push(entry);
    const end = (): void => {
      entry.end = performance.now();
    };
    tx.addEventListener('complete', end);
    tx.addEventListener('abort', end);
    return tx;
  };

  // The pages ask the background's engine to sync (utils/messages.ts); time each round trip.
  const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => unknown } } })
    .chrome?.runtime;
  const send = runtime?.sendMessage;
  if (runtime && send) {
    runtime.sendMessage = (...args: unknown[]): unknown => {
      const first = args[0] as { type?: unknown } | null;
      const entry: ProbeMessage = { type: String(first?.type), start: performance.now(), end: null };
      state.messages.push(entry);
      const done = (): void => {
        entry.end = performance.now();
        if (entry.type === 'tokens/sync') signal('synced', entry.end);
      };
      const last = args.at(-1);
      if (typeof last === 'function') {
        args[args.length - 1] = (...reply: unknown[]) => {
          done();
          return (last as (...a: unknown[]) => unknown)(...reply);
        };
        return send.apply(runtime, args);
      }
      const result = send.apply(runtime, args);
      if (result instanceof Promise) result.then(done, done);
      return result;
    };
  }

  const fetchOriginal = window.fetch;
  window.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = input instanceof Request ? input.url : String(input);
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    state.fetches.push({ url, method, start: performance.now() });
    return fetchOriginal.call(this, input, init);
  };

  const popupReady = (): boolean => {
    const field = document.querySelector('main input:not([disabled])');
    if (!field) return false;
    if (document.querySelector('ul[aria-label="API tokens"] > li')) {
      return document.querySelector('input[aria-label="Search tokens"]:not([disabled])') !== null;
    }
    return [...document.querySelectorAll('strong')].some((el) => el.textContent === 'No API tokens yet.');
  };
  const isReady = (): boolean => {
    if (location.pathname.endsWith('/blank.html')) return true;
    // The primitive page, and the render floor of scripts/bench-render-floor.ts, say so themselves.
    if (/\/(primitive|render-floor)\.html$/.test(location.pathname))
      return document.body?.dataset.ready === 'true';
    return location.pathname.endsWith('/popup.html') && popupReady();
  };
  const observer = new MutationObserver(() => check());
  const check = (): void => {
    if (state.ready || !isReady()) return;
    const ready = { dom: performance.now(), painted: null as number | null };
    state.ready = ready;
    observer.disconnect();
    afterPaint((at) => {
      ready.painted = at;
      signal('painted', at);
    });
  };
  document.addEventListener('DOMContentLoaded', () => {
    check();
    if (!state.ready)
      observer.observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
        attributeFilter: ['data-ready'],
      });
  });

  const isSearch = (target: EventTarget | null): target is HTMLInputElement =>
    target instanceof HTMLInputElement && target.getAttribute('aria-label') === 'Search tokens';
  let keydownAt: number | null = null;
  document.addEventListener(
    'keydown',
    (event) => {
      if (isSearch(event.target)) keydownAt = performance.now();
    },
    true,
  );
  document.addEventListener(
    'input',
    (event) => {
      if (!isSearch(event.target)) return;
      const entry: ProbeSearch = {
        query: event.target.value,
        start: keydownAt ?? performance.now(),
        dom: null,
        handled: null,
        painted: null,
      };
      keydownAt = null;
      state.searches.push(entry);
      const changes = new MutationObserver(() => {
        entry.dom ??= performance.now();
        changes.disconnect();
      });
      changes.observe(document.querySelector('main') ?? document.body, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
      afterTask((at) => {
        entry.handled = at;
        afterPaint((paintedAt) => {
          entry.painted = paintedAt;
          changes.disconnect();
        });
      });
    },
    true,
  );
}
