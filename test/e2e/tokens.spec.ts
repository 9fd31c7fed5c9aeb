import { randomUUID } from 'node:crypto';
import { expect, openToolbarPopup, screenshot, test } from './fixtures';
import { createElsewhere, serviceTokens, signIn } from './people';

test.describe('managing tokens', () => {
  // Headless Chromium cannot answer the permission prompt, so the reference service's origin is
  // granted in the profile before launch; `permissions.request` then resolves true at once.
  test.use({ grantedOrigins: ['http://127.0.0.1/*'] });

  test('should sign in, create, copy and revoke a token like a person would', async ({
    context,
    service,
    openOptions,
    openPopup,
  }) => {
    const email = `e2e-${randomUUID()}@example.org`;
    const credential = await service.createAccount(email);
    const name = `e2e deploy key ${randomUUID().slice(0, 8)}`;

    const options = await openOptions();
    await signIn(options, service.url, credential);
    await expect(options.getByText(`Signed in as ${email}.`)).toBeVisible();
    await expect(options.getByText('No API tokens yet.')).toBeVisible();
    await expect(options.getByLabel('Session credential')).toHaveCount(0);

    // A name the extension refuses stays in the field, with the reason beside it.
    const nameField = options.getByLabel('Token name');
    await nameField.fill('   ');
    await options.getByRole('button', { name: 'Create token' }).click();
    await expect(options.getByRole('alert')).toHaveText(/Give the token a name/);
    await expect(nameField).toHaveValue('   ');

    await nameField.fill(name);
    await options.getByRole('button', { name: 'Create token' }).click();
    await expect(options.getByRole('cell', { name, exact: true })).toBeVisible();
    await expect(nameField).toHaveValue('');
    const [created] = (await serviceTokens(service.url, credential)).filter((t) => t.name === name);
    expect(created).toBeDefined();
    const secret = created?.secret ?? '';
    await screenshot(options, 'options', { secrets: [secret, credential] });

    const popup = await openPopup();
    const row = popup.getByRole('listitem').filter({ hasText: name });
    await expect(row).toBeVisible();
    await expect(popup.locator('body')).not.toContainText(secret);
    await screenshot(popup, 'popup', { secrets: [secret, credential] });

    // Copy is the row's own action: a click on its name does it, as the Copy button does.
    await row.getByText(name, { exact: true }).click();
    await expect(row.getByRole('button', { name: `Copied ${name}` })).toHaveText('Copied');
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    await row.getByRole('button', { name: `More actions for ${name}` }).click();
    await popup.getByRole('menuitem', { name: 'Revoke…' }).click();
    const dialog = popup.getByRole('dialog', { name: `Revoke “${name}”?` });
    await expect(dialog).toContainText('Revoking is permanent and cannot be undone.');
    await screenshot(popup, 'popup-revoke-dialog', { secrets: [secret, credential] });
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await expect(dialog).toBeHidden();
    await expect(popup.getByRole('status')).toHaveText(`Revoked “${name}”.`);
    await expect(popup.getByText('No API tokens yet.')).toBeVisible();

    const remaining = await serviceTokens(service.url, credential);
    expect(remaining.map((t) => t._id)).not.toContain(created?._id);

    // The real toolbar popup, opened the way the toolbar button opens it.
    const toolbar = await openToolbarPopup(context);
    await toolbar.waitFor(`document.body.innerText.includes('No API tokens yet.')`);
    await toolbar.close();
  });

  test('should show the toolbar popup with tokens from the service', async ({
    context,
    service,
    openOptions,
  }) => {
    const email = `e2e-${randomUUID()}@example.org`;
    const credential = await service.createAccount(email);
    for (const tokenName of ['laptop', 'CI deploy', 'staging uploader']) {
      await createElsewhere(service.url, credential, tokenName);
    }
    const secrets = (await serviceTokens(service.url, credential)).map((t) => t.secret);
    const options = await openOptions();
    await signIn(options, service.url, credential);
    await expect(options.getByRole('cell', { name: 'staging uploader', exact: true })).toBeVisible();

    const toolbar = await openToolbarPopup(context);
    await toolbar.waitFor(`document.body.innerText.includes('staging uploader')`);
    expect(await toolbar.text()).toMatch(/CI deploy[\s\S]*laptop[\s\S]*staging uploader/);
    await screenshot(toolbar, 'toolbar-popup-tokens', { secrets: [...secrets, credential] });
    await toolbar.close();
  });
});
