import { networkInterfaces } from 'node:os';
import type { Page } from '@playwright/test';
import { expect, openToolbarPopup, screenshot, type ToolbarPopup, test } from './fixtures';
import { type PageServer, servePages } from './pages/server';
import { createElsewhere, serviceTokens, signIn } from './people';

// Issue 11: hostile pages (test/e2e/pages/hostile.html, one case per `?c=`) hide the one field
// that asks for a token in every way a person would not see it, in the page and in frames of a
// second origin (another port). Each is refused with a sentence in the popup, before and after
// an earlier yes to the site, and nothing lands in any field of any frame. The controls
// (`visible`, `frame-visible`) prove the same pages fill when nothing is hidden.

let other: PageServer;
let pages: PageServer;
test.beforeAll(async () => {
  other = await servePages();
  pages = await servePages(other.url);
});
test.afterAll(async () => {
  await pages.close();
  await other.close();
});

const NAME = 'ci deploy';
const UNSEEN =
  'Nothing was filled: the field is hidden, see-through, too small, cut off or covered by something else on the page.';
const STYLE =
  'Nothing was filled: the page draws the field in a way the extension cannot judge (a filter, blend mode, mask, clip path or rotation), so it may not be what you see.';
const FRAME =
  'Nothing was filled: the field is in a frame that is hidden, see-through, covered or cannot be checked.';

const FIELD_CASES: Record<string, string> = {
  'opacity-ancestor': UNSEEN,
  'filter-opacity': STYLE,
  'filter-brightness': STYLE,
  'filter-blur': STYLE,
  'filter-contrast': STYLE,
  blend: STYLE,
  backdrop: STYLE,
  mask: STYLE,
  'clip-path': STYLE,
  clip: STYLE,
  overflow: UNSEEN,
  'overflow-scrolled': UNSEEN,
  'contain-paint': UNSEEN,
  'transparent-text': UNSEEN,
  'text-fill': UNSEEN,
  'zero-font': UNSEEN,
  'cover-pointer-none': UNSEEN,
  'cover-inline-important': UNSEEN,
  'cover-layered': UNSEEN,
  'cover-pseudo': UNSEEN,
  'cover-transparent': UNSEEN,
  pinhole: UNSEEN,
  'pinhole-pieces': UNSEEN,
  offscreen: UNSEEN,
  below: UNSEEN,
  tiny: UNSEEN,
  visibility: UNSEEN,
  'content-visibility': UNSEEN,
  display: UNSEEN,
  scale: UNSEEN,
  flip: STYLE,
};
const SCROLLED_BY_FOCUS = ['overflow-scrolled', 'below'];
const FRAME_CASES = [
  'frame-transparent',
  'frame-filter',
  'frame-covered',
  'frame-clipped',
  'frame-offscreen',
  'frame-tiny',
  'frame-inner-hidden',
  'frame-outer-hidden',
];

/** Opens `url` as the active tab, then the real toolbar popup over it, with the token listed. */
async function popupOver(page: Page, url: string): Promise<ToolbarPopup> {
  await page.goto(url);
  // Nested frames load after the page: judge them once they are there.
  await page.waitForLoadState('load');
  await page.bringToFront();
  const toolbar = await openToolbarPopup(page.context());
  await toolbar.waitFor(`document.body.innerText.includes(${JSON.stringify(NAME)})`);
  return toolbar;
}

const STATUS = `document.querySelector('[role=status]')?.textContent ?? ''`;

/** Every field of every frame of the page is still empty. */
async function nothingFilled(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    const values = await frame.evaluate(() => [...document.querySelectorAll('input')].map((i) => i.value));
    expect(values.every((v) => v === '')).toBe(true);
  }
}

/** Clicks Fill over `url` and expects `sentence` with no question asked and nothing filled. */
async function refused(page: Page, url: string, sentence: string): Promise<ToolbarPopup> {
  const toolbar = await popupOver(page, url);
  await toolbar.click(`Fill ${NAME}`);
  await toolbar.waitFor(`(${STATUS}) !== '' || document.querySelector('dialog[open]')`);
  expect(await toolbar.evaluate(STATUS), url).toBe(sentence);
  await nothingFilled(page);
  return toolbar;
}

