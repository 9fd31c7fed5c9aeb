import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, type Messages } from './helpers/messages';

const ROOT = join(import.meta.dirname, '..');
const LOCALES = join(ROOT, 'public/_locales');
const read = (lang: string): Messages =>
  JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Messages;
const english = read('en');
const others = readdirSync(LOCALES).filter((lang) => lang !== 'en');

/** The $NAME$ placeholders a message uses, sorted, lower-cased as Chromium matches them. */
const used = (message: string): string[] =>
  [...message.matchAll(/\$([\w@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase()).sort();

// The languages people get: browser.i18n falls back to English key by key, so a key missing in
// German would show English in the middle of a German page without any error.
describe('locales', () => {
  it('should ship English and German', () => {
    expect(others).toContain('de');
  });

  it.each(others)('should give %s exactly the English keys', (lang) => {
    expect(Object.keys(read(lang)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(['en', ...others])(
    'should have no empty message and declare every placeholder used in %s',
    (lang) => {
      for (const [key, entry] of Object.entries(read(lang))) {
        expect(entry.message.trim(), key).not.toBe('');
        expect(used(entry.message), key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
      }
    },
  );

  it.each(others)('should give every %s placeholder the English substitution', (lang) => {
    const messages = read(lang);
    for (const [key, entry] of Object.entries(english)) {
      expect(messages[key]?.placeholders, key).toEqual(entry.placeholders);
    }
  });

  it('should substitute in German where the German sentence puts it', () => {
    expect(formatMessage(read('de'), 'fillTitle', ['CI', 'example.com'])).toBe(
      '„CI“ in example.com einsetzen?',
    );
  });

  it('should use every English key somewhere in the extension', () => {
    const sources = ['components', 'utils', 'entrypoints']
      .flatMap((dir) =>
        readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)),
      )
      .filter((file) => /\.(tsx?|html)$/.test(file))
      .concat('wxt.config.ts')
      .map((file) => readFileSync(join(ROOT, file), 'utf8'))
      .join('\n');
    const unused = Object.keys(english).filter(
      (key) => !sources.includes(`'${key}'`) && !sources.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });
});
