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
// bindings: a message without substitutions is asked once (issue 14: the popup asks dozens of
// them on its first render).
const plain = new Map<MessageKey, string>();

/** The message `key` in the browser's UI language, with `substitutions` in its placeholders. */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  if (substitutions.length > 0) return browser.i18n.getMessage(key, substitutions.map(String));
  let message = plain.get(key);
  if (message === undefined) {
    message = browser.i18n.getMessage(key);
    plain.set(key, message);
  }
  return message;
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
