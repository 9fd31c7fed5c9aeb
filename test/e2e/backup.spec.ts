import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { axeSerious } from './axe';
import { expect, screenshot, test } from './fixtures';
import { extensionIdOf, launchWithExtension, preGrantOrigins, settleFirstRun } from './launch';
import { serviceTokens, signedInWithToken, signIn } from './people';

const SITE = 'https://app.example.com';
const ORIGINS = ['http://127.0.0.1/*'];

/** A second browser on a profile of its own, as a person's other computer would be. */
async function freshProfile(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-import-profile-'));
  let context = await launchWithExtension(dir);
  const id = await extensionIdOf(context);
  await context.close();
  preGrantOrigins(dir, id, ORIGINS);
  context = await launchWithExtension(dir);
  await settleFirstRun(context);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openOptionsIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionIdOf(context)}/options.html`);
  return page;
}

test.describe('export and import (issue 15)', () => {
  test.use({ grantedOrigins: ORIGINS });

  test('should export what only this device knows, without secrets, and import it into a fresh profile', async ({
    context,
    service,
    openOptions,
  }, testInfo) => {
    test.slow();
    const name = `ci deploy ${Date.now().toString(36)}`;
    const { credential, id, options } = await signedInWithToken(service, openOptions, name);
    const secret = (await serviceTokens(service.url, credential))[0]?.secret ?? '';

    // This device's own data: a note, a review date, a setting, and a site grant.
    await options.getByRole('button', { name: `Details of ${name}` }).click();
    await options.getByLabel('Note (kept on this device only)').fill('deploys the docs site');
    await options.getByRole('button', { name: 'Save note' }).click();
    await options
      .getByRole('group', { name: 'Review by' })
      .getByRole('button', { name: 'In 90 days' })
      .click();
    await options.getByLabel('Sync in the background').selectOption({ label: 'every hour' });
    // The grant is written as a first fill's yes writes it (fill.spec.ts drives that yes itself).
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate(
      async ({ service: url, tokenId, origin }) => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const open = indexedDB.open('w3s-tokens');
          open.onsuccess = () => resolve(open.result);
        });
        // The account's list record (store v5): one per signed-in account, this one only here.
        const [token] = await new Promise<Array<{ account: string }>>((resolve) => {
          const all = db.transaction('lists').objectStore('lists').getAll();
          all.onsuccess = () => resolve(all.result);
        });
        const tx = db.transaction('grants', 'readwrite');
        tx.objectStore('grants').put({
          service: url,
          account: token?.account,
          tokenId,
          origin,
          grantedAt: Date.now(),
        });
        await new Promise((resolve) => (tx.oncomplete = resolve));
        db.close();
      },
      { service: service.url, tokenId: id, origin: SITE },
    );
    await options.reload();

    // Export: a file with the note, the date, the grant and the account's settings, and no secret at all.
    const exporting = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export to a file' }).click();
    const download = await exporting;
    expect(download.suggestedFilename()).toMatch(/^w3s-tokens-\d{4}-\d{2}-\d{2}\.json$/);
    const file = testInfo.outputPath('backup.json');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(credential);
    expect(text).not.toMatch(/"(secret|sealed|credential)"/);
    const backup = JSON.parse(text);
    // Version 2 (issue 15): the settings of each signed-in account, by service and account.
    expect(backup).toMatchObject({
      format: 'w3s-tokens-backup',
      version: 2,
      accountSettings: [{ service: service.url, syncMinutes: 60, clipboardSeconds: 30, copyFormat: 'raw' }],
    });
    expect(backup.accountSettings).toHaveLength(1);
    expect(backup.tokens[0]).toMatchObject({ id, note: 'deploys the docs site' });
    await expect(options.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(
      'Exported what this device knows of 1 token, without its secret.',
    );

    // A fresh profile, signed in to the same account: it lists the token, knows nothing else.
    const fresh = await freshProfile();
    try {
      const other = await openOptionsIn(fresh.context);
      await signIn(other, service.url, credential);
      await expect(other.getByRole('cell', { name, exact: true })).toBeVisible();
      const input = other.getByLabel('Import a file');

      // A file that is not a backup is refused in one sentence, and changes nothing.
      const junk = testInfo.outputPath('notes.txt');
      writeFileSync(junk, 'my tokens: see the wiki');
      await input.setInputFiles(junk);
      await expect(other.getByRole('alert')).toHaveText(
        'This file is not a backup: it is not JSON. Nothing was changed.',
      );

      await input.setInputFiles(file);
      await expect(other.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
        'Imported notes for 1 token, a review date for 1 token, 1 site grant, the settings.',
      );
      await other.getByRole('button', { name: `Details of ${name}` }).click();
      await expect(other.getByLabel('Note (kept on this device only)')).toHaveValue('deploys the docs site');
      await expect(other.getByRole('group', { name: 'Review by' })).toContainText(/Review by \w/);
      await expect(other.getByRole('region', { name: 'Sites allowed to receive a fill' })).toContainText(
        'app.example.com',
      );
      await expect(other.getByLabel('Sync in the background')).toHaveValue('60');
      await other.getByRole('heading', { name: 'Export and import' }).scrollIntoViewIfNeeded();
      expect(await axeSerious(other)).toEqual([]);
      await screenshot(other, 'options-import-done', { secrets: [secret, credential] });
    } finally {
      await fresh.close();
    }
  });
});
