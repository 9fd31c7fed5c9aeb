import { expect, screenshot, test } from './fixtures';

const SIZES = ['16', '32', '48', '128'];

// Issue 15: the icon in the built manifest, every file it names served by the extension at its
// size, and the browser showing it on its extensions page (headless Chromium has no toolbar to
// picture; the badge is read from the service worker in offline.spec.ts).
test.describe('the extension icon', () => {
  test('should name every size in the manifest, for the toolbar too, each one served at its size', async ({
    context,
    extensionId,
  }) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const manifest = (await worker.evaluate('chrome.runtime.getManifest()')) as {
      icons: Record<string, string>;
      action: { default_icon: Record<string, string> };
    };
    expect(Object.keys(manifest.icons)).toEqual(SIZES);
    expect(manifest.action.default_icon).toEqual(manifest.icons);
    const page = await context.newPage();
    for (const [size, path] of Object.entries(manifest.icons)) {
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      const image = page.locator('img');
      await expect(image).toHaveJSProperty('naturalWidth', Number(size));
      await expect(image).toHaveJSProperty('naturalHeight', Number(size));
    }
  });

  test('should show on the extensions page, in light and dark', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 900, height: 420 });
    await page.goto('chrome://extensions');
    const card = page.locator(`extensions-item#${extensionId}`);
    await expect(card).toContainText('Web3.Storage Tokens');
    // The card's icon is ours, not the browser's grey placeholder: the tile's blue, read back.
    const icon = card.locator('img#icon');
    await expect
      .poll(() => icon.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(48);
    const [red, , blue] = await icon.evaluate((img: HTMLImageElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 48;
      const drawing = canvas.getContext('2d') as CanvasRenderingContext2D;
      drawing.drawImage(img, 0, 0);
      return [...drawing.getImageData(10, 10, 1, 1).data];
    });
    expect(blue).toBeGreaterThan(150);
    expect(red).toBeLessThan(100);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await screenshot(page, `extensions-page-${colorScheme}`);
    }
  });
});
