// `npx tsx scripts/bench-render-floor.ts [--tokens N] [--openings N]`: a diagnostic beside
// `npm run bench` (issue 14), not part of it. It asks how much of the popup's time to its first
// paint any page would need to show the same thing, with no framework and no code of its own to
// load: a hand-written extension page makes the primitive page's reads (the session, the list's
// head), then puts in the ready popup's own DOM (captured from the real popup in the same browser)
// under the popup's own styles, and paints. It is opened in turn with the empty page, the
// primitive page and the popup, and each one's median time to its painted frame is printed, with
// its ratio to the primitive page's. Uses the existing .output/chrome-mv3 (run `npx wxt build`).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startService } from '../service/server';
import { signIn, startBrowser } from './bench/browser';
import { EXTENSION_ROOT } from './bench/bundle-sizes';
import { openReady, waitSynced } from './bench/measure';
import { evaluateWithin, pageScript } from './bench/page';
import { probe } from './bench/probe';
import { PRIMITIVE_READ } from './bench/run';
import { seedTokens } from './bench/seed';
import { median, ms, ratio } from './bench/stats';
import { workerProbe } from './bench/worker-probe';

const { values: args } = parseArgs({
  options: { tokens: { type: 'string', default: '10' }, openings: { type: 'string', default: '30' } },
});
const tokens = Number(args.tokens);
const openings = Number(args.openings);
if (!Number.isInteger(tokens) || tokens < 0) throw new Error('--tokens takes a whole number');
if (!Number.isInteger(openings) || openings < 1) throw new Error('--openings takes a whole number from 1');

/** Where the page finds the DOM it puts in: read with the session, in the same `storage.local` get. */
const DOM_KEY = 'bench.readyDom';
// The same database, session key and store as the primitive page's (scripts/bench/run.ts).
const primitiveQuery = new URLSearchParams(PRIMITIVE_READ.split('?')[1]);
const SESSIONS_KEY = primitiveQuery.get('session') ?? '';
const DB = primitiveQuery.get('db') ?? '';
const STORE = primitiveQuery.get('store') ?? '';
const WARMUP = 2;

const RENDER_FLOOR_JS = `(() => {
  const stored = chrome.storage.local.get([${JSON.stringify(SESSIONS_KEY)}, ${JSON.stringify(DOM_KEY)}]);
  const opened = new Promise((resolve, reject) => {
    const request = indexedDB.open(${JSON.stringify(DB)});
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  Promise.all([stored, opened]).then(([kept, db]) => {
    const sessions = kept[${JSON.stringify(SESSIONS_KEY)}];
    const shown = sessions.list.find((one) => one.serviceUrl + ' ' + one.account === sessions.active);
    const request = db.transaction(${JSON.stringify(STORE)}).objectStore(${JSON.stringify(STORE)}).get([shown.serviceUrl, shown.account]);
    request.onsuccess = () => {
      if (!request.result) throw new Error('no head: the popup has not synced this account');
      document.getElementById('app').innerHTML = kept[${JSON.stringify(DOM_KEY)}];
      document.body.dataset.ready = 'true';
    };
  });
})();
`;

/** The built extension plus the render floor's page, which carries popup.html's own `<style>`. */
function buildWithRenderFloor(work: string): string {
  const dir = join(work, 'extension');
  cpSync(EXTENSION_ROOT, dir, { recursive: true });
  const style = readFileSync(join(EXTENSION_ROOT, 'popup.html'), 'utf8').match(/<style>[\s\S]*?<\/style>/);
  if (!style) throw new Error('popup.html has no <style>: build it first (npx wxt build)');
  writeFileSync(
    join(dir, 'render-floor.html'),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Render floor</title><script src="render-floor.js"></script>${style[0]}</head><body><div id="app"></div></body></html>\n`,
  );
  writeFileSync(join(dir, 'render-floor.js'), RENDER_FLOOR_JS);
  return dir;
}

const PAGES = [
  ['Empty page', 'blank.html'],
  ['Primitive (session and one read)', PRIMITIVE_READ],
  ['Render floor (the same reads, then the ready popup’s DOM)', 'render-floor.html'],
  ['Popup', 'popup.html'],
] as const;

const work = mkdtempSync(join(tmpdir(), 'render-floor-'));
const service = await startService({ port: 0, log: () => {}, rateLimit: { max: 1e9, windowMs: 1_000 } });
const browser = await startBrowser(buildWithRenderFloor(work), ['http://127.0.0.1/*'], pageScript(probe));
try {
  const credential = await service.createAccount('bench@example.org');
  await signIn(browser, service.url, credential);
  await seedTokens(service.url, credential, 0, tokens);
  const worker = workerProbe(browser.context);
  await worker.install();
  const popup = await openReady(browser, 'popup.html');
  await waitSynced(popup.page, worker);
  const dom = await evaluateWithin(popup.page, `document.getElementById('app').innerHTML`);
  await evaluateWithin(
    popup.page,
    `chrome.storage.local.set({ ${JSON.stringify(DOM_KEY)}: ${JSON.stringify(dom)} })`,
  );
  await popup.page.close();

  const times = PAGES.map(() => [] as number[]);
  for (let i = 0; i < WARMUP + openings; i++) {
    for (const [at, [, path]] of PAGES.entries()) {
      if (path === 'popup.html') await worker.install();
      const page = await openReady(browser, path);
      // The popup syncs after it has painted: wait for it so it does not run into the next page.
      if (path === 'popup.html') await waitSynced(page.page, worker);
      await page.page.close();
      if (i >= WARMUP) times[at]?.push(page.ms);
    }
  }
  const primitive = median(times[1] ?? []);
  console.log(
    `${tokens} tokens, ${openings} openings of each page; medians, and their ratio to the primitive's:`,
  );
  for (const [at, [name]] of PAGES.entries()) {
    const value = median(times[at] ?? []);
    console.log(`${ms(value).padStart(9)}  ${ratio(value / primitive).padStart(6)}  ${name}`);
  }
} finally {
  await browser.close();
  await service.close();
  rmSync(work, { recursive: true, force: true });
}
