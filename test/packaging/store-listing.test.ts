import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readZip } from '../helpers/zip';
import { archive } from './output';

// What the stores check on upload (issue 15). Chrome Web Store: a 128 px icon, the name at most
// 75 characters (a short_name 12), the description at most 132
// (https://developer.chrome.com/docs/extensions/reference/manifest/name,
// https://developer.chrome.com/docs/extensions/reference/manifest/description).
// addons.mozilla.org: the name at most 50 characters and the summary (the description) 250;
// every icon the manifest names must exist and be square (addons-linter).
const LIMITS = {
  chrome: { name: 75, short_name: 12, description: 132 },
  firefox: { name: 50, short_name: 12, description: 250 },
} as const;

type Zip = Map<string, Buffer>;
type Manifest = {
  name: string;
  short_name?: string;
  description: string;
  default_locale: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
};

/** A PNG's width and height, from its IHDR chunk (https://www.w3.org/TR/png/#11IHDR). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** `__MSG_key__` as the browser shows it in `lang`, from the package's own _locales. */
function localized(zip: Zip, lang: string, value: string): string {
  const key = /^__MSG_(\w+)__$/.exec(value)?.[1];
  if (!key) return value;
  const messages = JSON.parse(zip.get(`_locales/${lang}/messages.json`)?.toString('utf8') ?? '{}');
  const message = messages[key]?.message;
  expect(message, `${lang}: ${key}`).toEqual(expect.any(String));
  return message;
}

describe.each(['chrome', 'firefox'] as const)('the %s package, as its store checks it', (store) => {
  const zip = readZip(readFileSync(archive(store)));
  const manifest = JSON.parse(zip.get('manifest.json')?.toString('utf8') ?? '{}') as Manifest;
  const languages = [...zip.keys()].flatMap(
    (path) => /^_locales\/([\w-]+)\/messages\.json$/.exec(path)?.[1] ?? [],
  );

  it('should carry every language the project has, the default among them', () => {
    expect(languages.sort()).toEqual(['de', 'en']);
    expect(languages).toContain(manifest.default_locale);
  });

  it.each(['en', 'de'])('should keep the name and description within the limits in %s', (lang) => {
    const limits = LIMITS[store];
    const name = localized(zip, lang, manifest.name);
    const description = localized(zip, lang, manifest.description);
    expect(name.trim().length).toBeGreaterThan(0);
    expect(description.trim().length).toBeGreaterThan(0);
    expect(name.length, name).toBeLessThanOrEqual(limits.name);
    expect(description.length, description).toBeLessThanOrEqual(limits.description);
    if (manifest.short_name)
      expect(localized(zip, lang, manifest.short_name).length).toBeLessThanOrEqual(limits.short_name);
  });

  it('should hold every icon it names, square PNGs of the size named, 128 px among them', () => {
    const named = { ...manifest.icons };
    expect(
      Object.keys(named)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([16, 32, 48, 128]);
    for (const [size, path] of Object.entries(named)) {
      const png = zip.get(path);
      expect(png, path).toBeDefined();
      expect(pngSize(png as Buffer)).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  it('should give the toolbar button the same icons', () => {
    expect(manifest.action?.default_icon).toEqual(manifest.icons);
  });
});
