import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { extensionIdOf, launchWithExtension, pinToToolbar, preGrantOrigins, settleFirstRun } from './launch';
import { control, createElsewhere, signIn } from './people';
import { missingX, startDisplay } from './x-display';
import { missingXwd, screenPicture } from './x-screenshot';

// Issue 15: the icon and its badge where a person sees them, on the browser's toolbar. Headless
// Chromium has no toolbar: this runs it headed on a virtual X server and pictures the screen.
// The window is 1200 px wide at the screen's top left; the toolbar is the top 90 px of it.
const TOOLBAR = { left: 700, top: 0, width: 500, height: 90 };

test.describe('the toolbar button', () => {
  test.skip(missingX() !== null || missingXwd() !== null, `${missingX() ?? missingXwd()}`);

  test('should show the icon, and the count of waiting revokes on its badge', async ({ service }) => {
    const x = await startDisplay();
    const userDataDir = mkdtempSync(join(tmpdir(), 'e2e-toolbar-profile-'));
    let context: BrowserContext | undefined;
    try {
      context = await launchWithExtension(userDataDir, { display: x.name });
      const extensionId = await extensionIdOf(context);
      await context.close();
      preGrantOrigins(userDataDir, extensionId, ['http://127.0.0.1/*']);
      pinToToolbar(userDataDir, extensionId);
      context = await launchWithExtension(userDataDir, { display: x.name });
      await settleFirstRun(context);
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const badge = (): Promise<string> => worker.evaluate('chrome.action.getBadgeText({})');

      const credential = await service.createAccount(`e2e-toolbar-${randomUUID()}@example.org`);
      const name = 'toolbar key';
      await createElsewhere(service.url, credential, name);
      const options =
        context.pages().find((p) => p.url().endsWith('/options.html')) ?? (await context.newPage());
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await signIn(options, service.url, credential);
      await expect(options.getByRole('cell', { name, exact: true })).toBeVisible();
      expect(await badge()).toBe('');
      await screenPicture(x, 'toolbar-icon', TOOLBAR);

      // A revoke the service cannot take yet: the badge counts it.
      await control(service.url, { down: true });
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      const row = popup.getByRole('listitem').filter({ hasText: name });
      await row.getByRole('button', { name: `More actions for ${name}` }).click();
      await popup.getByRole('menuitem', { name: 'Revoke…' }).click();
      await popup.getByRole('button', { name: 'Revoke token' }).click();
      await expect.poll(badge).toBe('1');
      await options.bringToFront();
      await screenPicture(x, 'toolbar-badge-waiting-revoke', TOOLBAR);

      // The same on a dark toolbar: the blue tile and the badge stay legible.
      await context.close();
      context = await launchWithExtension(userDataDir, { display: x.name, dark: true });
      const darkWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      await expect.poll(() => darkWorker.evaluate('chrome.action.getBadgeText({})')).toBe('1');
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
      await screenPicture(x, 'toolbar-badge-waiting-revoke-dark', TOOLBAR);
      await control(service.url, { reset: true });
    } finally {
      await context?.close();
      rmSync(userDataDir, { recursive: true, force: true });
      await x.close();
    }
  });
});
