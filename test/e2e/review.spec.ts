import { randomUUID } from 'node:crypto';
import type { browser } from 'wxt/browser';
import { axeSerious, axeSeriousInPopup } from './axe';
import { expect, openToolbarPopup, screenshot, test } from './fixtures';
import { createElsewhere, serviceTokens, signedInWithToken } from './people';

declare const chrome: typeof browser;

const DAY = 24 * 3600_000;
/** The start of the local day `days` days from now: what a preset stores (utils/review/due.ts). */
const daysAhead = (days: number): number => {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
};

test.describe('review dates (issue 15)', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*'] });

  test('should tell on the badge and in the popup when a review date comes, and let a new date end it', async ({
    context,
    service,
    openOptions,
  }) => {
    test.slow();
    const name = `ci deploy ${randomUUID().slice(0, 6)}`;
    const { credential, options } = await signedInWithToken(service, openOptions, name);
    const other = `backup job ${randomUUID().slice(0, 6)}`;
    await createElsewhere(service.url, credential, other);
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect(options.getByRole('cell', { name: other, exact: true })).toBeVisible();
    const secrets = (await serviceTokens(service.url, credential)).map((t) => t.secret);

    // Set a date from the token's details: a preset, always in the future.
    await options.getByRole('button', { name: `Details of ${name}` }).click();
    const review = options.getByRole('group', { name: 'Review by' });
    await expect(review).toContainText('No review date');
    await review.getByRole('button', { name: 'In 30 days' }).click();
    await expect(review.getByRole('status')).toHaveText('Review date saved.');
    await expect(review).toContainText(/^Review by\s*Review by /);
    // A custom day in the past is refused in words.
    await review.getByLabel('Custom date').fill('2020-01-01');
    await review.getByRole('button', { name: 'Set date' }).click();
    await expect(review.getByRole('alert')).toHaveText('Choose a date after today.');

    // The background armed its one alarm for that day; nothing is due yet.
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const alarmAt = (): Promise<number | null> =>
      worker.evaluate(async () => (await chrome.alarms.get('review-due'))?.scheduledTime ?? null);
    await expect.poll(alarmAt).toBe(daysAhead(30));
    const badge = (): Promise<string> => worker.evaluate(() => chrome.action.getBadgeText({}));
    expect(await badge()).toBe('');

    // The shortcut, said plainly: thirty days do not pass in a test. The stored date is moved to
    // yesterday, as the passing days would leave it (in the past), and the alarm is brought forward
    // to fire now, as Chrome fires it when that day comes. Everything after is the extension's own.
    await worker.evaluate(async (at) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('w3s-tokens');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      // Store v5: each account's rows are in its one list record. v6: and the first of them in its
      // head, which goes with the change (the pages then read the list, the next sync writes one).
      const tx = db.transaction(['lists', 'heads'], 'readwrite');
      const store = tx.objectStore('lists');
      await new Promise<void>((resolve, reject) => {
        const all = store.getAll();
        all.onsuccess = () => {
          for (const list of all.result) {
            const rows = list.rows.map((row: { reviewBy?: number }) =>
              row.reviewBy ? { ...row, reviewBy: at } : row,
            );
            store.put({ ...list, rows });
            tx.objectStore('heads').delete([list.service, list.account]);
          }
          store.transaction.oncomplete = () => resolve();
        };
        all.onerror = () => reject(all.error);
      });
      db.close();
      await chrome.alarms.create('review-due', { when: Date.now() + 200 });
    }, daysAhead(-1));

    await expect.poll(badge, { timeout: 40_000 }).toBe('1');
    expect(await worker.evaluate(() => chrome.action.getTitle({}))).toBe(
      'Web3.Storage Tokens\n1 token due for review',
    );
    // Nothing comes due after it: the alarm is not armed again.
    await expect.poll(alarmAt).toBeNull();

    // The popup names it in a calm notice, with a way to its details.
    const popup = await openToolbarPopup(context);
    await popup.waitFor(`document.body.innerText.includes('Due for review')`);
    // The notice (a region named by its heading) holds the due token only.
    const notice = await popup.evaluate<string>(
      `document.getElementById(document.querySelector('section[aria-labelledby] h2')?.id ?? '')?.parentElement?.innerText ?? ''`,
    );
    expect(notice).toContain('Due for review');
    expect(notice).toContain(name);
    expect(notice).not.toContain(other);
    expect(await axeSeriousInPopup(popup)).toEqual([]);
    await screenshot(popup, 'popup-review-due', { secrets });
    const opened = context.waitForEvent('page');
    await popup.click(`Review ${name}: details and a new date`);
    const details = await opened;
    await details.waitForLoadState();
    expect(details.url()).toContain('options.html#token=');
    const due = details.getByRole('group', { name: 'Review by' });
    await expect(due).toContainText('Due for review since');
    await expect(details.getByRole('cell', { name: new RegExp(`^${name}`) })).toContainText('Review due');
    expect(await axeSerious(details)).toEqual([]);
    await screenshot(details, 'options-review-due', { secrets });

    // A new date ends it: the badge clears and the alarm waits for that day.
    await due.getByRole('button', { name: 'In 90 days' }).click();
    await expect(due).not.toContainText('Due for review since');
    await expect.poll(badge).toBe('');
    await expect.poll(alarmAt).toBe(daysAhead(90));
    expect(daysAhead(90) - Date.now()).toBeGreaterThan(88 * DAY);
  });
});
