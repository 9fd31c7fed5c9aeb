import { randomUUID } from 'node:crypto';
import { seedTokens, tokenName } from '../../scripts/bench/seed';
import { expect, screenshot, test } from './fixtures';
import { control, serviceTokens, signIn } from './people';

// The popup's list is virtualised (components/tokens/TokenList.tsx): with 1,000 tokens only the rows in
// view are in the DOM, and scrolling, searching or the keyboard still reaches every one of them.
test.describe('a long token list', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*'] });

  test('should show 1,000 tokens a screenful at a time, reachable by scrolling, searching and the keyboard', async ({
    service,
    openOptions,
    openPopup,
  }) => {
    // Seeding and syncing 1,000 tokens takes most of a minute when the machine is busy.
    test.slow();
    const credential = await service.createAccount(`e2e-${randomUUID()}@example.org`);
    // 1,000 creates from one credential: far past the service's usual rate limit.
    await control(service.url, { rateLimit: { max: 1_000_000, windowMs: 1_000 } });
    try {
      await seedTokens(service.url, credential, 0, 1_000);
    } finally {
      await control(service.url, { reset: true });
    }

    const options = await openOptions();
    await signIn(options, service.url, credential);
    // The first sync of 1,000 tokens: slow on a busy machine, so it gets longer than other steps.
    await expect(options.getByRole('cell', { name: tokenName(999), exact: true })).toBeVisible({
      timeout: 30_000,
    });

    const popup = await openPopup();
    const rows = popup.getByRole('list', { name: 'API tokens' }).getByRole('listitem');
    await expect(rows.first()).toHaveAttribute('aria-setsize', '1000');
    expect(await rows.count()).toBeLessThan(40);

    await rows.first().hover();
    await popup.mouse.wheel(0, 1_000_000);
    await expect(rows.last()).toHaveAttribute('aria-posinset', '1000');
    await expect(rows.last()).toBeInViewport();
    expect(await rows.count()).toBeLessThan(40);
    const secrets = (await serviceTokens(service.url, credential)).map((t) => t.secret);
    await screenshot(popup, 'popup-long-list', { secrets: [...secrets, credential] });

    const name = tokenName(776);
    await popup.getByRole('searchbox', { name: 'Search tokens' }).fill(name);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(name);
    await expect(rows.first()).toBeInViewport();
    await expect(rows.first().getByRole('button', { name: `Copy ${name}` })).toBeVisible();

    // The keyboard reaches every row too, each rendered and scrolled into view as the focus gets there.
    await popup.getByRole('searchbox', { name: 'Search tokens' }).fill('');
    await rows.first().focus();
    for (const [key, position] of [
      ['End', '1000'],
      ['ArrowUp', '999'],
      ['PageUp', undefined],
      ['Home', '1'],
      ['ArrowDown', '2'],
    ] as const) {
      await popup.keyboard.press(key);
      const focused = popup.locator('li:focus');
      if (position) await expect(focused).toHaveAttribute('aria-posinset', position);
      else await expect(focused).not.toHaveAttribute('aria-posinset', '999');
      await expect(focused).toBeInViewport();
    }
    expect(await rows.count()).toBeLessThan(40);
  });
});
