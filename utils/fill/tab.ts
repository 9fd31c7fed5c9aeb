import { browser } from 'wxt/browser';
import { loadSession } from '../account';
import { openTokenDb } from '../store';
import type { FillDeps } from './filler';
import { type FrameAnswer, framePattern } from './frames';
import type { PageAnswer } from './page';
import { type LeftQuestion, PENDING_FILL_KEY } from './pending';

// The fill's adapters in the background: entrypoints/fill.ts injected on demand (activeTab +
// scripting), into the frames of the tab the person is using.

/** The focused window's active tab. */
async function activeTab(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id ?? null;
}

/** entrypoints/fill.ts injected into every frame of `tabId` the extension may script. */
async function inject(tabId: number): Promise<void> {
  // Frames the extension may not script (a cross-origin frame without its host permission) are
  // left out of `allFrames` without an error.
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/fill.js'] });
}

/**
 * Asks every frame that has the fill code what it would fill; false from a frame without it. The
 * code stays in a frame's isolated world until the frame navigates, so a page filled before is
 * asked at once, and the file is injected only when some frame lacks it (issue 14: each injection
 * is one more round trip to the tab).
 */
const ask = (tabId: number) =>
  browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: () => (globalThis.w3sFill ? globalThis.w3sFill(null, null) : false),
  });

async function probeActiveTab(): Promise<FrameAnswer[] | null> {
  try {
    const tabId = await activeTab();
    if (tabId === null) return null;
    let results = await ask(tabId);
    if (results.some(({ result }) => result === false)) {
      await inject(tabId);
      results = await ask(tabId);
    }
    return results.flatMap(({ frameId, result }) =>
      result ? [{ ...(result as PageAnswer), frameId: frameId ?? 0 }] : [],
    );
  } catch {
    // A page the extension may not script (the browser's own pages, another extension's).
    return null;
  }
}

/**
 * Fills the one frame the probe just chose. A frame that no longer has the fill code has
 * navigated since: nothing is filled there (null), the fill is not injected again with the secret.
 */
async function fillInFrame(
  frameId: number,
  secret: string,
  origin: string,
  path: string,
): Promise<PageAnswer | null> {
  try {
    const tabId = await activeTab();
    if (tabId === null) return null;
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      func: (s: string, o: string, p: string) => globalThis.w3sFill?.(s, o, p) ?? null,
      args: [secret, origin, path],
    });
    return (result?.result as PageAnswer | null | undefined) ?? null;
  } catch {
    return null;
  }
}

export function backgroundFillDeps(
  reveal?: FillDeps['reveal'],
  openDb: FillDeps['openDb'] = () => openTokenDb(),
): FillDeps {
  return {
    reveal,
    loadSession,
    openDb,
    probe: probeActiveTab,
    fillFrame: fillInFrame,
    mayReach: async (origin) => browser.permissions.contains({ origins: [framePattern(origin)] }),
    // Chromium 127+ and Firefox open the popup from a menu click or a shortcut; elsewhere it may
    // refuse, and an MV2 build (`npm run build:firefox -- --mv2`) has no `action` at all.
    openPopup: async () => browser.action?.openPopup?.().catch(() => {}),
    leaveQuestion: (question) =>
      browser.storage.session.set({
        [PENDING_FILL_KEY]: { question, at: Date.now() } satisfies LeftQuestion,
      }),
    now: Date.now,
  };
}
