import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { defineWxtModule } from 'wxt/modules';

// A WXT module (https://wxt.dev/guide/essentials/wxt-modules.html), loaded by WXT from modules/:
// every build renders the icons from assets/icon.svg into .wxt/ (generated, never committed) and
// copies them in like files of public/. Here, not in scripts/, so the sources archive Mozilla's
// review rebuilds from holds it (wxt.config.ts `zip`).

/** The one drawing every icon comes from (issue 15). */
export const ICON_SOURCE = resolve(import.meta.dirname, '../assets/icon.svg');
/** Toolbar (16, 32), extensions page (48) and store listing (128), as both stores ask. */
export const ICON_SIZES = [16, 32, 48, 128] as const;
/** Where each size lands in the extension, as the manifest names it. */
export const iconPath = (size: number): string => `icons/${size}.png`;
/** The manifest's map of size to file, for `icons` and `action.default_icon`. */
export const ICON_MAP: Record<string, string> = Object.fromEntries(ICON_SIZES.map((s) => [s, iconPath(s)]));

// The drawing's own size (its viewBox): each size is rendered from the vector at its own scale,
// never shrunk from a bigger bitmap, so 16 px keeps edges as sharp as the renderer can make them.
const DRAWN_PX = 128;

/** Renders `source` (an SVG) to one PNG per size in `outDir` (`<size>.png`); returns the files, smallest first. */
export async function renderIcons(
  outDir: string,
  source = ICON_SOURCE,
  sizes: readonly number[] = ICON_SIZES,
): Promise<{ size: number; file: string }[]> {
  await mkdir(outDir, { recursive: true });
  return Promise.all(
    sizes.map(async (size) => {
      const file = join(outDir, `${size}.png`);
      // librsvg renders at 72 dpi by default: the density scales the drawing to `size` pixels.
      await sharp(source, { density: (72 * size) / DRAWN_PX })
        .resize(size, size)
        .png({ compressionLevel: 9 })
        .toFile(file);
      return { size, file };
    }),
  );
}

export default defineWxtModule({
  name: 'icons',
  setup(wxt) {
    wxt.hook('build:publicAssets', async (_wxt, files) => {
      for (const { size, file } of await renderIcons(resolve(wxt.config.wxtDir, 'icons')))
        files.push({ absoluteSrc: file, relativeDest: iconPath(size) });
    });
  },
});
