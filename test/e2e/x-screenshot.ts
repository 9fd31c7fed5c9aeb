import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { SCREENSHOT_DIR } from './screenshot';
import type { XDisplay } from './x-display';

// The browser's own bars (the toolbar button, its badge) are no part of any page: no page
// screenshot shows them. This takes the whole virtual screen with xwd (Debian's x11-apps, which
// .ci/run installs) and turns X's window dump into a PNG with sharp.

const XWD = '/usr/bin/xwd';
const run = promisify(execFile);

/** Why a screen picture cannot be taken here, or null. */
export function missingXwd(): string | null {
  return existsSync(XWD) ? null : 'needs xwd (apt-get install x11-apps)';
}

export interface Area {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The pixels of an XWD file (X Window Dump, version 7) as RGB: a 100-byte header of big-endian
 * 32-bit fields, the window's name, the colour map, then the rows. Only true-colour dumps of 24
 * or 32 bits per pixel, which is what Xvfb's 24-bit screens give.
 */
export function decodeXwd(file: Buffer): { width: number; height: number; rgb: Buffer } {
  const field = (i: number): number => file.readUInt32BE(i * 4);
  const [headerSize, version, format] = [field(0), field(1), field(2)];
  if (version !== 7 || format !== 2)
    throw new Error(`not a ZPixmap XWD v7 dump (v${version}, format ${format})`);
  const [width, height, byteOrder, bitsPerPixel, bytesPerLine] = [
    field(4),
    field(5),
    field(7),
    field(11),
    field(12),
  ];
  const masks = [field(14), field(15), field(16)];
  const colours = field(19);
  if (bitsPerPixel !== 32 && bitsPerPixel !== 24)
    throw new Error(`${bitsPerPixel} bits per pixel is not handled`);
  const start = headerSize + colours * 12;
  const bytes = bitsPerPixel / 8;
  const rgb = Buffer.alloc(width * height * 3);
  const shifts = masks.map((mask) => Math.log2(mask & -mask));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = start + y * bytesPerLine + x * bytes;
      const pixel =
        bytes === 4
          ? byteOrder === 0
            ? file.readUInt32LE(at)
            : file.readUInt32BE(at)
          : byteOrder === 0
            ? file.readUIntLE(at, 3)
            : file.readUIntBE(at, 3);
      masks.forEach((mask, c) => {
        rgb[(y * width + x) * 3 + c] = (pixel & mask) >>> (shifts[c] ?? 0);
      });
    }
  }
  return { width, height, rgb };
}

/** Saves `test/e2e/screenshots/<name>.png`: the X screen, or the `area` of it. */
export async function screenPicture(x: XDisplay, name: string, area?: Area): Promise<string> {
  const { stdout } = await run(XWD, ['-root', '-silent', '-display', x.name], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  const { width, height, rgb } = decodeXwd(stdout);
  let image = sharp(rgb, { raw: { width, height, channels: 3 } });
  if (area) image = image.extract(area);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await image.png().toFile(path);
  return path;
}
