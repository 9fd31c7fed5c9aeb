import type { BrowserContext, CDPSession, Locator, Page } from '@playwright/test';
import {
  attachToolbarPopup,
  expect,
  openToolbarPopup,
  screenshot,
  type ToolbarPopup,
  test,
} from './fixtures';
import { type PageServer, servePages } from './pages/server';
import { createElsewhere, serviceTokens, signIn } from './people';
import { focusWindow, screenPoint, type XDisplay } from './x-display';

// The context menu and the shortcut, with real X input into headed Chromium on Xvfb: native
// menus and browser shortcuts take nothing from CDP. The menu is driven by keyboard once open:
// "f" selects its one entry starting with F, "Fill API token", whose submenu lists a handful of
// tokens (issue 14): the site's own first, then the most recent, then "More tokens…".

let pages: PageServer;
test.beforeAll(async () => {
  pages = await servePages();
});
test.afterAll(async () => {
  await pages.close();
});

const TOKENS = ['ci deploy', 'laptop'];

async function setUp(
  context: BrowserContext,
  service: { url: string; createAccount(email: string): Promise<string> },
  openOptions: () => Promise<Page>,
): Promise<{ secrets: Record<string, string>; options: Page; page: Page }> {
  const credential = await service.createAccount(`gesture-${Date.now()}@example.org`);
  for (const name of TOKENS) await createElsewhere(service.url, credential, name);
  const listed = await serviceTokens(service.url, credential);
  const secrets = Object.fromEntries(listed.map((t) => [t.name, t.secret]));
  const options = await openOptions();
  await signIn(options, service.url, credential);
  for (const name of TOKENS) await expect(options.getByRole('cell', { name, exact: true })).toBeVisible();
  const page = await context.newPage();
  await page.goto(`${pages.url}/plain.html`);
  return { secrets, options, page };
}

/** Every visible X window: a native menu adds one. */
async function windowCount(x: XDisplay): Promise<number> {
  return (await x.xdotool('search', '--onlyvisible', '--name', '')).split('\n').filter(Boolean).length;
}

/**
 * Right-clicks `field`, then "Fill API token" → the token `name`, until `done` holds (a few
 * tries: a menu can open before the window has the focus, and then ignores keys).
 */
async function fillFromMenu(
  x: XDisplay,
  page: Page,
  field: Locator,
  name: string,
  done: () => Promise<boolean>,
) {
  for (let attempt = 1; ; attempt++) {
    await focusWindow(x, page);
    const before = await windowCount(x);
    const [sx, sy] = await screenPoint(page, field);
    await x.xdotool('mousemove', '--sync', String(sx), String(sy));
    await x.xdotool('click', '3');
    await expect.poll(() => windowCount(x)).toBeGreaterThan(before);
    await x.xdotool('key', 'f', 'Return');
    // The most recently made first: "laptop" (made last) heads the submenu, and once it was
    // filled here it heads it as this site's token too.
    const position = [...TOKENS].reverse().indexOf(name);
    for (let i = 0; i < position; i++) await x.xdotool('key', 'Down');
    await x.xdotool('key', 'Return');
    try {
      await expect.poll(done, { timeout: 5_000 }).toBe(true);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await x.xdotool('key', 'Escape', 'Escape', 'Escape');
    }
  }
}

/** Whether the toolbar popup is open, as a CDP target. */
async function popupOpen(context: BrowserContext): Promise<boolean> {
  const running = context.browser();
  const root: CDPSession = running
    ? await running.newBrowserCDPSession()
    : await context.newCDPSession(context.pages()[0] as Page);
  const { targetInfos } = await root.send('Target.getTargets');
  await root.detach();
  return targetInfos.some((t) => t.type === 'page' && /\/popup\.html/.test(t.url));
}

/** Answers the popup's question about `name` on this site with Fill. */
async function confirmIn(toolbar: ToolbarPopup, name: string, host: string): Promise<void> {
  const question = `Fill “${name}” into ${host}?`;
  await toolbar.waitFor(
    `document.querySelector('dialog[open] h2')?.textContent === ${JSON.stringify(question)}`,
  );
  await toolbar.click('Fill');
  await toolbar.waitFor(`document.querySelector('[role=status]')?.textContent?.startsWith('Filled')`);
  await toolbar.close();
}

