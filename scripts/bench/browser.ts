import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import {
  CHROMIUM_PATH,
  chromiumArgs,
  extensionIdOf,
  preGrantOrigins,
  settleFirstRun,
} from '../../test/e2e/launch';
import { watchSignals } from './page';

// The floor the popup is compared with: an extension page with nothing in it. It goes into the
// benchmark's own copy of the build, so the shipped extension carries no test page.
const BLANK_HTML =
  '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body></body></html>\n';

// The floor's second part (issue 14): the least any popup must do before it can show an
// account's tokens, in an otherwise empty extension page: read the session from storage while
// IndexedDB opens, then one read of what the rows show, put its size in the page, paint. Which
// read is given in the query (`?store=…&index=…`: a `get`, or a `getAll` on an index, of the
// signed-in account's key), the same one the popup makes (scripts/bench/run.ts).
const PRIMITIVE_HTML =
  '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Primitive</title><script src="primitive.js"></script></head><body></body></html>\n';
const PRIMITIVE_JS = `(() => {
  const query = new URLSearchParams(location.search);
  const session = chrome.storage.local.get(query.get('session'));
  const opened = new Promise((resolve, reject) => {
    const request = indexedDB.open(query.get('db'));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  Promise.all([session, opened]).then(([stored, db]) => {
    const kept = stored[query.get('session')];
    // One session, or the list of signed-in accounts and the key of the one shown (issue 15).
    const s = kept && Array.isArray(kept.list)
      ? kept.list.find((one) => one.serviceUrl + ' ' + one.account === kept.active)
      : kept;
    const store = db.transaction(query.get('store')).objectStore(query.get('store'));
    const index = query.get('index');
    const request = index ? store.index(index).getAll([s.serviceUrl, s.account]) : store.get([s.serviceUrl, s.account]);
    request.onsuccess = () => {
      const value = request.result;
      const rows = Array.isArray(value) ? value.length : (value?.rows?.length ?? 0);
      document.body.textContent = rows + ' rows';
      document.body.dataset.ready = 'true';
    };
  });
})();
`;

export interface BenchBrowser {
  context: BrowserContext;
  /** `chrome-extension://<id>/` */
  base: string;
  /** Opens `path` (e.g. `popup.html`) in a new tab; resolves once navigation has committed. */
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Headless, or headed on the X server `display` (the fill shortcut needs real keyboard input). */
async function launch(extensionDir: string, userDataDir: string, display?: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: display === undefined,
    args: [
      ...chromiumArgs(extensionDir),
      ...(display === undefined ? [] : ['--window-position=0,0', '--window-size=1200,850']),
    ],
    ...(display === undefined ? {} : { env: { ...process.env, DISPLAY: display }, viewport: null }),
  });
}

/**
 * Chromium on a fresh profile with a copy of `buildDir` plus `blank.html`, holding host permission
 * for `origins` (headless Chromium cannot answer the prompt; see test/e2e/launch.ts).
 */
export async function startBrowser(
  buildDir: string,
  origins: readonly string[],
  initScript: string,
  display?: string,
): Promise<BenchBrowser> {
  const work = mkdtempSync(join(tmpdir(), 'bench-'));
  const extensionDir = join(work, 'extension');
  const userDataDir = join(work, 'profile');
  cpSync(buildDir, extensionDir, { recursive: true });
  writeFileSync(join(extensionDir, 'blank.html'), BLANK_HTML);
  writeFileSync(join(extensionDir, 'primitive.html'), PRIMITIVE_HTML);
  writeFileSync(join(extensionDir, 'primitive.js'), PRIMITIVE_JS);

  let context = await launch(extensionDir, userDataDir, display);
  const id = await extensionIdOf(context);
  await context.close();
  preGrantOrigins(userDataDir, id, origins);
  context = await launch(extensionDir, userDataDir, display);
  await extensionIdOf(context);
  await settleFirstRun(context);
  if (initScript) await context.addInitScript({ content: initScript });
  // Headed, the window closes with its last tab and no new tab can open: keep one.
  const kept = display === undefined ? 0 : 1;
  for (const page of context.pages().slice(kept)) await page.close();

  const base = `chrome-extension://${id}/`;
  return {
    context,
    base,
    async open(path) {
      const page = await context.newPage();
      watchSignals(page);
      await page.goto(base + path, { waitUntil: 'commit' });
      return page;
    },
    async close() {
      await context.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Signs in on the options page the way a person does (test/e2e/tokens.spec.ts). */
export async function signIn(browser: BenchBrowser, serviceUrl: string, credential: string): Promise<void> {
  const options = await browser.open('options.html');
  await options.getByLabel('Service URL').fill(serviceUrl);
  // Pasting a credential sits under a disclosure since sign-in by email code (issue 12).
  await options.getByText('Use a session credential instead').click();
  await options.getByLabel('Session credential').fill(credential);
  await options.getByRole('button', { name: 'Sign in' }).click();
  await options.getByText(/^Signed in as /).waitFor({ timeout: 15_000 });
  await options.close();
}
