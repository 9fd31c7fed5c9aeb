import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import type { browser } from 'wxt/browser';
import { expect, screenshot, test } from './fixtures';
import { createElsewhere, serviceTokens, signIn } from './people';

// Issue 14: the popup shows the first screen kept from its last opening as soon as the reads of
// storage are in, before its code (62 KB) has loaded (utils/first-screen.ts); the code then draws
// over it. Here the code is held back on purpose (DevTools' Fetch domain pauses its request), so
// what a person does on the kept screen meets it for certain, not by a race.
const KEPT = 'popupFirstScreen.v1';

// The extension's own global, for the callbacks evaluated in its pages.
declare const chrome: typeof browser;

/** Opens popup.html with the request for the popup's code paused; `release` lets it go. */
async function openWithCodeHeld(context: BrowserContext, extensionId: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let paused: (id: string) => void = () => {};
  const requestId = new Promise<string>((resolve) => {
    paused = resolve;
  });
  cdp.on('Fetch.requestPaused', (event: { requestId: string }) => paused(event.requestId));
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/chunks/app-*.js' }] });
  await page.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'commit' });
  return {
    page,
    requestId,
    release: async () => {
      await cdp.send('Fetch.continueRequest', { requestId: await requestId });
      await cdp.send('Fetch.disable');
    },
  };
}

/** The kept first screen, as the options page can read it (storage.session). */
const keptScreen = (options: Page): Promise<{ key: string; html: string } | undefined> =>
  options.evaluate(
    async (key) => (await chrome.storage.session.get(key))[key] as { key: string; html: string } | undefined,
    KEPT,
  );

test.describe('the first screen kept from the last opening', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*'] });

  test('should show the tokens before the popup code has loaded, and lose nothing done on them', async ({
    service,
    context,
    extensionId,
    openOptions,
    openPopup,
  }) => {
    const credential = await service.createAccount(`e2e-${randomUUID()}@example.org`);
    const names = ['ci deploy', 'laptop', 'staging uploader'];
    for (const name of names) await createElsewhere(service.url, credential, name);
    const options = await openOptions();
    await signIn(options, service.url, credential);
    await expect(options.getByRole('cell', { name: 'staging uploader', exact: true })).toBeVisible();
    const secrets = (await serviceTokens(service.url, credential)).map((token) => token.secret);

    // The first opening is drawn by the popup's code, and keeps its first screen. It measures
    // the rows too, so the next one draws them at their height, and keeps its screen for that.
    for (const opening of [1, 2]) {
      const before = (await keptScreen(options))?.key;
      const popup = await openPopup();
      await expect(popup.getByRole('listitem')).toHaveCount(3);
      await expect.poll(async () => (await keptScreen(options))?.key, `opening ${opening}`).not.toBe(before);
      await popup.close();
    }
    const kept = (await keptScreen(options))?.html ?? '';
    expect(kept).toContain('staging uploader');
    for (const secret of [...secrets, credential]) expect(kept).not.toContain(secret);

    // The next one shows it with the code still on its way.
    const { page, requestId, release } = await openWithCodeHeld(context, extensionId);
    const rows = page.getByRole('list', { name: 'API tokens' }).getByRole('listitem');
    await expect(rows).toHaveCount(3);
    await requestId;
    await screenshot(page, 'popup-first-screen-kept', { secrets: [...secrets, credential] });

    // Typed and clicked before the code is there: nothing answers yet, and nothing is lost.
    const search = page.getByRole('searchbox', { name: 'Search tokens' });
    await search.fill('ci');
    await page.getByRole('button', { name: 'Copy ci deploy' }).click();
    await expect(rows).toHaveCount(3);

    await release();
    // The code has taken over: the search is applied, the copy was made, once.
    await expect(rows).toHaveCount(1);
    await expect(search).toHaveValue('ci');
    await expect(rows.first().getByRole('button', { name: 'Copied ci deploy' })).toHaveText('Copied');
    const [ci] = (await serviceTokens(service.url, credential)).filter((t) => t.name === 'ci deploy');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ci?.secret);
    await page.close();
  });

  test('should forget the kept first screen when the lock seals the secrets, and show no secret’s end after', async ({
    service,
    openOptions,
    openPopup,
  }) => {
    const credential = await service.createAccount(`e2e-${randomUUID()}@example.org`);
    await createElsewhere(service.url, credential, 'laptop');
    const options = await openOptions();
    await signIn(options, service.url, credential);
    await expect(options.getByRole('cell', { name: 'laptop', exact: true })).toBeVisible();
    const [laptop] = await serviceTokens(service.url, credential);
    const hint = laptop?.secret.slice(-6) ?? '';

    const first = await openPopup();
    await expect(first.getByRole('listitem').filter({ hasText: 'laptop' })).toContainText(hint);
    await expect.poll(async () => (await keptScreen(options))?.html ?? '').toContain(hint);
    await first.close();

    // A passphrase seals every secret, and the kept screen with their ends goes with them.
    const lock = options.getByRole('region', { name: 'Lock' });
    await lock.getByLabel('New passphrase').fill('correct horse battery staple');
    await lock.getByLabel('Confirm passphrase').fill('correct horse battery staple');
    await lock.getByRole('button', { name: 'Turn on the lock' }).click();
    await expect(lock.getByRole('status')).toHaveText('The lock is on.', { timeout: 20_000 });
    expect(await keptScreen(options)).toBeUndefined();

    const again = await openPopup();
    await expect(again.getByRole('listitem').filter({ hasText: 'laptop' })).not.toContainText(hint);
    await again.close();
  });
});
