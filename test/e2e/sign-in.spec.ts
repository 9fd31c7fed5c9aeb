import { randomUUID } from 'node:crypto';
import type { browser } from 'wxt/browser';
import type { RunningService } from '../../service/server';
import { expect, openToolbarPopup, screenshot, test } from './fixtures';
import { createElsewhere } from './people';

// Issue 12: a person signs in with the one-time code the service sent to their email, the way
// `npm start` tells them to: service URL, email, "Send code", the code, signed in. Here the code
// is read from what the service printed (its console without SMTP_URL). Then they sign out, and
// the credential the extension held is refused by the service.

// The extension's own global, for the callbacks evaluated in its service worker.
declare const chrome: typeof browser;

let service: RunningService;
const printed: string[] = [];

test.beforeAll(async () => {
  const { startService } = await import('../../service/server');
  service = await startService({
    port: 0,
    log: () => {},
    printCode: (line) => printed.push(line),
    // Two codes per address, so the third "Send a new code" meets the limit.
    signInLimits: { codesPerEmail: { max: 2, windowMs: 10 * 60_000 } },
  });
});
test.afterAll(() => service?.close());

/** The newest code the service printed for `email`. */
function codeFor(email: string): string {
  const line = printed.findLast((l) => l.includes(`for ${email}:`)) ?? '';
  const code = /: (\d{6}) /.exec(line)?.[1];
  if (!code) throw new Error(`no code printed for ${email}`);
  return code;
}

test.describe('sign-in with an email code', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*'] });

  test('should sign in with the code, list the tokens, sign out and end the session', async ({
    context,
    openOptions,
  }) => {
    const email = `sign-in-${randomUUID()}@example.org`;
    const name = `made before sign-in ${randomUUID().slice(0, 8)}`;
    await createElsewhere(service.url, await service.createAccount(email), name);

    const options = await openOptions();
    await options.getByLabel('Service URL').fill(service.url);
    await options.getByLabel('Email').fill(email);
    await screenshot(options, 'sign-in-1-email');
    await options.getByRole('button', { name: 'Send code' }).click();
    await expect(
      options.getByText(`We sent a sign-in code to ${email}. Type or paste it below.`),
    ).toBeVisible();
    const codeField = options.getByLabel('Sign-in code');
    await expect(codeField).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(codeField).toHaveAttribute('inputmode', 'numeric');
    await screenshot(options, 'sign-in-2-code-sent');

    // A wrong code: the tries left are said, and the code stays to be corrected.
    const code = codeFor(email);
    const wrong = code === '000000' ? '000001' : '000000';
    await codeField.fill(wrong);
    await options.getByRole('button', { name: 'Sign in' }).click();
    await expect(options.getByRole('alert')).toHaveText(
      'That code is not right. Tries left for this code: 4.',
    );
    await expect(codeField).toHaveValue(wrong);
    await screenshot(options, 'sign-in-3-wrong-code');

    // A new code (the second of two allowed), then a third: the wait is said in seconds.
    await options.getByRole('button', { name: 'Send a new code' }).click();
    await expect.poll(() => codeFor(email)).not.toBe(code);
    await options.getByRole('button', { name: 'Send a new code' }).click();
    await expect(options.getByRole('alert')).toHaveText(
      /^Too many sign-in requests\. Wait \d+ s, then try again\.$/,
    );
    await screenshot(options, 'sign-in-4-too-many');

    // Pasted with a space in the middle, as from a mail.
    const fresh = codeFor(email);
    await codeField.fill(`${fresh.slice(0, 3)} ${fresh.slice(3)}`);
    await options.getByRole('button', { name: 'Sign in' }).click();
    await expect(options.getByText(`Signed in as ${email}.`)).toBeVisible();
    await expect(options.getByRole('cell', { name, exact: true })).toBeVisible();
    const [worker] = context.serviceWorkers();
    const credential = await worker?.evaluate(async () => {
      // The signed-in accounts (issue 15): this one, the only one, shown.
      const stored = await chrome.storage.local.get('sessions.v2');
      return (stored['sessions.v2'] as { list: { credential: string }[] }).list[0]?.credential;
    });
    expect(credential).toMatch(/\S{20,}/);
    const before = await fetch(`${service.url}/user/tokens`, {
      headers: { Authorization: `Bearer ${credential}` },
    });
    expect(before.status).toBe(200);
    await screenshot(options, 'sign-in-5-signed-in', { secrets: [credential ?? '', fresh] });

    await options.getByRole('button', { name: 'Sign out' }).click();
    await expect(options.getByLabel('Email')).toBeVisible();
    await expect(options.getByText(/Signed in as/)).toHaveCount(0);
    const after = await fetch(`${service.url}/user/tokens`, {
      headers: { Authorization: `Bearer ${credential}` },
    });
    expect(after.status).toBe(401);

    // The popup, signed out, sends the person to the settings page to sign in.
    const popup = await openToolbarPopup(context);
    await popup.waitFor(`document.body.innerText.includes('You’re not signed in.')`);
    await screenshot(popup, 'sign-in-6-popup-signed-out');
    await popup.close();
  });

  test('should sign out here and say so when the service cannot be reached', async ({ openOptions }) => {
    const email = `sign-out-${randomUUID()}@example.org`;
    const options = await openOptions();
    await options.getByLabel('Service URL').fill(service.url);
    await options.getByLabel('Email').fill(email);
    await options.getByRole('button', { name: 'Send code' }).click();
    await expect(options.getByLabel('Sign-in code')).toBeVisible();
    await options.getByLabel('Sign-in code').fill(codeFor(email));
    await options.getByRole('button', { name: 'Sign in' }).click();
    await expect(options.getByText(`Signed in as ${email}.`)).toBeVisible();

    service.setDown(true);
    try {
      await options.getByRole('button', { name: 'Sign out' }).click();
      await expect(
        options.getByRole('status').filter({ hasText: 'Signed out on this device' }),
      ).toBeVisible();
      await expect(options.getByLabel('Email')).toBeVisible();
      await screenshot(options, 'sign-in-7-signed-out-offline');
    } finally {
      service.setDown(false);
    }
  });
});
