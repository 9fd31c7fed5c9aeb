import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, test as base, type Page } from '@playwright/test';
import type { RunningService } from '../../service/server';
import { extensionIdOf, launchWithExtension, preGrantOrigins, settleFirstRun } from './launch';
import { missingX, startDisplay, type XDisplay } from './x-display';

export { expect } from '@playwright/test';
export { CHROMIUM_PATH, EXTENSION_DIR } from './launch';
export { screenshot } from './screenshot';
export { attachToolbarPopup, openToolbarPopup, type ToolbarPopup } from './toolbar-popup';

export interface ExtensionFixtures {
  /**
   * Host match patterns the extension holds before the test starts (`test.use({ grantedOrigins:
   * ['http://127.0.0.1/*'] })`), because headless Chromium's permission prompt cannot be answered.
   */
  grantedOrigins: string[];
  /** The browser's UI language (`test.use({ language: 'de' })`); Chromium's default when unset. */
  language: string | undefined;
  /**
   * `test.use({ onX: true })`: Chromium runs headed on a virtual X server, so native menus and
   * browser shortcuts take real X input (x-display.ts).
   */
  onX: boolean;
  /** That X server (null unless `onX`); a test is skipped, saying why, only when none can start. */
  x: XDisplay | null;
  /** Chromium with the built extension loaded, on a fresh profile that is deleted afterwards. */
  context: BrowserContext;
  /** The unpacked extension's id: the host of its service worker's URL. */
  extensionId: string;
  /** Opens `chrome-extension://<id>/options.html` in a new tab. */
  openOptions: () => Promise<Page>;
  /** Opens `chrome-extension://<id>/popup.html` in a new tab (for the real popup: `openToolbarPopup`). */
  openPopup: () => Promise<Page>;
  /** Console errors and uncaught exceptions of every page in the context, in order. */
  consoleErrors: string[];
}

export interface ServiceFixtures {
  /** The reference service, in memory, shared by the tests of one worker. */
  service: RunningService;
}

export const test = base.extend<ExtensionFixtures, ServiceFixtures>({
  service: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern, and there are none.
    async ({}, use) => {
      // Loaded on first use, so tests that never reach the service do not pay for its storage.
      const { startService } = await import('../../service/server');
      const service = await startService({ port: 0, control: true, log: () => {} });
      await use(service);
      await service.close();
    },
    { scope: 'worker' },
  ],

  grantedOrigins: [[], { option: true }],
  onX: [false, { option: true }],

  language: [undefined, { option: true }],

  x: async ({ onX }, use, testInfo) => {
    if (!onX) return use(null);
    const missing = missingX();
    testInfo.skip(missing !== null, `no X server: ${missing}`);
    const display = await startDisplay().catch((error: Error) => error);
    testInfo.skip(display instanceof Error, `no X server: ${String(display)}`);
    if (display instanceof Error) return;
    await use(display);
    await display.close();
  },

  context: async ({ grantedOrigins, language, x }, use) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'e2e-profile-'));
    const launch = { language, display: x?.name };
    let context = await launchWithExtension(userDataDir, launch);
    if (grantedOrigins.length > 0) {
      // The grant goes into the profile between two launches; the extension id stays the same.
      const extensionId = await extensionIdOf(context);
      await context.close();
      preGrantOrigins(userDataDir, extensionId, grantedOrigins);
      context = await launchWithExtension(userDataDir, launch);
    }
    await extensionIdOf(context);
    await settleFirstRun(context);
    await use(context);
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  },

  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },

  openOptions: async ({ context, extensionId }, use) => {
    await use(() => openExtensionPage(context, extensionId, 'options.html'));
  },

  openPopup: async ({ context, extensionId }, use) => {
    await use(() => openExtensionPage(context, extensionId, 'popup.html'));
  },

  consoleErrors: async ({ context }, use) => {
    const errors: string[] = [];
    context.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.location().url}: ${message.text()}`);
    });
    context.on('weberror', (error) => errors.push(String(error.error())));
    await use(errors);
  },
});

async function openExtensionPage(context: BrowserContext, extensionId: string, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}
