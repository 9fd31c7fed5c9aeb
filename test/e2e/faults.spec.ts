import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import type { RunningService } from '../../service/server';
import { expect, openToolbarPopup, screenshot, test } from './fixtures';
import { control, createElsewhere, serviceTokens, signIn } from './people';

// Issue 18, point 3, end to end in real Chromium against the reference service's fault switches:
// each fault says what happens next, one message at a time, and is known before the click where
// the service tells it (`/version`, a 503, a 429's wait).

const READ_ONLY = 'The token service says it is read-only for maintenance';
const WAIT = 'Too many requests: the token service asked this extension to slow down.';

interface Journey {
  popup: Page;
  credential: string;
  name: string;
  secrets: string[];
}

/** A new account with one token made elsewhere, signed in on the options page, and the popup open. */
async function signedIn(
  context: BrowserContext,
  extensionId: string,
  service: RunningService,
): Promise<Journey> {
  const credential = await service.createAccount(`e2e-faults-${randomUUID()}@example.org`);
  const name = `faulty ${randomUUID().slice(0, 6)}`;
  await createElsewhere(service.url, credential, name);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await signIn(options, service.url, credential);
  await expect(options.getByRole('cell', { name, exact: true })).toBeVisible();
  await options.close();
  const popup = await openPopupTab(context, extensionId, name);
  const secrets = [credential, ...(await serviceTokens(service.url, credential)).map((t) => t.secret)];
  return { popup, credential, name, secrets };
}

async function openPopupTab(context: BrowserContext, extensionId: string, name: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('listitem').filter({ hasText: name })).toBeVisible();
  return popup;
}

/** How many requests reached the service since `counting()` was planned (behind any other fault). */
const COUNTER = { route: '*', kind: 'delay', ms: 1, times: 100_000 } as const;
function counted(service: RunningService): number {
  const counter = service.faults().faults.find((fault) => fault.kind === 'delay' && fault.ms === 1);
  return COUNTER.times - (counter?.times ?? 0);
}

/** Stops the extension's service worker, as Chromium does when it is idle; the next message starts it again. */
async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Exactly one message about the fault on the page: no error beside it, no second banner. */
async function expectOneMessage(popup: Page, text: string): Promise<void> {
  await expect(popup.getByText(text)).toHaveCount(1);
  await expect(popup.getByRole('alert')).toHaveCount(0);
}

