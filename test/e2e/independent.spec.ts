import { randomUUID } from 'node:crypto';
import { type IndependentServer, startIndependentServer } from '../helpers/independent-server';
import { test as base, expect } from './fixtures';

// The real extension against a second server of the contract that shares no code with
// `service/` and makes other allowed choices: create answers 200, ids beyond 2^53, a shuffled
// list with microsecond dates and extra fields, no /user/info, an empty 200 for a gone id.
// No screenshots here: the committed ones come from tokens.spec.ts.

const test = base.extend<{ independent: IndependentServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern, and there are none.
  independent: async ({}, use) => {
    const server = await startIndependentServer();
    await use(server);
    await server.close();
  },
});

test.describe('against an independent server', () => {
  // Headless Chromium cannot answer the permission prompt: 127.0.0.1 is granted before launch.
  test.use({ grantedOrigins: ['http://127.0.0.1/*'] });

  test('should sign in, create, copy and revoke a token', async ({
    independent,
    openOptions,
    openPopup,
    consoleErrors,
  }) => {
    const name = `independent key ${randomUUID().slice(0, 8)}`;

    const options = await openOptions();
    await options.getByLabel('Service URL').fill(independent.url);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(
      options.getByText('Connected to version 0.0.0-independent: tokens can be listed, created and revoked.'),
    ).toBeVisible();
    // No email sign-in on this server (POST /auth/email is 404): the credential form takes its place.
    await options.getByLabel('Email').fill('someone@example.org');
    await options.getByRole('button', { name: 'Send code' }).click();
    await expect(
      options.getByText('This service does not offer sign-in by email.', { exact: false }),
    ).toBeVisible();
    await expect(options.getByLabel('Email')).toHaveCount(0);
    await options.getByLabel('Session credential').fill(independent.credential);
    await options.getByRole('button', { name: 'Sign in' }).click();
    // No /user/info here: the account has no e-mail address to show.
    await expect(options.getByText('Signed in as this account.')).toBeVisible();
    await expect(options.getByText('No API tokens yet.')).toBeVisible();
    await expect(options.getByLabel('Session credential')).toHaveCount(0);

    const nameField = options.getByLabel('Token name');
    await nameField.fill(name);
    await options.getByRole('button', { name: 'Create token' }).click();
    await expect(options.getByRole('cell', { name, exact: true })).toBeVisible();
    await expect(nameField).toHaveValue('');
    const [created] = independent.tokens().filter((t) => t.name === name);
    expect(created?._id).toBe('9007199254740993');
    const secret = created?.secret ?? '';
    expect(secret).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/);

    const popup = await openPopup();
    const row = popup.getByRole('listitem').filter({ hasText: name });
    await expect(row).toBeVisible();
    await expect(popup.locator('body')).not.toContainText(secret);

    await row.getByRole('button', { name: `Copy ${name}` }).click();
    await expect(row.getByRole('button', { name: `Copied ${name}` })).toHaveText('Copied');
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    await row.getByRole('button', { name: `More actions for ${name}` }).click();
    await popup.getByRole('menuitem', { name: 'Revoke…' }).click();
    const dialog = popup.getByRole('dialog', { name: `Revoke “${name}”?` });
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await expect(dialog).toBeHidden();
    await expect(popup.getByRole('status')).toHaveText(`Revoked “${name}”.`);
    await expect(popup.getByText('No API tokens yet.')).toBeVisible();

    expect(independent.tokens().map((t) => t._id)).not.toContain(created?._id);
    const listed = await fetch(`${independent.url}/user/tokens`, {
      headers: { Authorization: `Bearer ${independent.credential}` },
    });
    expect(await listed.json()).toEqual([]);
    // Chromium logs every 4xx fetch itself; the probes of the missing /user/info and /auth/email are expected.
    const probes = ['/user/info', '/auth/email'].map(
      (path) =>
        `${independent.url}${path}: Failed to load resource: the server responded with a status of 404 (Not Found)`,
    );
    expect(consoleErrors.filter((line) => !probes.includes(line))).toEqual([]);
  });
});