test.describe('filling with a gesture in headed Chromium', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*'], onX: true });

  test('should fill the right-clicked field from the context menu, asking in the popup on a new site', async ({
    context,
    service,
    openOptions,
    x,
  }) => {
    if (!x) throw new Error('no X display');
    const { secrets, page } = await setUp(context, service, openOptions);
    const host = new URL(pages.url).host;
    await page.bringToFront();

    // First fill of "laptop" here: the menu opens the popup, which asks; nothing is filled before.
    await fillFromMenu(x, page, page.locator('#notes'), 'laptop', () => popupOpen(context));
    await expect(page.locator('#notes')).toHaveValue('');
    await confirmIn(await attachToolbarPopup(context), 'laptop', host);
    await expect(page.locator('#notes')).toHaveValue(secrets.laptop ?? '');

    // Allowed now: straight into the right-clicked field, even one that names no token.
    await fillFromMenu(
      x,
      page,
      page.locator('#name'),
      'laptop',
      async () => (await page.locator('#name').inputValue()) !== '',
    );
    await expect(page.locator('#name')).toHaveValue(secrets.laptop ?? '');
    for (const decoy of ['#token', '#hidden-decoy', '#transparent-decoy', '#covered-decoy']) {
      await expect(page.locator(decoy)).toHaveValue('');
    }
    await expect(page).toHaveTitle('CI settings');
  });

  test("should fill the site's default token from the shortcut, else the last filled, else open the popup", async ({
    context,
    service,
    openOptions,
    x,
  }) => {
    if (!x) throw new Error('no X display');
    const { secrets, options, page } = await setUp(context, service, openOptions);
    const host = new URL(pages.url).host;
    const token = page.locator('#token');
    const press = async (): Promise<void> => {
      await focusWindow(x, page);
      await x.xdotool('key', 'alt+shift+k');
    };

    // Nothing filled here yet: the shortcut opens the popup and fills nothing.
    await press();
    await expect.poll(() => popupOpen(context)).toBe(true);
    await (await attachToolbarPopup(context)).close();
    await expect(token).toHaveValue('');

    // "laptop", then "ci deploy" filled from the popup: the last filled is "ci deploy".
    for (const name of ['laptop', 'ci deploy']) {
      await page.bringToFront();
      const toolbar = await openToolbarPopup(context);
      await toolbar.waitFor(`document.body.innerText.includes(${JSON.stringify(name)})`);
      await toolbar.click(`Fill ${name}`);
      await confirmIn(toolbar, name, host);
    }
    await page.reload();
    await press();
    await expect(token).toHaveValue(secrets['ci deploy'] ?? '');

    // The options page makes "laptop" the site's default; back to "last filled" undoes it.
    await options.bringToFront();
    await options.reload();
    const select = options.getByRole('combobox', { name: `Default token for ${pages.url}` });
    await select.selectOption({ label: 'laptop' });
    await expect(options.getByText('Default saved.')).toBeVisible();
    await options.reload();
    await expect(select.locator('option:checked')).toHaveText('laptop');
    await options.getByRole('region', { name: 'Sites allowed to receive a fill' }).scrollIntoViewIfNeeded();
    await screenshot(options, 'options-site-default', { secrets: Object.values(secrets) });
    await page.reload();
    await press();
    await expect(token).toHaveValue(secrets.laptop ?? '');
    // Back to "last filled": fill "ci deploy" from the popup again, and the shortcut follows it.
    await options.bringToFront();
    await select.selectOption({ label: 'The token last filled here' });
    await expect(options.getByText('Default saved.')).toBeVisible();
    await options.reload();
    await expect(select.locator('option:checked')).toHaveText('The token last filled here');
    await page.bringToFront();
    const toolbar = await openToolbarPopup(context);
    await toolbar.waitFor(`document.body.innerText.includes('ci deploy')`);
    await toolbar.click('Fill ci deploy');
    await toolbar.waitFor(`document.querySelector('[role=status]')?.textContent?.startsWith('Filled')`);
    await toolbar.close();
    await page.reload();
    await press();
    await expect(token).toHaveValue(secrets['ci deploy'] ?? '');
  });
  test('should fill the next token allowed on the site when the shortcut is pressed again within seconds', async ({
    context,
    service,
    openOptions,
    x,
  }) => {
    if (!x) throw new Error('no X display');
    const { secrets, page } = await setUp(context, service, openOptions);
    const host = new URL(pages.url).host;
    const token = page.locator('#token');
    // Both tokens allowed here, "ci deploy" filled last: the site's default.
    for (const name of ['laptop', 'ci deploy']) {
      await page.bringToFront();
      const toolbar = await openToolbarPopup(context);
      await toolbar.waitFor(`document.body.innerText.includes(${JSON.stringify(name)})`);
      await toolbar.click(`Fill ${name}`);
      await confirmIn(toolbar, name, host);
    }
    await page.reload();
    await focusWindow(x, page);
    // Each press right after the last fill: the default, then the next by name, round again.
    for (const name of ['ci deploy', 'laptop', 'ci deploy']) {
      await x.xdotool('key', 'alt+shift+k');
      await expect(token).toHaveValue(secrets[name] ?? '');
    }
  });
});
