import { startService } from '../../service/server';
import { type BenchBrowser, signIn, startBrowser } from './browser';
import { type FillLatency, measureFillLatency } from './fill-latency';
import { bareFetchParse, clearDevice, heapUsed, openReady, type SyncFigures, waitSynced } from './measure';
import { pageScript } from './page';
import { probe } from './probe';
import { measureSearch, type SearchSample } from './search';
import { seedTokens } from './seed';
import { workerProbe } from './worker-probe';

/**
 * The popup's one read before its first paint, for the primitive page (browser.ts): the session's
 * storage key, and the store (with the index, when it is a `getAll`) keyed by the account.
 */
export const PRIMITIVE_READ = `primitive.html?${new URLSearchParams({
  db: 'w3s-tokens',
  session: 'sessions.v2',
  store: 'heads',
})}`;

export interface RunOptions {
  /** Ascending: the same account grows from one size to the next. */
  sizes: number[];
  reps: number;
  /**
   * Openings of the empty page, the primitive page and the popup per size (their sync with
   * them): one opening here varies by a factor of two or more (issue 14), so more than `reps`.
   */
  pageReps: number;
  /** Runs of each measure before the recorded ones (caches, JIT), thrown away. */
  warmup: number;
  buildDir: string;
  searchQuery: string;
  searchRounds: number;
  log(line: string): void;
}

export interface SizeRun {
  tokens: number;
  /** Navigation start until the ready frame is painted, in ms: the empty page and the popup, interleaved. */
  blankReady: number[];
  /** The same for the primitive page: the empty page plus the session and one read (browser.ts). */
  primitiveReady: number[];
  popupReady: number[];
  /** Sync into a device that holds none of the tokens yet. */
  firstSync: SyncFigures[];
  /** Sync the popup runs when it opens, with nothing changed on the service. */
  repeatSync: SyncFigures[];
  /** `fetch` + `JSON.parse` of the same list, in ms, measured beside the first syncs. */
  bareFetch: number[];
  /** The same sample's floor for a first sync: plus a message round trip and one write (measure.ts). */
  firstFloor: number[];
  /** `fetch` + `JSON.parse` again, measured beside the popup's openings (the syncs with nothing changed). */
  againFetch: number[];
  /** The same sample's floor for a sync with nothing changed: plus a message round trip and one read. */
  againFloor: number[];
}

export interface RunResults {
  sizes: SizeRun[];
  /** At the largest size, in bytes, after a full GC. */
  heap: { tokens: number; popup: number; blank: number };
  search: { tokens: number; samples: SearchSample[] };
  /** A second account with a handful of tokens, in headed Chromium (the shortcut needs X input). */
  fill: FillLatency;
}

const required = <T>(value: T | null, what: string): T => {
  if (value === null) throw new Error(`no ${what}: the page never fetched GET /user/tokens`);
  return value;
};

async function measureSize(
  browser: BenchBrowser,
  tokens: number,
  opts: RunOptions,
  url: string,
  credential: string,
): Promise<SizeRun> {
  const worker = workerProbe(browser.context);
  const run: SizeRun = {
    tokens,
    blankReady: [],
    primitiveReady: [],
    popupReady: [],
    firstSync: [],
    repeatSync: [],
    bareFetch: [],
    firstFloor: [],
    againFetch: [],
    againFloor: [],
  };
  for (let i = 0; i < opts.warmup + opts.reps; i++) {
    const bare = await bareFetchParse(browser, url, credential);
    if (bare.count !== tokens) throw new Error(`the service lists ${bare.count} tokens, expected ${tokens}`);
    await clearDevice(browser);
    await worker.install();
    const page = await browser.open('popup.html');
    const sync = required(await waitSynced(page, worker), 'first sync');
    await page.close();
    if (i < opts.warmup) continue;
    run.bareFetch.push(bare.ms);
    run.firstFloor.push(bare.ms + bare.message + bare.write);
    run.firstSync.push(sync);
  }
  opts.log(`  ${tokens} tokens: first sync and bare fetch done`);
  for (let i = 0; i < opts.warmup + opts.pageReps; i++) {
    // Each sync is compared with a floor measured beside it, in the same loop: the service and the
    // machine vary from one minute to the next, and the first syncs' floors are from another.
    const bare = await bareFetchParse(browser, url, credential);
    const blank = await openReady(browser, 'blank.html');
    await blank.page.close();
    const primitive = await openReady(browser, PRIMITIVE_READ);
    await primitive.page.close();
    await worker.install();
    const popup = await openReady(browser, 'popup.html');
    // The popup syncs after it has painted; wait for it so it does not run into the next sample.
    const sync = required(await waitSynced(popup.page, worker), 'sync');
    await popup.page.close();
    if (i < opts.warmup) continue;
    run.blankReady.push(blank.ms);
    run.primitiveReady.push(primitive.ms);
    run.popupReady.push(popup.ms);
    run.repeatSync.push(sync);
    run.againFetch.push(bare.ms);
    run.againFloor.push(bare.ms + bare.message + bare.read);
  }
  opts.log(`  ${tokens} tokens: popup ready done`);
  return run;
}

/** Starts the reference service in memory and Chromium with the build, then measures every size. */
export async function runBench(opts: RunOptions): Promise<RunResults> {
  const service = await startService({
    port: 0,
    log: () => {},
    // Seeding 10,000 tokens is 10,000 requests from one credential.
    rateLimit: { max: 1_000_000_000, windowMs: 1_000 },
  });
  let browser: BenchBrowser | undefined;
  try {
    const credential = await service.createAccount('bench@example.org');
    browser = await startBrowser(opts.buildDir, ['http://127.0.0.1/*'], pageScript(probe));
    await signIn(browser, service.url, credential);
    const sizes: SizeRun[] = [];
    let seeded = 0;
    for (const tokens of opts.sizes) {
      opts.log(`  seeding ${tokens} tokens`);
      await seedTokens(service.url, credential, seeded, tokens);
      seeded = tokens;
      sizes.push(await measureSize(browser, tokens, opts, service.url, credential));
    }

    const largest = seeded;
    const blank = await openReady(browser, 'blank.html');
    const blankHeap = await heapUsed(blank.page);
    await blank.page.close();
    const worker = workerProbe(browser.context);
    await worker.install();
    const popup = await openReady(browser, 'popup.html');
    await waitSynced(popup.page, worker);
    const popupHeap = await heapUsed(popup.page);
    const samples = await measureSearch(popup.page, opts.searchQuery, opts.searchRounds);
    await popup.page.close();
    opts.log(`  ${largest} tokens: heap and search done`);
    await browser.close();
    browser = undefined;
    const fill = await measureFillLatency({
      buildDir: opts.buildDir,
      serviceUrl: service.url,
      credential: await service.createAccount('fill@example.org'),
      tokens: 10,
      warmup: opts.warmup,
      reps: opts.reps,
      log: opts.log,
    });
    return {
      fill,
      sizes,
      heap: { tokens: largest, popup: popupHeap, blank: blankHeap },
      search: { tokens: largest, samples },
    };
  } finally {
    await browser?.close();
    await service.close();
  }
}
