import { randomUUID } from 'node:crypto';
import { expect, screenshot, test } from './fixtures';
import { control, createElsewhere, serviceTokens, signedInWithToken, signIn, uploadWith } from './people';

test.describe('token details, rotation and the account (issue 7)', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*'] });

  test('should show details, copy in a chosen format and rotate a token, revoking the old one only after the confirmation', async ({
    service,
    openOptions,
  }) => {
    const email = `e2e-${randomUUID()}@example.org`;
    const credential = await service.createAccount(email);
    const name = `ci deploy ${randomUUID().slice(0, 6)}`;
    const oldId = await createElsewhere(service.url, credential, name);
    const oldSecret = (await serviceTokens(service.url, credential))[0]?.secret ?? '';
    await uploadWith(service.url, oldSecret, 'site build');

    const options = await openOptions();
    await signIn(options, service.url, credential);
    await expect(options.getByRole('cell', { name, exact: true })).toBeVisible();

    // The account: storage used (the one 22-byte block uploaded above) against the limit the
    // service sent as a string.
    const account = options.getByRole('region', { name: 'Account' });
    await expect(account).toContainText('Storage used: 22 B of 1 TiB');

    // Copy as an Authorization header, a choice that is remembered.
    await options.getByLabel('Copy as').selectOption({ label: 'Authorization: Bearer …' });
    await options.getByRole('button', { name: `Copy ${name}` }).click();
    // A copy reads the secret from the store first (issue 14): wait for the clipboard.
    await expect
      .poll(() => options.evaluate(() => navigator.clipboard.readText()))
      .toBe(`Authorization: Bearer ${oldSecret}`);

    await options.getByRole('button', { name: `Details of ${name}` }).click();
    const details = options.locator('tr.details-row');
    await expect(details).toContainText('Created');
    await expect(details).toContainText(/Used for uploads\s*Yes/);
    await expect(details).toContainText(/Last copied here\s*just now/);
    await expect(details).toContainText(/Last filled here\s*Never/);
    await details.getByLabel('Note (kept on this device only)').fill('Used by the CI deploy job');
    await details.getByRole('button', { name: 'Save note' }).click();
    await expect(details).toContainText('Note saved.');
    const secrets = [oldSecret, credential];
    await screenshot(options, 'options-token-details', { secrets });

    // Rotate: the replacement first; the old token lives until the person confirms.
    await details.getByRole('button', { name: 'Rotate…' }).click();
    const dialog = options.getByRole('dialog', { name: `Rotate “${name}”` });
    await expect(dialog.getByLabel('Name of the new token')).toHaveValue(/ \(rotated \d{4}-\d{2}-\d{2}\)$/);
    await dialog.getByRole('button', { name: 'Create replacement' }).click();
    await expect(dialog.getByRole('button', { name: 'Copy new token' })).toBeVisible();
    const both = await serviceTokens(service.url, credential);
    expect(both).toHaveLength(2);
    const fresh = both.find((t) => t._id !== oldId);
    expect(fresh?.name).toMatch(new RegExp(`^${name} \\(rotated `));
    await dialog.getByRole('button', { name: 'Copy new token' }).click();
    // A copy reads the secret from the store first (issue 14): wait for the clipboard.
    await expect
      .poll(() => options.evaluate(() => navigator.clipboard.readText()))
      .toBe(`Authorization: Bearer ${fresh?.secret}`);
    await screenshot(options, 'options-rotate-dialog', { secrets: [...secrets, fresh?.secret ?? ''] });
    expect((await serviceTokens(service.url, credential)).map((t) => t._id)).toContain(oldId);

    await dialog.getByRole('button', { name: 'The new token works — revoke the old one' }).click();
    await expect(dialog).toBeHidden();
    await expect(options.getByText(`Revoked “${name}”.`)).toBeVisible();
    expect((await serviceTokens(service.url, credential)).map((t) => t._id)).toEqual([fresh?._id]);
  });

  test('should turn Create off with the reason on a restricted account, in the options page and the popup', async ({
    service,
    openOptions,
    openPopup,
  }) => {
    const email = `e2e-${randomUUID()}@example.org`;
    const credential = await service.createAccount(email);
    await createElsewhere(service.url, credential, 'existing token');
    await control(service.url, { restrictions: { email, account: true } });

    const options = await openOptions();
    await signIn(options, service.url, credential);
    await expect(options.getByRole('cell', { name: 'existing token', exact: true })).toBeVisible();
    await expect(options.getByRole('region', { name: 'Account' }).getByRole('alert')).toContainText(
      'Your account is restricted',
    );
    await expect(options.getByRole('button', { name: 'Create token' })).toBeDisabled();
    await expect(options.getByLabel('Token name')).toBeDisabled();
    await screenshot(options, 'options-account-restricted', { secrets: [credential] });

    const popup = await openPopup();
    await expect(popup.getByRole('listitem').filter({ hasText: 'existing token' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Create token' })).toBeDisabled();
    await expect(popup.getByText(/new tokens can’t be created/)).toBeVisible();
    await screenshot(popup, 'popup-account-restricted', { secrets: [credential] });

    // Lifted: the next page open lets the person create again.
    await control(service.url, { restrictions: { email, account: false } });
    await popup.reload();
    await expect(popup.getByRole('listitem').filter({ hasText: 'existing token' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Create token' })).toBeEnabled();
  });

  test('should open a token’s details on the options page from the popup', async ({
    context,
    service,
    openOptions,
    openPopup,
  }) => {
    await signedInWithToken(service, openOptions, 'popup details');

    const popup = await openPopup();
    const opened = context.waitForEvent('page');
    await popup.getByRole('button', { name: 'More actions for popup details' }).click();
    await popup.getByRole('menuitem', { name: 'Details' }).click();
    const page = await opened;
    await expect(page.locator('tr.details-row')).toContainText('Last copied here');
    await expect(page.getByRole('button', { name: 'Details of popup details' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });
});
