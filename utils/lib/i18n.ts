import { browser } from 'wxt/browser';
import type english from '../../public/_locales/en/messages.json';

/**
 * Every user-facing string goes through here. Keys live in `public/_locales/<lang>/messages.json`
 * (English is the reference and the fallback: `default_locale: 'en'`); the type comes from the
 * English file, so a missing key fails `tsc`. Substitutions fill the key's placeholders in order:
 * `$1` is the first, as in https://developer.chrome.com/docs/extensions/reference/api/i18n.
 */
export type MessageKey = keyof typeof english;

export type Substitution = string | number;

// A page's messages do not change while it is open, and each one asked crosses into the browser's
// bindings: each message is asked once (issue 14: the popup asks dozens on its first render, three
// per row with the token's name in them). One with substitutions is asked with numbered marks in
// them, which are then filled here, in one pass, so a substitution is never read for marks.
const asked = new Map<string, string>();
const EDGE = '\u0002';
const MARK = new RegExp(`${EDGE}(\\d+)${EDGE}`, 'g');

function message(key: MessageKey, count: number): string {
  const known = `${key} ${count}`;
  let text = asked.get(known);
  if (text === undefined) {
    const marks = Array.from({ length: count }, (_, i) => `${EDGE}${i}${EDGE}`);
    text = count > 0 ? browser.i18n.getMessage(key, marks) : browser.i18n.getMessage(key);
    asked.set(known, text);
  }
  return text;
}

/** The message `key` in the browser's UI language, with `substitutions` in its placeholders. */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  const text = message(key, substitutions.length);
  if (substitutions.length === 0) return text;
  return text.replace(MARK, (_, i: string) => String(substitutions[Number(i)]));
}

// A character no message contains, to find where the first substitution went.
const SLOT = '\u0001';

/**
 * The message around its first placeholder, for a component that puts markup there
 * (`<bdi>{name}</bdi>`, `<strong>`): `[before, after]`. Later substitutions are filled as in `t`.
 */
export function tAround(key: MessageKey, ...rest: Substitution[]): [before: string, after: string] {
  const [before = '', after = ''] = t(key, SLOT, ...rest).split(SLOT);
  return [before, after];
}

/** The language the UI is shown in ("de", "en-US"), for Intl dates and numbers. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** Puts the page's title and `lang` in the UI language (the HTML files hold the English ones). */
export function localizeDocument(doc: Pick<Document, 'title' | 'documentElement'> = document): void {
  doc.documentElement.lang = uiLanguage();
  doc.title = t('pageTitle');
}
