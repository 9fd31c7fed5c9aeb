import { browser } from 'wxt/browser';
import { askToClear } from './channel';
import type { CopiedMark } from './copy';
import { type ClearOutcome, clearIfUnchanged } from './dom';

const OFFSCREEN_PATH = '/offscreen.html';
let open: Promise<void> | null = null;

/**
 * Clears the clipboard from the background if it still holds the copy `mark` describes. A
 * Chromium service worker has no DOM: the work goes to an offscreen document made for it and
 * closed after. Firefox has no offscreen API but its background page has a document of its own.
 */
export async function clearClipboard(mark: CopiedMark): Promise<ClearOutcome> {
  const offscreen = (browser as Partial<typeof browser>).offscreen;
  if (!offscreen?.createDocument) return clearIfUnchanged(mark);
  open ??= offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['CLIPBOARD'],
      justification: 'Clear a copied API token from the clipboard after the delay the person chose.',
    })
    // Left open by a service worker that stopped mid-way: use it.
    .catch(() => {});
  try {
    await open;
    return await askToClear(mark);
  } finally {
    open = null;
    await offscreen.closeDocument().catch(() => {});
  }
}