test.describe('refusing fields a person cannot see', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*'] });

  test('should fill nothing hidden, see-through, clipped or covered, in the page or a frame, with or without an earlier yes', async ({
    context,
    service,
    openOptions,
  }) => {
    test.setTimeout(900_000);
    const credential = await service.createAccount(`hostile-${Date.now()}@example.org`);
    await createElsewhere(service.url, credential, NAME);
    const [token] = await serviceTokens(service.url, credential);
    const secrets = [token?.secret ?? '', credential];
    const options = await openOptions();
    await signIn(options, service.url, credential);
    await expect(options.getByRole('cell', { name: NAME, exact: true })).toBeVisible();
    const page = await context.newPage();
    const at = (c: string, focus = false): string =>
      `${pages.url}/hostile.html?c=${c}${focus ? '&focus' : ''}`;

    // No yes given yet to either origin: refused before any question is asked.
    for (const c of ['cover-pointer-none', 'filter-opacity', 'tiny', 'pinhole'])
      await (await refused(page, `${other.url}/hostile.html?c=${c}&focus`, FIELD_CASES[c] ?? '')).close();
    for (const c of FRAME_CASES) await (await refused(page, at(c), FRAME)).close();

    // The controls: a visible field and a visible frame of the other origin are asked about, then filled.
    for (const [c, host, field] of [
      ['visible', new URL(pages.url).host, page.locator('#key')],
      ['frame-visible', new URL(other.url).host, page.frameLocator('iframe').locator('#k')],
    ] as const) {
      const toolbar = await popupOver(page, at(c));
      await toolbar.click(`Fill ${NAME}`);
      await toolbar.waitFor(`document.querySelector('dialog[open]')`);
      await toolbar.click('Fill');
      await toolbar.waitFor(`(${STATUS}) === ${JSON.stringify(`Filled “${NAME}” into ${host}.`)}`);
      await toolbar.close();
      await expect(field).toHaveValue(secrets[0] ?? '');
    }

    // With both yeses remembered: every hiding is still refused, focused or not.
    for (const [c, sentence] of Object.entries(FIELD_CASES)) {
      await (await refused(page, at(c), sentence)).close();
      // Focus scrolls these into view, where a person does see them.
      if (!SCROLLED_BY_FOCUS.includes(c)) await (await refused(page, at(c, true), sentence)).close();
    }
    for (const c of FRAME_CASES) await (await refused(page, at(c), FRAME)).close();
    const toolbar = await refused(page, at('cover-pointer-none', true), UNSEEN);
    await screenshot(toolbar, 'popup-fill-refused', { secrets });
    await toolbar.close();
  });
});

/** This machine's first address other than loopback, as another machine would reach it. */
function outsideAddress(): string | null {
  const all = Object.values(networkInterfaces()).flat();
  return all.find((i) => i && i.family === 'IPv4' && !i.internal)?.address ?? null;
}

const outside = outsideAddress();

test.describe('a page over plain http', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*', `http://${outside ?? '127.0.0.1'}/*`] });

  test('should warn in the fill question', async ({ context, service, openOptions }) => {
    test.skip(outside === null, 'this machine has no address but loopback');
    test.setTimeout(180_000);
    const plain = await servePages('', outside ?? '');
    try {
      const credential = await service.createAccount(`http-${Date.now()}@example.org`);
      await createElsewhere(service.url, credential, NAME);
      const [token] = await serviceTokens(service.url, credential);
      const options = await openOptions();
      await signIn(options, service.url, credential);
      await expect(options.getByRole('cell', { name: NAME, exact: true })).toBeVisible();
      const page = await context.newPage();
      const toolbar = await popupOver(page, `${plain.url}/plain.html`);
      await toolbar.click(`Fill ${NAME}`);
      await toolbar.waitFor(`document.querySelector('dialog[open] [role=alert]')`);
      expect(await toolbar.text()).toContain('Warning: this page is not encrypted (plain http).');
      await screenshot(toolbar, 'popup-fill-http-warning', { secrets: [token?.secret ?? '', credential] });
      await toolbar.close();
      await nothingFilled(page);

      // Loopback is this machine: no warning.
      const local = await popupOver(page, `${pages.url}/plain.html`);
      await local.click(`Fill ${NAME}`);
      await local.waitFor(`document.querySelector('dialog[open]')`);
      expect(await local.text()).not.toContain('not encrypted');
      await local.close();
    } finally {
      await plain.close();
    }
  });
});
