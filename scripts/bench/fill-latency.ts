import type { BrowserContext, Page } from '@playwright/test';
import { servePages } from '../../test/e2e/pages/server';
import { openToolbarPopup } from '../../test/e2e/toolbar-popup';
import { focusWindow, missingX, startDisplay, type XDisplay } from '../../test/e2e/x-display';
import { type BenchBrowser, signIn, startBrowser } from './browser';
import { evaluateWithin, waitUntil } from './page';
import { seedTokens, tokenName } from './seed';

// Fill latency (issue 14): from the person's gesture to the token being in the field, as the page
// sees it (its `input` event). Browser shortcuts reach an extension only through real keyboard
// input, which headless Chromium and CDP cannot give: this part runs Chromium headed on a virtual
// X server with xdotool, as test/e2e/fill-gestures.spec.ts does.

export interface FillLatency {
  tokens: number;
  /**
   * The popup's "Fill <name>" click (its event time) until the page's input event, the click made
   * a person's reaction after the names show (REACTION_MS).
   */
  popup: number[];
  /**
   * The same with the click made as soon as the names show: the popup's code may then still be
   * starting (it loads after the kept first screen, utils/first-screen.ts). Shown, not a target.
   */
  popupAtOnce: number[];
  /** The fill command reaching the background (`commands.onCommand`) until the page's input event. */
  shortcut: number[];
  /** Why nothing was measured, or null. */
  skipped: string | null;
}

const FIELD = '#token';
/**
 * How long after the names show the measured click comes: a person sees the list, finds the token
 * and moves to Fill in no less (visual reaction times are 200 ms and more). The popup's opening
 * work (its code's start, its first sync) is done by then, and the figure is the fill's own.
 */
const REACTION_MS = 250;
const SHORTCUT = 'alt+shift+k';

/** In the form page: the wall-clock time of the field's first `input` event since the reset. */
function armField(selector: string): void {
  const field = document.querySelector(selector) as HTMLInputElement;
  field.value = '';
  const w = window as unknown as { __filledAt: number | null };
  w.__filledAt = null;
  field.addEventListener('input', () => (w.__filledAt ??= performance.timeOrigin + performance.now()), {
    once: true,
  });
}
const isFilled = (): boolean => (window as unknown as { __filledAt: number | null }).__filledAt !== null;
const filledAt = async (page: Page): Promise<number> =>
  (await evaluateWithin(page, 'window.__filledAt')) as number;

// In the background: when the last fill command arrived (listeners run in the order added, the
// product's first, all in the same dispatch).
const COMMAND_PROBE = `(() => {
  if (globalThis.__commandAt === undefined)
    chrome.commands.onCommand.addListener(() => { globalThis.__commandAt = performance.timeOrigin + performance.now(); });
  globalThis.__commandAt = null;
})()`;

async function worker(context: BrowserContext) {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** One Fill click in the real toolbar popup; resolves with click → value in ms. */
async function popupFill(
  context: BrowserContext,
  page: Page,
  name: string,
  confirm: boolean,
  reaction = REACTION_MS,
): Promise<number> {
  await page.bringToFront();
  await evaluateWithin(page, `(${armField})(${JSON.stringify(FIELD)})`);
  const popup = await openToolbarPopup(context);
  await popup.waitFor(`document.body.innerText.includes(${JSON.stringify(name)})`);
  await new Promise((resolve) => setTimeout(resolve, reaction));
  await popup.evaluate(
    `window.__clickedAt = null; document.addEventListener('click', (e) => { window.__clickedAt ??= performance.timeOrigin + e.timeStamp; }, true); true`,
  );
  await popup.click(`Fill ${name}`);
  const clickedAt = await popup.evaluate<number>('window.__clickedAt');
  // The first fill on a site asks the person; that one is not a measured sample.
  if (confirm) {
    await popup.waitFor(`document.querySelector('dialog[open]') !== null`);
    await popup.click('Fill');
  }
  await waitUntil(page, isFilled, [], 15_000);
  const at = await filledAt(page);
  await popup.close().catch(() => {});
  return at - clickedAt;
}

/** One press of the fill shortcut in the focused page; resolves with command → value in ms. */
async function shortcutFill(context: BrowserContext, x: XDisplay, page: Page): Promise<number> {
  await evaluateWithin(page, `(${armField})(${JSON.stringify(FIELD)})`);
  await (await worker(context)).evaluate(COMMAND_PROBE);
  await focusWindow(x, page);
  await page.focus(FIELD);
  await x.xdotool('key', SHORTCUT);
  await waitUntil(page, isFilled, [], 15_000);
  const commandAt = (await (await worker(context)).evaluate('globalThis.__commandAt')) as number | null;
  if (commandAt === null) throw new Error('the fill command never reached the background');
  return (await filledAt(page)) - commandAt;
}

export interface FillLatencyOptions {
  buildDir: string;
  serviceUrl: string;
  /** A fresh account's credential; `tokens` are made for it here. */
  credential: string;
  tokens: number;
  warmup: number;
  reps: number;
  log(line: string): void;
}

/** Headed Chromium on Xvfb with the build, signed in; the popup, then the shortcut, `reps` times each. */
export async function measureFillLatency(opts: FillLatencyOptions): Promise<FillLatency> {
  const result: FillLatency = {
    tokens: opts.tokens,
    popup: [],
    popupAtOnce: [],
    shortcut: [],
    skipped: missingX(),
  };
  if (result.skipped) return result;
  const x = await startDisplay();
  const pages = await servePages();
  let browser: BenchBrowser | undefined;
  try {
    await seedTokens(opts.serviceUrl, opts.credential, 0, opts.tokens);
    browser = await startBrowser(opts.buildDir, ['http://127.0.0.1/*'], '', x.name);
    await signIn(browser, opts.serviceUrl, opts.credential);
    const page = await browser.context.newPage();
    await page.goto(`${pages.url}/plain.html`);
    const name = tokenName(0);
    await popupFill(browser.context, page, name, true);
    for (let i = 0; i < opts.warmup + opts.reps; i++) {
      const ms = await popupFill(browser.context, page, name, false);
      const atOnce = await popupFill(browser.context, page, name, false, 0);
      if (i >= opts.warmup) result.popup.push(ms);
      if (i >= opts.warmup) result.popupAtOnce.push(atOnce);
    }
    opts.log('  fill from the popup done');
    for (let i = 0; i < opts.warmup + opts.reps; i++) {
      const ms = await shortcutFill(browser.context, x, page);
      if (i >= opts.warmup) result.shortcut.push(ms);
    }
    opts.log('  fill from the shortcut done');
    return result;
  } finally {
    await browser?.close();
    await pages.close();
    await x.close();
  }
}
