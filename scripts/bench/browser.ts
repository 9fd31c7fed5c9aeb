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

// The floor the popup is compared with: an extension page with nothing in it. It goes into the
// benchmark's own copy of the build, so the shipped extension carries no test page.
const BLANK_HTML =
  '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body></body></html>\n';

export interface BenchBrowser {
  context: BrowserContext;
  /** `chrome-extension://<id>/` */
  base: string;
  /** Opens `path` (e.g. `popup.html`) in a new tab; resolves once navigation has committed. */
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

async function launch(extensionDir: string, userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs(extensionDir),
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
): Promise<BenchBrowser> {
  const work = mkdtempSync(join(tmpdir(), 'bench-'));
  const extensionDir = join(work, 'extension');
  const userDataDir = join(work, 'profile');
  cpSync(buildDir, extensionDir, { recursive: true });
  writeFileSync(join(extensionDir, 'blank.html'), BLANK_HTML);

  let context = await launch(extensionDir, userDataDir);
  const id = await extensionIdOf(context);
  await context.close();
  preGrantOrigins(userDataDir, id, origins);
  context = await launch(extensionDir, userDataDir);
  await extensionIdOf(context);
  await settleFirstRun(context);
  await context.addInitScript({ content: initScript });
  for (const page of context.pages()) await page.close();

  const base = `chrome-extension://${id}/`;
  return {
    context,
    base,
    async open(path) {
      const page = await context.newPage();
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
