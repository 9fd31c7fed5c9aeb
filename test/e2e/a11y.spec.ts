import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeSerious, axeSeriousInPopup } from './axe';
import { expect, openToolbarPopup, screenshot, test } from './fixtures';
import { type PageServer, servePages } from './pages/server';
import { createElsewhere, serviceTokens, signedInWithToken, signIn } from './people';
import { storePictures } from './store-pictures';

// Issue 7: axe-core (WCAG 2.0/2.1 A and AA) finds no serious or critical violation on any screen
// of the popup or the options page, in the light and the dark colour scheme.
const SCHEMES = ['light', 'dark'] as const;

/** Checks `page` in both colour schemes, once `ready` says the screen is drawn. */
async function expectAccessible(page: Page, ready: () => Promise<void>): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await ready();
    expect(await axeSerious(page), `${page.url()} in ${colorScheme}`).toEqual([]);
  }
}

test.describe('accessibility', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*'] });
  // A page to fill into; closed after the browser, which keeps a connection to it open.
  let pages: PageServer;
  test.beforeAll(async () => {
    pages = await servePages();
  });
  test.afterAll(() => pages.close());

  test('should pass axe on the signed-out popup and options page', async ({ openPopup, openOptions }) => {
    const popup = await openPopup();
    await expectAccessible(popup, () => expect(popup.getByText('You’re not signed in.')).toBeVisible());
    const options = await openOptions();
    await expectAccessible(options, () => expect(options.getByLabel('Email')).toBeVisible());
  });

  test('should stop the spinner’s motion when reduced motion is asked for', async ({ openPopup }) => {
    const popup = await openPopup();
    // The spinner shows only while something loads: a spare one is styled by the same rules.
    const animation = () =>
      popup.evaluate(() => {
        const spinner = document.body.appendChild(document.createElement('span'));
        spinner.className = 'spinner';
        const name = getComputedStyle(spinner).animationName;
        spinner.remove();
        return name;
      });
    expect(await animation()).toBe('spin');
    await popup.emulateMedia({ reducedMotion: 'reduce' });
    expect(await animation()).toBe('none');
  });

  test('should pass axe on the popup empty and with tokens, the revoke dialog and the options page', async ({
    service,
    openPopup,
    openOptions,
  }) => {
    // Ten axe runs: most of a minute on a busy machine.
    test.slow();
    const credential = await service.createAccount(`a11y-${randomUUID()}@example.org`);
    const options = await openOptions();
    await signIn(options, service.url, credential);
    await expectAccessible(options, () => expect(options.getByText('No API tokens yet.')).toBeVisible());
    const empty = await openPopup();
    await expectAccessible(empty, () => expect(empty.getByText('No API tokens yet.')).toBeVisible());

    for (const name of ['laptop', 'CI deploy', 'staging uploader']) {
      await createElsewhere(service.url, credential, name);
    }
    const popup = await openPopup();
    const row = popup.getByRole('listitem').filter({ hasText: 'laptop' });
    await expectAccessible(popup, () => expect(row).toBeVisible());
    await row.getByRole('button', { name: 'More actions for laptop' }).click();
    const menu = popup.getByRole('menu', { name: 'More actions for laptop' });
    await expectAccessible(popup, () => expect(menu).toBeVisible());
    await screenshot(popup, 'popup-row-menu', { secrets: [credential] });
    await menu.getByRole('menuitem', { name: 'Revoke…' }).click();
    const dialog = popup.getByRole('dialog', { name: 'Revoke “laptop”?' });
    await expectAccessible(popup, () => expect(dialog).toBeVisible());

    await options.reload();
    const cell = options.getByRole('cell', { name: 'staging uploader', exact: true });
    await expectAccessible(options, () => expect(cell).toBeVisible());
  });

  test('should pass axe on the fill confirmation in the real toolbar popup', async ({
    context,
    service,
    openOptions,
  }) => {
    await signedInWithToken(service, openOptions, 'ci deploy');
    const page = await context.newPage();
    await page.goto(`${pages.url}/plain.html`);
    await page.bringToFront();

    const popup = await openToolbarPopup(context);
    await popup.waitFor(`document.body.innerText.includes('ci deploy')`);
    await popup.click('Fill ci deploy');
    await popup.waitFor(`document.querySelector('dialog[open]')`);
    for (const value of SCHEMES) {
      await popup.emulateMedia([{ name: 'prefers-color-scheme', value }]);
      expect(await axeSeriousInPopup(popup), `fill dialog in ${value}`).toEqual([]);
    }
    await popup.close();
  });

  // The README's pictures: the real toolbar popup and the options page, light and dark.
  test('should picture the popup and the options page in both colour schemes', async ({
    context,
    service,
    openOptions,
  }) => {
    const credential = await service.createAccount('ada@example.org');
    for (const name of ['laptop', 'CI deploy', 'staging uploader', 'nightly backup', 'café website']) {
      await createElsewhere(service.url, credential, name);
    }
    const secrets = [...(await serviceTokens(service.url, credential)).map((t) => t.secret), credential];
    const options = await openOptions();
    await signIn(options, service.url, credential);
    await expect(options.getByRole('cell', { name: 'staging uploader', exact: true })).toBeVisible();
    await expect(options.locator('.spinner')).toHaveCount(0);
    const height = await options.evaluate(() => document.documentElement.scrollHeight);
    await options.setViewportSize({ width: 1100, height });
    for (const colorScheme of SCHEMES) {
      await options.emulateMedia({ colorScheme });
      await screenshot(options, `options-${colorScheme}`, { secrets });
    }

    const popup = await openToolbarPopup(context);
    // The popup syncs as it opens: the picture waits for the sync to end.
    await popup.waitFor(
      `document.body.innerText.includes('staging uploader') && !document.querySelector('.spinner')`,
    );
    const taken: Record<string, string> = {};
    for (const value of SCHEMES) {
      await popup.emulateMedia([{ name: 'prefers-color-scheme', value }]);
      taken[value] = await screenshot(popup, `popup-${value}`, { secrets });
    }
    await popup.close();
    // The store listing's pictures, from the light one (issue 15).
    const store = await storePictures(context, readFileSync(taken.light ?? ''));
    for (const [file, size] of [
      [store[0], { width: 1280, height: 800 }],
      [store[1], { width: 440, height: 280 }],
    ] as const) {
      const png = readFileSync(file ?? '');
      expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual(size);
    }
  });
});