test.describe('faults told before the click, one message at a time', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*'] });
  // The rate limit's and the maintenance's waits are real waits; no timing is asserted.
  test.setTimeout(150_000);
  test.afterEach(async ({ service }) => control(service.url, { reset: true }));

  test('should turn Create, Revoke and Rotate off with the reason during maintenance, keep the name, and clear by itself', async ({
    context,
    extensionId,
    service,
  }) => {
    const { popup, name, secrets } = await signedIn(context, extensionId, service);
    await control(service.url, { mode: 'r-' });
    // Opened again: its first sync asks /version, so nobody has to click to learn it.
    await popup.reload();
    const create = popup.getByRole('button', { name: 'Create token' });
    await expect(create).toBeDisabled();
    await expectOneMessage(popup, `${READ_ONLY}, so tokens can’t be created or revoked now.`);
    const field = popup.getByLabel('Token name');
    await field.fill('deploy bot');
    await expect(create).toHaveAccessibleDescription(new RegExp(READ_ONLY));

    const row = popup.getByRole('listitem').filter({ hasText: name });
    await row.getByRole('button', { name: `More actions for ${name}` }).click();
    await popup.getByRole('menuitem', { name: 'Revoke…' }).click();
    const dialog = popup.getByRole('dialog', { name: `Revoke “${name}”?` });
    await expect(dialog.getByRole('button', { name: 'Revoke token' })).toBeDisabled();
    await expect(dialog).toContainText('so this token can’t be revoked now');
    await screenshot(popup, 'fault-maintenance-revoke', { secrets });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await screenshot(popup, 'fault-maintenance', { secrets });

    // The service is writable again: the page asks again by itself and Create comes back.
    await control(service.url, { mode: 'rw' });
    await expect(create).toBeEnabled({ timeout: 60_000 });
    await expect(popup.getByText(READ_ONLY)).toHaveCount(0);
    await expect(field).toHaveValue('deploy bot');
    await create.click();
    await expect(popup.getByRole('listitem').filter({ hasText: 'deploy bot' })).toBeVisible();
  });

  test('should show the read-only state in the real toolbar popup before any click', async ({
    context,
    extensionId,
    service,
  }) => {
    const { popup, secrets } = await signedIn(context, extensionId, service);
    await popup.close();
    await control(service.url, { mode: 'r-' });
    const toolbar = await openToolbarPopup(context);
    await toolbar.waitFor(`document.body.innerText.includes(${JSON.stringify(READ_ONLY)})`);
    const create = `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Create token')`;
    expect(await toolbar.evaluate<boolean>(`${create}.disabled`)).toBe(true);
    const reason = `document.getElementById(${create}.getAttribute('aria-describedby')).textContent`;
    expect(await toolbar.evaluate<string>(reason)).toContain(READ_ONLY);
    expect(await toolbar.evaluate<number>(`document.querySelectorAll('[role="alert"]').length`)).toBe(0);
    await screenshot(toolbar, 'fault-maintenance-toolbar-popup', { secrets });
    await toolbar.close();
  });

  test('should turn the rotation’s Create replacement off on the options page during maintenance', async ({
    context,
    extensionId,
    service,
  }) => {
    const { popup, name, secrets } = await signedIn(context, extensionId, service);
    await popup.close();
    await control(service.url, { mode: 'r-' });
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('button', { name: 'Create token' })).toBeDisabled();
    await options.getByRole('button', { name: `Details of ${name}` }).click();
    await options.locator('tr.details-row').getByRole('button', { name: 'Rotate…' }).click();
    const dialog = options.getByRole('dialog', { name: `Rotate “${name}”` });
    await expect(dialog.getByRole('button', { name: 'Create replacement' })).toBeDisabled();
    await expect(dialog).toContainText(READ_ONLY);
    await screenshot(options, 'fault-maintenance-rotate', { secrets });
  });

  test('should wait out a 429’s Retry-After, counting down, sending nothing, over a popup reopened and a service worker restarted', async ({
    context,
    extensionId,
    service,
  }) => {
    const { popup, name, secrets } = await signedIn(context, extensionId, service);
    await control(service.url, {
      faults: [
        { route: 'GET /user/tokens', kind: 'status', status: 429, times: 1, retryAfter: '50', body: 'json' },
        COUNTER,
      ],
    });
    await popup.getByRole('button', { name: 'Sync now' }).click();
    const countdown = popup.getByText(WAIT);
    await expect(countdown).toContainText(/Nothing is sent to it for 0:[0-5]\d\./);
    await expect(popup.getByRole('button', { name: 'Create token' })).toBeDisabled();
    await expect(popup.getByRole('alert')).toHaveCount(0);
    // From here on nothing may reach the service until the wait is over.
    const before = counted(service);
    const first = await countdown.textContent();
    await expect(countdown).not.toHaveText(first ?? '');
    await screenshot(popup, 'fault-rate-limit', { secrets });

    // Closed and opened again, then the service worker stopped and started again: still waiting.
    await popup.close();
    const again = await openPopupTab(context, extensionId, name);
    await expect(again.getByText(WAIT)).toBeVisible();
    await stopServiceWorker(again);
    await again.reload();
    await expect(again.getByRole('listitem').filter({ hasText: name })).toBeVisible();
    await expect(again.getByText(WAIT)).toBeVisible();
    await again.getByRole('button', { name: 'Sync now' }).click();
    await expect(again.getByText(WAIT)).toBeVisible();
    expect(counted(service)).toBe(before);

    // The wait over, the page asks again by itself.
    await expect(again.getByText(WAIT)).toHaveCount(0, { timeout: 70_000 });
    await expect.poll(() => counted(service)).toBeGreaterThan(before);
  });

  test('should back off at least 30 s after a plain-text 429 with no Retry-After, and tell that wait', async ({
    context,
    extensionId,
    service,
  }) => {
    const { popup, secrets } = await signedIn(context, extensionId, service);
    await control(service.url, {
      faults: [{ route: 'GET /user/tokens', kind: 'status', status: 429, times: 1 }],
    });
    await popup.getByRole('button', { name: 'Sync now' }).click();
    // 30 s with up to half again at random: the told wait is 0:30 to 0:45 (and counts down from there).
    await expect(popup.getByText(WAIT)).toContainText(/for 0:(2\d|3\d|4[0-5])\./);
    await expect(popup.getByRole('alert')).toHaveCount(0);
    await screenshot(popup, 'fault-rate-limit-backoff', { secrets });
  });

  test('should keep the typed name through a 429 to a create with an HTTP-date Retry-After', async ({
    context,
    extensionId,
    service,
  }) => {
    const { popup, credential, secrets } = await signedIn(context, extensionId, service);
    const retryAfter = new Date(Date.now() + 40_000).toUTCString();
    await control(service.url, {
      faults: [{ route: 'POST /user/tokens', kind: 'status', status: 429, times: 1, retryAfter }],
    });
    await popup.getByLabel('Token name').fill('limited bot');
    await popup.getByRole('button', { name: 'Create token' }).click();
    await expect(popup.getByText(WAIT)).toContainText(/for 0:[0-4]\d\./);
    await expect(popup.getByRole('button', { name: 'Create token' })).toBeDisabled();
    await expect(popup.getByLabel('Token name')).toHaveValue('limited bot');
    await expect(popup.getByRole('alert')).toHaveCount(0);
    expect((await serviceTokens(service.url, credential)).map((t) => t.name)).not.toContain('limited bot');
    await screenshot(popup, 'fault-rate-limit-create', { secrets });
  });

  test('should say a shut-down service (410) refuses changes, keep the tokens listed and Create off', async ({
    context,
    extensionId,
    service,
  }) => {
    const { popup, name, secrets } = await signedIn(context, extensionId, service);
    await control(service.url, { sunset: true });
    await popup.getByLabel('Token name').fill('after sunset');
    await popup.getByRole('button', { name: 'Create token' }).click();
    await expectOneMessage(popup, 'This service has been shut down and no longer accepts token changes.');
    await expect(popup.getByRole('button', { name: 'Create token' })).toBeDisabled();
    await expect(popup.getByLabel('Token name')).toHaveValue('after sunset');
    await expect(popup.getByRole('listitem').filter({ hasText: name })).toBeVisible();
    await screenshot(popup, 'fault-sunset', { secrets });
  });

  test('should say a restricted account may not write (403 on a create) and keep the name', async ({
    context,
    extensionId,
    service,
  }) => {
    const { popup, credential, secrets } = await signedIn(context, extensionId, service);
    await control(service.url, {
      faults: [{ route: 'POST /user/tokens', kind: 'status', status: 403, times: 1 }],
    });
    await popup.getByLabel('Token name').fill('restricted bot');
    await popup.getByRole('button', { name: 'Create token' }).click();
    const message = popup.getByRole('alert');
    await expect(message).toHaveText(/Your account is restricted: the service refuses token changes\./);
    await expect(message).toHaveCount(1);
    await expect(message).toContainText('Contact the service’s support');
    await expect(popup.getByLabel('Token name')).toHaveValue('restricted bot');
    expect((await serviceTokens(service.url, credential)).map((t) => t.name)).not.toContain('restricted bot');
    await screenshot(popup, 'fault-restricted-write', { secrets });
  });

  test('should abandon a slow list after 15 s with a message, and settle a slow create once, as a lost reply', async ({
    context,
    extensionId,
    service,
  }) => {
    const { popup, credential, secrets } = await signedIn(context, extensionId, service);
    await control(service.url, {
      faults: [{ route: 'GET /user/tokens', kind: 'delay', ms: 25_000, times: 1 }],
    });
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect(popup.getByRole('alert')).toHaveText(
      'The token service did not answer within 15 seconds, so the extension stopped waiting. Check your connection and try again.',
      { timeout: 30_000 },
    );
    await screenshot(popup, 'fault-slow-list', { secrets });

    await control(service.url, {
      faults: [{ route: 'POST /user/tokens', kind: 'delay', ms: 25_000, times: 1 }, COUNTER],
    });
    await popup.getByLabel('Token name').fill('slow bot');
    await popup.getByRole('button', { name: 'Create token' }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'slow bot' })).toHaveText(
      '“slow bot” was created. The service’s answer was lost or too slow, so the extension looked in the list instead of asking again.',
      { timeout: 40_000 },
    );
    await expect(popup.getByRole('alert')).toHaveCount(0);
    const made = (await serviceTokens(service.url, credential)).filter((t) => t.name === 'slow bot');
    expect(made).toHaveLength(1);
    await expect(popup.getByRole('listitem').filter({ hasText: 'slow bot' })).toHaveCount(1);
    await screenshot(popup, 'fault-slow-create', { secrets: [...secrets, ...made.map((t) => t.secret)] });
  });

  test('should tell an ended session (401) with Sign in again, and keep the typed name and a waiting revoke', async ({
    context,
    extensionId,
    service,
  }) => {
    const { popup, credential, name, secrets } = await signedIn(context, extensionId, service);
    // A revoke the service cannot take now waits, told once and calmly.
    await control(service.url, {
      faults: [{ route: 'DELETE /user/tokens/:id', kind: 'status', status: 500, times: 1 }],
    });
    const row = popup.getByRole('listitem').filter({ hasText: name });
    await row.getByRole('button', { name: `More actions for ${name}` }).click();
    await popup.getByRole('menuitem', { name: 'Revoke…' }).click();
    await popup.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'is pending' })).toBeVisible();
    await expect(row.getByText('Revoke pending', { exact: true })).toBeVisible();
    await expect(popup.getByRole('alert')).toHaveCount(0);
    await screenshot(popup, 'fault-pending-revoke', { secrets });
    await popup.getByLabel('Token name').fill('kept over sign-in');

    await control(service.url, {
      faults: [{ route: 'GET /user/tokens', kind: 'status', status: 401, times: 1 }],
    });
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect(popup.getByText('Your session has ended.')).toBeVisible();
    await expect(popup.getByText('the name you typed are kept on this device')).toBeVisible();
    await screenshot(popup, 'fault-session-ended', { secrets });
    // Opened again later, the popup still says why, not merely that nobody is signed in.
    const reopened = await context.newPage();
    await reopened.goto(popup.url());
    await expect(reopened.getByText('Your session has ended.')).toBeVisible();
    await expect(reopened.getByRole('button', { name: 'Sign in again' })).toBeVisible();
    await reopened.close();

    await popup.getByRole('button', { name: 'Sign in again' }).click();
    // The options page opens, or comes to the front when one is open already.
    const optionsPage = (): Page | undefined =>
      context.pages().find((page) => page.url().includes('options.html'));
    await expect.poll(() => optionsPage() !== undefined).toBe(true);
    const options = optionsPage() as Page;
    await expect(options).toHaveURL(/options\.html/);
    await signIn(options, service.url, credential);
    await expect(options.getByText('Signed in as')).toBeVisible();

    // The waiting revoke was kept on this device only: it goes out once signed in again.
    const again = await context.newPage();
    await again.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(again.getByLabel('Token name')).toHaveValue('kept over sign-in');
    await again.getByRole('button', { name: 'Sync now' }).click();
    await expect(again.getByText('Revoked (1)')).toBeVisible();
    expect((await serviceTokens(service.url, credential)).map((t) => t.name)).not.toContain(name);
  });
});
