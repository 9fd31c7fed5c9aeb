import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_DIR } from './launch';
import { SCREENSHOT_DIR, screenshot } from './screenshot';

/** The store listing's pictures (issue 15), named in docs/packaging.md and the README. */
export const STORE_DIR = join(SCREENSHOT_DIR, 'store');

const english = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
) as Record<'extName' | 'extDescription', { message: string }>;

const dataUrl = (png: Buffer): string => `data:image/png;base64,${png.toString('base64')}`;
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** A page of exactly `width`×`height` showing `body`: the built icon, the name, the description. */
async function card(context: BrowserContext, width: number, height: number, body: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const icon = dataUrl(readFileSync(join(EXTENSION_DIR, 'icons', '128.png')));
  const html = body
    .replaceAll('{icon}', icon)
    .replaceAll('{name}', escapeHtml(english.extName.message))
    .replaceAll('{description}', escapeHtml(english.extDescription.message));
  await page.setContent(`<!doctype html><html><body style="margin:0;width:${width}px;height:${height}px;overflow:hidden;
    font:16px/1.4 system-ui,sans-serif;background:linear-gradient(135deg,#eef3fd,#d5e2fb);color:#1b1d22">${html}</body></html>`);
  await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
  return page;
}

/**
 * The Chrome Web Store's 1280×800 screenshot (the popup as it is, beside the name and what it
 * does) and its 440×280 small promo tile, from the built extension's own icon and the popup
 * picture just taken (`popupPng`, which the secrets check has passed).
 */
export async function storePictures(context: BrowserContext, popupPng: Buffer): Promise<string[]> {
  mkdirSync(STORE_DIR, { recursive: true });
  const wide = await card(
    context,
    1280,
    800,
    `<div style="display:flex;align-items:center;justify-content:center;gap:72px;height:100%">
      <div style="max-width:430px"><img src="{icon}" width="96" height="96" alt="">
        <h1 style="font-size:44px;margin:24px 0 12px">{name}</h1>
        <p style="font-size:22px;margin:0;color:#3b4150">{description}</p></div>
      <img src="${dataUrl(popupPng)}" alt="" style="max-height:720px;border-radius:10px;box-shadow:0 12px 40px rgb(0 0 0/.28)">
    </div>`,
  );
  const tile = await card(
    context,
    440,
    280,
    `<div style="display:flex;flex-direction:column;justify-content:center;height:100%;padding:0 36px;box-sizing:border-box">
      <div style="display:flex;align-items:center;gap:18px"><img src="{icon}" width="72" height="72" alt="">
        <h1 style="font-size:28px;margin:0;line-height:1.15">{name}</h1></div>
      <p style="font-size:17px;margin:18px 0 0;color:#3b4150">{description}</p>
    </div>`,
  );
  const written = [
    await screenshot(wide, 'store/screenshot-1280x800'),
    await screenshot(tile, 'store/promo-small-440x280'),
  ];
  await wide.close();
  await tile.close();
  return written;
}
