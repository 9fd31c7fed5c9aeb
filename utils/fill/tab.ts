import { browser } from 'wxt/browser';
import { loadSession } from '../account';
import { openTokenDb } from '../store';
import type { FillDeps } from './filler';
import { type FrameAnswer, framePattern } from './frames';
import type { PageAnswer } from './page';

// The fill's adapters in the background: entrypoints/fill.ts injected on demand (activeTab +
// scripting), into the frames of the tab the person is using.

/** The focused window's active tab, with entrypoints/fill.ts injected into every frame it may script. */
async function preparedTab(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return null;
  // Frames the extension may not script (a cross-origin frame without its host permission) are
  // left out of `allFrames` without an error.
  await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: ['/fill.js'] });
  return tab.id;
}

async function probeActiveTab(): Promise<FrameAnswer[] | null> {
  try {
    const tabId = await preparedTab();
    if (tabId === null) return null;
    const results = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: () => globalThis.w3sFill?.(null, null) ?? null,
    });
    return results.flatMap(({ frameId, result }) =>
      result ? [{ ...(result as PageAnswer), frameId: frameId ?? 0 }] : [],
    );
  } catch {
    // A page the extension may not script (the browser's own pages, another extension's).
    return null;
  }
}

async function fillInFrame(
  frameId: number,
  secret: string,
  origin: string,
  path: string,
): Promise<PageAnswer | null> {
  try {
    const tabId = await preparedTab();
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
    now: Date.now,
  };
}
