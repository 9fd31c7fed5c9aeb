import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { extensionIdOf, launchWithExtension, preGrantOrigins, settleFirstRun } from './launch';
import { createElsewhere, serviceTokens, signIn } from './people';
import { scanProfile } from './profile-scan';
import { found, readableStorage } from './storage-dump';

const PASSPHRASE = 'correct horse battery staple';

async function launch(dir: string): Promise<{ context: BrowserContext; open(path: string): Promise<Page> }> {
  const context = await launchWithExtension(dir);
  const id = await extensionIdOf(context);
  await settleFirstRun(context);
  return {
    context,
    async open(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${path}`);
      return page;
    },
  };
}

// Issue 5: with the lock on, no secret and no session credential may be readable on disk.
test.describe('the lock', () => {
  test('should leave no secret or credential in the profile while locked, and copy after unlock', async ({
    service,
  }) => {
    test.setTimeout(120_000);
    const dir = mkdtempSync(join(tmpdir(), 'e2e-lock-'));
    try {
      const first = await launchWithExtension(dir);
      const extensionId = await extensionIdOf(first);
      await first.close();
      preGrantOrigins(dir, extensionId, ['http://127.0.0.1/*']);
      let browser = await launch(dir);

      const credential = await service.createAccount(`e2e-${randomUUID()}@example.org`);
      const names = ['lock laptop', 'lock CI deploy'].map((name) => `${name} ${randomUUID().slice(0, 6)}`);

      // The lock first, then the sign-in: the credential is never stored in the clear.
      const options = await browser.open('options.html');
      const lock = options.getByRole('region', { name: 'Lock' });
      await lock.getByLabel('New passphrase').fill(PASSPHRASE);
      await lock.getByLabel('Confirm passphrase').fill('something else');
      await lock.getByRole('button', { name: 'Turn on the lock' }).click();
      await expect(lock.getByRole('alert')).toHaveText('The two passphrases differ.');
      await lock.getByLabel('Confirm passphrase').fill(PASSPHRASE);
      await lock.getByRole('button', { name: 'Turn on the lock' }).click();
      await expect(lock.getByRole('status')).toHaveText('The lock is on.', { timeout: 20_000 });

      await signIn(options, service.url, credential);
      for (const name of names) {
        await options.getByLabel('Token name').fill(name);
        await options.getByRole('button', { name: 'Create token' }).click();
        await expect(options.getByRole('cell', { name, exact: true })).toBeVisible();
      }
      // One made elsewhere, seen by a sync while unlocked.
      const elsewhere = `lock elsewhere ${randomUUID().slice(0, 6)}`;
      await createElsewhere(service.url, credential, elsewhere);
      await options.getByRole('button', { name: 'Sync now' }).click();
      await expect(options.getByRole('cell', { name: elsewhere, exact: true })).toBeVisible();
      const tokens = await serviceTokens(service.url, credential);
      expect(tokens).toHaveLength(3);
      const needles: Record<string, string> = { 'the session credential': credential };
      for (const token of tokens) needles[`the secret of “${token.name}”`] = token.secret;
      const secrets = Object.values(needles);
      await lock.scrollIntoViewIfNeeded();
      await screenshot(options, 'options-lock-on', { secrets });

      // Unlocked, the reader sees the credential in storage.session and the names in IndexedDB:
      // it would see them locked too.
      const unlocked = await readableStorage(browser.context, options);
      expect(found(unlocked, { credential })).toEqual(['credential', 'the last 16 characters of credential']);
      expect(unlocked).toContain(elsewhere);

      await lock.getByRole('button', { name: 'Lock now' }).click();
      await expect(lock.getByRole('status')).toHaveText('Locked.');
      await expect(lock.getByLabel('Locked: passphrase')).toBeVisible();
      // Issue 11: locked, nothing the extension's pages or DevTools can read holds a secret or
      // the credential, whole or its last 16 characters; a sync asked for now waits for the unlock.
      await options.getByRole('button', { name: 'Sync now' }).click();
      await expect(options.getByRole('alert').filter({ hasText: 'Unlock to sync' })).toBeVisible();
      const locked = await readableStorage(browser.context, options);
      expect(locked).toContain(elsewhere);
      expect(found(locked, needles)).toEqual([]);

      // While it runs: the names are on disk (the scan reads the databases), the secrets are not.
      await expect
        .poll(() => scanProfile(dir, { name: elsewhere }).length, { timeout: 30_000 })
        .toBeGreaterThan(0);
      expect(scanProfile(dir, needles)).toEqual([]);
      await browser.context.close();
      // Closed, everything is flushed.
      expect(scanProfile(dir, { name: elsewhere }).length).toBeGreaterThan(0);
      expect(scanProfile(dir, needles)).toEqual([]);

      // A restart keeps it locked: names only, and copy asks for the passphrase.
      browser = await launch(dir);
      const popup = await browser.open('popup.html');
      const row = popup.getByRole('listitem').filter({ hasText: elsewhere });
      await expect(row).toBeVisible();
      const passphrase = popup.getByLabel('Locked: passphrase');
      await expect(passphrase).toBeVisible();
      await passphrase.fill('not the passphrase');
      await popup.getByRole('button', { name: 'Unlock' }).click();
      await expect(popup.getByRole('alert').filter({ hasText: 'Wrong passphrase.' })).toBeVisible({
        timeout: 20_000,
      });
      await expect(popup.getByRole('alert').filter({ hasText: 'Unlock to sync' })).toBeVisible();
      await screenshot(popup, 'popup-locked', { secrets });
      expect(found(await readableStorage(browser.context, popup), needles)).toEqual([]);

      await passphrase.fill(PASSPHRASE);
      await popup.getByRole('button', { name: 'Unlock' }).click();
      await expect(passphrase).toBeHidden({ timeout: 20_000 });
      // Unlocked, it syncs again with the credential it just opened.
      await expect(popup.getByRole('alert')).toHaveCount(0);
      await row.getByRole('button', { name: `Copy ${elsewhere}` }).click();
      await expect(row.getByRole('button', { name: `Copied ${elsewhere}` })).toBeVisible();
      const secret = tokens.find((t) => t.name === elsewhere)?.secret;
      expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      await screenshot(popup, 'popup-unlocked', { secrets });
      await browser.context.close();
      expect(scanProfile(dir, needles)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
