import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { File, Web3Storage } from 'web3.storage';
import { expect, screenshot, test } from './fixtures';
import { control, serviceTokens, signIn } from './people';

// Issue 13, as a person lives it: a token made in the popup, copied, used by the real JS client
// (npm `web3.storage` 4.5.5, in this test's process) with the clipboard's value, seen as used after
// Sync now, and checked with Check token: works, blocked, then no longer works once revoked on the
// service behind this device's back. Then the rotation's Check new token.

const readClipboard = (page: Page): Promise<string> => page.evaluate(() => navigator.clipboard.readText());

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const list: T[] = [];
  for await (const item of items) list.push(item);
  return list;
}

test.describe('Check token (issue 13)', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*'] });
  // The real client hashes and packs the file: generous on two shared cores, never asserted.
  test.setTimeout(180_000);

  test('should upload with the copied token through the real client, show it used, and check it works, is blocked, then no longer works', async ({
    service,
    openOptions,
    openPopup,
  }) => {
    const credential = await service.createAccount(`e2e-${randomUUID()}@example.org`);
    const options = await openOptions();
    await signIn(options, service.url, credential);
    const name = `deploy ${randomUUID().slice(0, 6)}`;

    // Made and copied in the popup.
    const popup = await openPopup();
    await popup.getByLabel('Token name').fill(name);
    await popup.getByRole('button', { name: 'Create token' }).click();
    await popup.getByRole('button', { name: `Copy ${name}` }).click();
    await expect(popup.getByRole('button', { name: `Copied ${name}` })).toBeVisible();
    const token = await readClipboard(popup);
    const [listed] = await serviceTokens(service.url, credential);
    expect(token).toBe(listed?.secret);
    const secrets = [token, credential];

    // The real client, with the clipboard's value.
    const client = new Web3Storage({ token, endpoint: new URL(`${service.url}/`) });
    const cid = await client.put([new File(['hello from check-token'], 'hello.txt')], {
      name: 'site build',
      maxRetries: 0,
    });
    expect((await all(client.list())).map((upload) => upload.cid)).toEqual([cid]);

    // Sync now brings the service's hasUploads: the column and the details say so.
    const row = options.getByRole('row').filter({ has: options.getByRole('cell', { name, exact: true }) });
    await expect(row).toContainText('None yet');
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect(row).toContainText('Used for uploads');
    await options.getByRole('button', { name: `Details of ${name}` }).click();
    const details = options.locator('tr.details-row');
    await expect(details).toContainText(/Used for uploads\s*Yes/);

    const check = details.getByRole('button', { name: 'Check token' });
    const said = details.getByRole('status').filter({ hasText: /./ });
    await check.click();
    await expect(said).toHaveText('Works: the service accepted this token just now.');
    await screenshot(options, 'check-token-works', { secrets });

    await control(service.url, { blocked: { id: listed?._id, value: true } });
    await check.click();
    await expect(said).toHaveText('Blocked: the service’s administrator has blocked this token.');
    await screenshot(options, 'check-token-blocked', { secrets });
    await control(service.url, { blocked: { id: listed?._id, value: false } });

    // Revoked elsewhere (the service's own route), before this device syncs: the list here still
    // shows the token, and Check token is how a person finds out.
    const revoked = await fetch(`${service.url}/user/tokens/${listed?._id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${credential}` },
    });
    expect(revoked.status).toBe(200);
    await check.click();
    await expect(said).toHaveText(
      'No longer works: the service says this token was revoked or is not valid.',
    );
    await screenshot(options, 'check-token-revoked', { secrets });
    await expect(all(client.list())).rejects.toThrow('API token no longer valid');

    // Sync now files it under Revoked, where no secret is kept and so nothing is left to check.
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect(options.getByRole('cell', { name, exact: true })).toBeHidden();
    await expect(options.getByText('Revoked (1)')).toBeVisible();
    await expect(options.getByRole('button', { name: 'Check token' })).toHaveCount(0);
  });

  test('should check the replacement in the rotation before the old token is revoked', async ({
    service,
    openOptions,
  }) => {
    const credential = await service.createAccount(`e2e-${randomUUID()}@example.org`);
    const options = await openOptions();
    await signIn(options, service.url, credential);
    const name = `ci ${randomUUID().slice(0, 6)}`;
    await options.getByLabel('Token name').fill(name);
    await options.getByRole('button', { name: 'Create token' }).click();
    await options.getByRole('button', { name: `Details of ${name}` }).click();
    await options.locator('tr.details-row').getByRole('button', { name: 'Rotate…' }).click();
    const dialog = options.getByRole('dialog', { name: `Rotate “${name}”` });
    await dialog.getByRole('button', { name: 'Create replacement' }).click();
    await dialog.getByRole('button', { name: 'Check new token' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Works: the service accepted this token just now.');
    const secrets = [credential, ...(await serviceTokens(service.url, credential)).map((t) => t.secret)];
    await screenshot(options, 'check-token-rotation', { secrets });
  });
});
