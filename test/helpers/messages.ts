import type english from '../../public/_locales/en/messages.json';

export type Messages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

/**
 * `browser.i18n.getMessage` as Chromium does it, for the fake browser (which throws): named
 * placeholders ($NAME$) become their content ("$1"), then $1..$9 the substitutions and $$ a "$".
 * An unknown key gives "", as in the browser.
 */
export function formatMessage(
  messages: Messages,
  key: string,
  substitutions: string | string[] = [],
): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
  const placeholders = entry.placeholders ?? {};
  return entry.message
    .replace(/\$([\w@]+)\$/g, (whole, name: string) => placeholders[name.toLowerCase()]?.content ?? whole)
    .replace(/\$(\d|\$)/g, (_, digit: string) => (digit === '$' ? '$' : (subs[Number(digit) - 1] ?? '')));
}

export type EnglishKey = keyof typeof english;
