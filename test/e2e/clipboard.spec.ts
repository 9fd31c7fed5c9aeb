import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import type { browser } from 'wxt/browser';
import { expect, screenshot, test } from './fixtures';
import { createElsewhere, serviceTokens, signIn } from './people';

// The extension's own global, for the callbacks evaluated in its service worker.
declare const chrome: typeof browser;

/** What the background keeps between a copy and the clear (utils/clipboard/guard.ts). */
async function pendingClear(context: BrowserContext): Promise<unknown> {
  const [worker] = context.serviceWorkers();
  return worker?.evaluate(
    async () => (await chrome.storage.session.get('clipboard-mark.v1'))['clipboard-mark.v1'],
  );
}

const readClipboard = (page: Page): Promise<string> => page.evaluate(() => navigator.clipboard.readText());

test.describe('clipboard clearing', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*'] });
  // The shortest real choice is 15 s; each test waits for it once.
  test.setTimeout(120_000);

  async function setUp(
    service: { url: string; createAccount(email: string): Promise<string> },
    openOptions: () => Promise<Page>,
    openPopup: () => Promise<Page>,
  ) {
    const credential = await service.createAccount(`e2e-${randomUUID()}@example.org`);
    await createElsewhere(service.url, credential, 'clipboard test');
    const [token] = await serviceTokens(service.url, credential);
    const secret = token?.secret ?? '';
    const options = await openOptions();
    await signIn(options, service.url, credential);
    await expect(options.getByRole('cell', { name: 'clipboard test', exact: true })).toBeVisible();
    const setting = options.getByLabel('Clear a copied token from the clipboard');
    await expect(setting).toHaveValue('30');
    await setting.selectOption({ label: 'After 15 seconds' });
    await expect(options.getByText('may keep a history of what you copy')).toBeVisible();
    const popup = await openPopup();
    return { credential, secret, options, popup };
  }

  test('should clear a copied token from the clipboard after the chosen delay', async ({
    context,
    service,
    openOptions,
    openPopup,
  }) => {
    const { credential, secret, options, popup } = await setUp(service, openOptions, openPopup);
    await options.getByRole('heading', { name: 'Clipboard' }).scrollIntoViewIfNeeded();
    await screenshot(options, 'options-clipboard', { secrets: [secret, credential] });

    await popup.getByRole('button', { name: 'Copy clipboard test' }).click();
    await expect(popup.getByRole('button', { name: 'Copied clipboard test' })).toBeVisible();
    expect(await readClipboard(popup)).toBe(secret);
    // The background keeps a salted digest, never the token.
    expect(JSON.stringify(await pendingClear(context))).not.toContain(secret);

    await expect.poll(() => readClipboard(popup), { timeout: 60_000, intervals: [1000] }).toBe('');
    expect(await pendingClear(context)).toBeUndefined();
  });

  test('should leave the clipboard alone when something else was copied meanwhile', async ({
    context,
    service,
    openOptions,
    openPopup,
  }) => {
    const { popup } = await setUp(service, openOptions, openPopup);
    await popup.getByRole('button', { name: 'Copy clipboard test' }).click();
    await expect(popup.getByRole('button', { name: 'Copied clipboard test' })).toBeVisible();
    await popup.evaluate(() => navigator.clipboard.writeText('a shopping list'));
    expect(await pendingClear(context)).toBeDefined();

    // The clear ran (its mark is gone) and found the clipboard changed.
    await expect.poll(() => pendingClear(context), { timeout: 60_000, intervals: [1000] }).toBeUndefined();
    expect(await readClipboard(popup)).toBe('a shopping list');
  });
});
