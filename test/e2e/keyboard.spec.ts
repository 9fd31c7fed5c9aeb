import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { expect, openToolbarPopup, screenshot, type ToolbarPopup, test } from './fixtures';
import { type PageServer, servePages } from './pages/server';
import { createElsewhere, serviceTokens, signedInWithToken, signIn } from './people';

// Issue 7: the popup used with the keyboard alone, in real Chromium.

/** Presses Tab until `target` has the focus, at most `max` times: no test hangs on a missed stop. */
async function tabTo(page: Page, target: Locator, max = 10): Promise<void> {
  for (let i = 0; i < max && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** The accessible name (aria-label, else text) of what has the focus in the toolbar popup. */
const focusedName = (popup: ToolbarPopup): Promise<string> =>
  popup.evaluate(
    `(document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent || '').trim()`,
  );

async function tabToInPopup(popup: ToolbarPopup, name: string, max = 10): Promise<void> {
  for (let i = 0; i < max && (await focusedName(popup)) !== name; i++) await popup.press('Tab');
  expect(await focusedName(popup)).toBe(name);
}

let pages: PageServer;
test.beforeAll(async () => {
  pages = await servePages();
});
// After the browser, which keeps a connection to the page open.
test.afterAll(() => pages.close());

test.describe('the keyboard alone', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*'] });

  test('should search, move through the list, copy with Enter and open and leave the revoke dialog', async ({
    service,
    openOptions,
    openPopup,
  }) => {
    const credential = await service.createAccount(`keys-${randomUUID()}@example.org`);
    for (const name of ['laptop', 'CI deploy', 'staging uploader']) {
      await createElsewhere(service.url, credential, name);
    }
    const secrets = new Map((await serviceTokens(service.url, credential)).map((t) => [t.name, t.secret]));
    await signIn(await openOptions(), service.url, credential);

    const popup = await openPopup();
    const list = popup.getByRole('list', { name: 'API tokens' });
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await tabTo(popup, popup.getByRole('searchbox', { name: 'Search tokens' }));
    await popup.keyboard.type('a');
    const rows = list.getByRole('listitem');
    await expect(rows).toHaveCount(2);

    // Past the sort order, into the list: one stop, then the arrows.
    await tabTo(popup, rows.first(), 2);
    await expect(rows.first()).toContainText('laptop');
    await popup.keyboard.press('ArrowDown');
    await expect(rows.last()).toBeFocused();
    await popup.keyboard.press('ArrowDown');
    await expect(rows.last()).toBeFocused();
    await popup.keyboard.press('Home');
    await expect(rows.first()).toBeFocused();
    await popup.keyboard.press('End');
    // The focus ring, in the dark scheme where it is easiest to lose.
    await popup.setViewportSize({ width: 380, height: 420 });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await screenshot(popup, 'popup-keyboard-focus-dark', { secrets: [...secrets.values(), credential] });
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('button', { name: 'Copied staging uploader' })).toBeVisible();
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(secrets.get('staging uploader'));

    // The row's rarer actions wait in its menu: Enter opens it on the first item, the arrows and
    // End move in it, Escape closes it and gives the focus back to its button.
    const more = popup.getByRole('button', { name: 'More actions for staging uploader' });
    await tabTo(popup, more, 4);
    await popup.keyboard.press('Enter');
    const menu = popup.getByRole('menu', { name: 'More actions for staging uploader' });
    const details = menu.getByRole('menuitem', { name: 'Details' });
    const revoke = menu.getByRole('menuitem', { name: 'Revoke…' });
    await expect(details).toBeFocused();
    await popup.keyboard.press('ArrowDown');
    await expect(revoke).toBeFocused();
    await popup.keyboard.press('Home');
    await expect(details).toBeFocused();
    await popup.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(more).toBeFocused();
    // The rows stay where they were: the menu's keys never moved the list.
    await expect(rows.last()).toHaveAttribute('tabindex', '0');

    // The revoke dialog keeps the focus until Escape, then gives it back to the menu's button.
    await popup.keyboard.press('Enter');
    await popup.keyboard.press('End');
    await expect(revoke).toBeFocused();
    await popup.keyboard.press('Enter');
    const dialog = popup.getByRole('dialog', { name: 'Revoke “staging uploader”?' });
    const cancel = dialog.getByRole('button', { name: 'Cancel' });
    const confirm = dialog.getByRole('button', { name: 'Revoke token' });
    await expect(cancel).toBeFocused();
    for (const [key, focused] of [
      ['Tab', confirm],
      ['Tab', cancel],
      ['Shift+Tab', confirm],
      ['Shift+Tab', cancel],
    ] as const) {
      await popup.keyboard.press(key);
      await expect(focused).toBeFocused();
    }
    await popup.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(more).toBeFocused();

    // Cancel, pressed with Enter, does the same; nothing was revoked.
    await popup.keyboard.press('Enter');
    await popup.keyboard.press('End');
    await popup.keyboard.press('Enter');
    await expect(cancel).toBeFocused();
    await popup.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(more).toBeFocused();
    expect(await serviceTokens(service.url, credential)).toHaveLength(3);
  });

  test('should keep the focus in the fill confirmation of the real toolbar popup and give it back', async ({
    context,
    service,
    openOptions,
  }) => {
    await signedInWithToken(service, openOptions, 'ci deploy');
    const page = await context.newPage();
    await page.goto(`${pages.url}/plain.html`);
    await page.bringToFront();

    const popup = await openToolbarPopup(context);
    await popup.waitFor(`document.body.innerText.includes('ci deploy')`);
    await tabToInPopup(popup, 'Fill ci deploy');
    await popup.press('Enter');
    await popup.waitFor(`document.querySelector('dialog[open]')`);
    expect(await focusedName(popup)).toBe('Cancel');
    for (const [shift, name] of [
      [false, 'Fill'],
      [false, 'Cancel'],
      [true, 'Fill'],
    ] as const) {
      await popup.press('Tab', shift);
      expect(await focusedName(popup)).toBe(name);
    }
    await popup.press('Escape');
    await popup.waitFor(`!document.querySelector('dialog[open]')`);
    expect(await focusedName(popup)).toBe('Fill ci deploy');
    await popup.close();
    await expect(page.locator('#token')).toHaveValue('');
  });
});
