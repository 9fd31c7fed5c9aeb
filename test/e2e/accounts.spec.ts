import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { control, createElsewhere, serviceTokens, signIn } from './people';

// Issue 15, several accounts, end to end: two accounts of the reference service signed in on one
// profile, switched from the popup's header (by mouse and by keyboard), each showing its own
// tokens; a revoke waiting on account A survives the switch to B and still goes out, through the
// background's retry, with B left alone.

interface Account {
  email: string;
  credential: string;
  token: string;
  id: string;
}

async function account(service: { url: string; createAccount(email: string): Promise<string> }, tag: string) {
  const email = `e2e-${tag}-${randomUUID().slice(0, 8)}@example.org`;
  const credential = await service.createAccount(email);
  const token = `${tag} key ${randomUUID().slice(0, 6)}`;
  const id = await createElsewhere(service.url, credential, token);
  return { email, credential, token, id } satisfies Account;
}

/** Accounts A and B with a token each, and every secret a screenshot must not show. */
async function twoAccounts(service: { url: string; createAccount(email: string): Promise<string> }) {
  const a = await account(service, 'alpha');
  const b = await account(service, 'beta');
  const secrets = [a.credential, b.credential];
  for (const who of [a, b])
    for (const t of await serviceTokens(service.url, who.credential)) secrets.push(t.secret);
  return { a, b, secrets };
}

/** The popup lists `shown` and nothing of `hidden`. */
async function expectListed(popup: Page, shown: Account, hidden: Account): Promise<void> {
  await expect(popup.getByRole('listitem').filter({ hasText: shown.token })).toBeVisible();
  await expect(popup.getByText(hidden.token)).toHaveCount(0);
  await expect(popup.getByRole('button', { name: `Account: ${shown.email}` })).toBeVisible();
}

async function switchTo(popup: Page, from: Account, to: Account): Promise<void> {
  await popup.getByRole('button', { name: `Account: ${from.email}` }).click();
  await popup.getByRole('menuitem', { name: `Switch to ${to.email}` }).click();
}

