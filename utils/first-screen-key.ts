import { browser } from 'wxt/browser';

/**
 * storage.session: the popup's first screen as it was last drawn (utils/first-screen.ts). Memory
 * only, readable by the extension's own pages and background only. Apart from first-screen.ts so
 * that the lock, which must forget it, needs nothing else of the popup's.
 */
export const FIRST_SCREEN_KEY = 'popupFirstScreen.v1';

/**
 * Forgets the kept first screen. The lock calls it as it locks or seals: the screen may show the
 * ends of secrets (maskHint) that a locked or sealed store no longer shows.
 */
export async function forgetFirstScreen(): Promise<void> {
  await browser.storage.session.remove(FIRST_SCREEN_KEY).catch(() => {});
}
