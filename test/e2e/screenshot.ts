import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ToolbarPopup } from './toolbar-popup';

/** Committed next to the tests: the README shows these pictures. */
export const SCREENSHOT_DIR = join(import.meta.dirname, 'screenshots');

// Everything a person could read on the page, including what sits in form fields.
const VISIBLE_TEXT = `[document.body.innerText, ...[...document.querySelectorAll('input, textarea')].map((el) => el.value)].join('\\n')`;

/**
 * Saves `test/e2e/screenshots/<name>.png`. The pictures are published, so pass every secret the
 * test knows as `secrets`: the screenshot is refused while any of them is readable in full.
 */
export async function screenshot(
  target: Page | ToolbarPopup,
  name: string,
  { secrets = [] }: { secrets?: readonly string[] } = {},
): Promise<string> {
  const text =
    'goto' in target ? await target.evaluate(VISIBLE_TEXT) : await target.evaluate<string>(VISIBLE_TEXT);
  const shown = secrets.filter((secret) => secret !== '' && String(text).includes(secret));
  if (shown.length > 0) throw new Error(`screenshot "${name}" refused: a full secret is on screen`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path });
  else await target.screenshot(path);
  return path;
}
