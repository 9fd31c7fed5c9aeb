import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { browser } from 'wxt/browser';
import { EXTENSION_DIR, expect, openToolbarPopup, screenshot, test } from './fixtures';

// The extension's own global, for the callbacks evaluated in its service worker.
declare const chrome: typeof browser;

// The browser answers with the manifest's __MSG_key__ texts filled in, in English here.
const english: Record<string, { message: string }> = JSON.parse(
  readFileSync(join(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8'),
);
const builtManifest = (): { name: string; version: string } =>
  JSON.parse(
    readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8').replace(
      /__MSG_(\w+)__/g,
      (whole, key: string) => english[key]?.message ?? whole,
    ),
  );

test.describe('the built extension', () => {
  test('should load in Chromium with its service worker and manifest', async ({ context, extensionId }) => {
    expect(extensionId).toMatch(/^[a-p]{32}$/);
    const [worker] = context.serviceWorkers();
    expect(worker?.url()).toBe(`chrome-extension://${extensionId}/background.js`);
    const manifest = await worker?.evaluate(() => chrome.runtime.getManifest());
    expect(manifest).toMatchObject({ manifest_version: 3, ...builtManifest() });
  });

  for (const path of ['options.html', 'popup.html']) {
    test(`should render ${path} as a page without console errors`, async ({
      openOptions,
      openPopup,
      consoleErrors,
    }) => {
      const page = await (path === 'options.html' ? openOptions() : openPopup());
      await expect(page).toHaveURL(new RegExp(`/${path}$`));
      await expect(page.locator('#app')).not.toBeEmpty();
      await page.waitForLoadState('networkidle');
      expect(consoleErrors).toEqual([]);
    });
  }

  test('should open the real toolbar popup', async ({ context }) => {
    const popup = await openToolbarPopup(context);
    expect(await popup.evaluate('location.pathname')).toBe('/popup.html');
    await popup.waitFor("document.querySelector('#app')?.childElementCount > 0");
    expect((await popup.text()).trim()).not.toBe('');
    const png = await screenshot(popup, 'toolbar-popup');
    expect(statSync(png).size).toBeGreaterThan(1000);
    await popup.close();
  });
});