test.describe('several accounts', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*'] });

  test.afterEach(async ({ service }) => {
    await control(service.url, { reset: true });
  });

  test('should switch accounts in the popup header, each with its own tokens and waiting revokes', async ({
    context,
    service,
    openOptions,
    openPopup,
  }) => {
    const { a, b, secrets } = await twoAccounts(service);

    // Account A, then "Add account…" and account B, on the options page.
    const options = await openOptions();
    await signIn(options, service.url, a.credential);
    await expect(options.getByText(`Signed in as ${a.email}.`)).toBeVisible();
    await options.getByRole('button', { name: 'Add account…' }).click();
    // Cancel returns to the signed-in account; the form comes back with a second click.
    await options.getByRole('button', { name: 'Cancel' }).click();
    await expect(options.getByText(`Signed in as ${a.email}.`)).toBeVisible();
    await options.getByRole('button', { name: 'Add account…' }).click();
    await signIn(options, service.url, b.credential);
    await expect(options.getByText(`Signed in as ${b.email}.`)).toBeVisible();
    await expect(options.getByRole('cell', { name: b.token, exact: true })).toBeVisible();
    await expect(options.getByRole('button', { name: `Sign out of ${a.email}` })).toBeVisible();
    await screenshot(options, 'options-accounts', { secrets });

    // The popup shows B; its header switches to A in one click, and A's list paints.
    const popup = await openPopup();
    await popup.setViewportSize({ width: 420, height: 520 });
    await expectListed(popup, b, a);
    await popup.getByRole('button', { name: `Account: ${b.email}` }).click();
    const menu = popup.getByRole('menu', { name: `Account: ${b.email}` });
    await expect(menu.getByRole('menuitem')).toHaveText([
      `Switch to ${a.email}`,
      'Add account…',
      `Sign out of ${b.email}`,
    ]);
    await screenshot(popup, 'popup-account-menu', { secrets });
    await menu.getByRole('menuitem', { name: `Switch to ${a.email}` }).click();
    await expectListed(popup, a, b);
    // The options page follows the switch.
    await expect(options.getByText(`Signed in as ${a.email}.`)).toBeVisible();
    await expect(options.getByRole('cell', { name: a.token, exact: true })).toBeVisible();

    // A revoke on A while the service is down waits.
    await control(service.url, { down: true });
    const row = popup.getByRole('listitem').filter({ hasText: a.token });
    await row.getByRole('button', { name: `More actions for ${a.token}` }).click();
    await popup.getByRole('menuitem', { name: 'Revoke…' }).click();
    await popup.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
    await expect(row.getByText('Revoke pending', { exact: true })).toBeVisible();

    // Switched to B by keyboard: B's list, and A's waiting revoke still counts on the badge.
    await popup.getByRole('button', { name: `Account: ${a.email}` }).focus();
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('menuitem', { name: `Switch to ${b.email}` })).toBeFocused();
    await popup.keyboard.press('Enter');
    await expectListed(popup, b, a);
    await expect(popup.getByText('Revoke pending', { exact: true })).toHaveCount(0);
    await screenshot(popup, 'popup-account-switched', { secrets });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const badge = (): Promise<string> => worker.evaluate('chrome.action.getBadgeText({})');
    await expect.poll(badge).toBe('1');

    // The service is back; the background's retry (its alarm, fired now) sends A's revoke while B is shown.
    await control(service.url, { reset: true });
    await worker.evaluate(`chrome.alarms.create('retry-revokes', { when: Date.now() + 50 })`);
    await expect
      .poll(async () => (await serviceTokens(service.url, a.credential)).map((t) => t._id), {
        timeout: 15_000,
      })
      .not.toContain(a.id);
    await expect.poll(badge).toBe('');
    expect((await serviceTokens(service.url, b.credential)).map((t) => t._id)).toEqual([b.id]);
    await expectListed(popup, b, a);

    // Back on A: the revoke is done there, and only there.
    await switchTo(popup, b, a);
    await expect(popup.getByText('Revoked (1)')).toBeVisible();

    // Signing out of A leaves B signed in and shown.
    await popup.getByRole('button', { name: `Account: ${a.email}` }).click();
    await popup.getByRole('menuitem', { name: `Sign out of ${a.email}` }).click();
    await expectListed(popup, b, a);
    // Ended on the service too: A's credential is refused from then on; B's still works.
    const status = async (credential: string): Promise<number> =>
      (await fetch(`${service.url}/user/tokens`, { headers: { Authorization: `Bearer ${credential}` } }))
        .status;
    await expect.poll(() => status(a.credential)).toBe(401);
    expect(await status(b.credential)).toBe(200);
    await popup.getByRole('button', { name: `Account: ${b.email}` }).click();
    await expect(popup.getByRole('menuitem')).toHaveText(['Add account…', `Sign out of ${b.email}`]);
  });

  test("should keep each account's sync interval and clipboard delay, shown for the account shown", async ({
    context,
    service,
    openOptions,
  }) => {
    const { a, b, secrets } = await twoAccounts(service);
    const host = new URL(service.url).host;

    const options = await openOptions();
    await signIn(options, service.url, a.credential);
    await expect(options.getByText(`Signed in as ${a.email}.`)).toBeVisible();
    await options.getByRole('button', { name: 'Add account…' }).click();
    await signIn(options, service.url, b.credential);
    await expect(options.getByRole('cell', { name: b.token, exact: true })).toBeVisible();

    const sync = options.getByLabel('Sync in the background');
    const clipboard = options.getByLabel('Clear a copied token from the clipboard');
    const owner = (who: Account) => `For ${who.email} on ${host}. Each signed-in account has its own.`;
    const cards = options.locator('section').filter({ has: options.getByRole('heading', { name: 'Sync' }) });
    /** The page shows `who` and, on both cards, `who`'s own interval and delay. */
    const shows = async (who: Account, minutes: string, seconds: string): Promise<void> => {
      await expect(options.getByText(`Signed in as ${who.email}.`)).toBeVisible();
      await expect(cards.getByText(owner(who))).toBeVisible();
      await expect(sync).toHaveValue(minutes);
      await expect(clipboard).toHaveValue(seconds);
    };
    // B, just signed in, starts from the defaults; B's choices are B's.
    await shows(b, '15', '30');
    await sync.selectOption({ label: 'every hour' });
    await clipboard.selectOption({ label: 'After 2 minutes' });
    // Switched to A on this page: A's own values, still the defaults; A chooses others.
    await options.getByRole('button', { name: 'Switch' }).click();
    await shows(a, '15', '30');
    await sync.selectOption({ label: 'every 5 minutes' });
    await clipboard.selectOption({ label: 'Never' });
    // Back on B: B's values are still B's.
    await options.getByRole('button', { name: 'Switch' }).click();
    await shows(b, '60', '120');
    await options.getByRole('heading', { name: 'Sync' }).scrollIntoViewIfNeeded();
    await screenshot(options, 'options-settings-per-account', { secrets });

    // The background keeps one sync alarm, at the smaller interval of the two (A's 5 minutes).
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const alarms = async (): Promise<Array<{ name: string; periodInMinutes?: number }>> =>
      worker.evaluate('chrome.alarms.getAll()');
    await expect
      .poll(async () =>
        (await alarms()).filter((alarm) => alarm.name === 'sync').map((x) => x.periodInMinutes),
      )
      .toEqual([5]);

    // A copy of B's token arms the clear after B's two minutes; with A shown, a copy of A's arms none.
    const clearIn = async (): Promise<number | null> =>
      worker.evaluate(
        `chrome.alarms.get('clear-clipboard').then((alarm) => alarm ? alarm.scheduledTime - Date.now() : null)`,
      );
    await options.getByRole('button', { name: `Copy ${b.token}` }).click();
    await expect(options.getByRole('button', { name: `Copied ${b.token}` })).toBeVisible();
    await expect.poll(clearIn).toBeGreaterThan(60_000);
    await options.getByRole('button', { name: 'Switch' }).click();
    await expect(cards.getByText(owner(a))).toBeVisible();
    await options.getByRole('button', { name: `Copy ${a.token}` }).click();
    await expect(options.getByRole('button', { name: `Copied ${a.token}` })).toBeVisible();
    await expect.poll(clearIn).toBeNull();

    // Signing out of B forgets B's settings; A's stay.
    await options.getByRole('button', { name: `Sign out of ${b.email}` }).click();
    await expect(options.getByRole('button', { name: 'Switch' })).toHaveCount(0);
    const stored = async (): Promise<string[]> =>
      Object.keys(await worker.evaluate<Record<string, unknown>>('chrome.storage.local.get(null)')).filter(
        (k) => k.startsWith('settings.v2:'),
      );
    await expect
      .poll(stored)
      .toEqual([`settings.v2:${service.url} ${await accountId(service.url, a.credential)}`]);
    await expect(sync).toHaveValue('5');
  });
});

/** The account id the service gives `credential` (`/user/info`'s `info._id`), as the extension keys its records. */
async function accountId(url: string, credential: string): Promise<string> {
  const info = await fetch(`${url}/user/info`, { headers: { Authorization: `Bearer ${credential}` } });
  const { info: body } = (await info.json()) as { info: { _id?: unknown; id?: unknown } };
  return String(body._id ?? body.id);
}
