import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICON_MAP, ICON_SIZES, renderIcons } from '../../modules/icons';

let dir = '';
let files: { size: number; file: string }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'icons-'));
  files = await renderIcons(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('renderIcons', () => {
  it('should render every size the manifests name, and only those', () => {
    expect(files.map((f) => f.size)).toEqual([16, 32, 48, 128]);
    expect(Object.keys(ICON_MAP).map(Number)).toEqual([...ICON_SIZES]);
  });

  it.each([...ICON_SIZES])(
    'should render %i px as a square PNG of that size, with transparency',
    async (size) => {
      const file = files.find((f) => f.size === size)?.file as string;
      const meta = await sharp(file).metadata();
      expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', size, size, true]);
      expect((await readFile(file)).subarray(1, 4).toString()).toBe('PNG');
    },
  );

  it.each([...ICON_SIZES])('should draw a tile that fills %i px, with a light key on it', async (size) => {
    const file = files.find((f) => f.size === size)?.file as string;
    const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number): number[] => {
      const i = (y * info.width + x) * info.channels;
      return [...data.subarray(i, i + info.channels)];
    };
    const mid = Math.floor(size / 2);
    // The corner is transparent (rounded), the tile's inside opaque blue, the key white.
    expect(at(0, 0)[3]).toBeLessThan(64);
    const blue = at(Math.floor(size * 0.22), Math.floor(size * 0.2));
    expect(blue[2]).toBeGreaterThan(150);
    expect(blue[0]).toBeLessThan(100);
    const key = at(Math.floor(size * 0.66), mid);
    expect(Math.min(...key.slice(0, 3))).toBeGreaterThan(180);
  });
});
