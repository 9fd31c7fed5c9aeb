import { compareNames } from './collate';
import { t, uiLanguage } from './i18n';

/**
 * What a person sees of a secret: a short tail, never enough to use. The full secret stays in
 * memory and IndexedDB and never reaches the page's DOM.
 */
export function maskSecret(secret: string): string {
  return maskHint(secretHint(secret));
}

/** The last characters of a secret a row may show (none of a short one: too much of it). */
export function secretHint(secret: string): string | undefined {
  return secret.length <= 12 ? undefined : secret.slice(-6);
}

/** A row's secret as shown: dots, then the hint kept for it (utils/store keeps none while locked). */
export function maskHint(hint: string | undefined): string {
  return `••••••••${hint ?? ''}`;
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

// Making an Intl formatter costs far more than using one, and every row of a list formats two
// dates on every render: one formatter per locale, made on first use (issue 6).
const relativeFormats = new Map<string | undefined, Intl.RelativeTimeFormat>();
const absoluteFormats = new Map<string | undefined, Intl.DateTimeFormat>();

function cached<T>(formats: Map<string | undefined, T>, locale: string | undefined, make: () => T): T {
  let format = formats.get(locale);
  if (format === undefined) {
    format = make();
    formats.set(locale, format);
  }
  return format;
}

/**
 * Makes the UI language's date formatters, and the collator of the names' order, ahead of the
 * first list (issue 14): a page calls it while it waits for its reads, so that the first render
 * does not make them (each takes 0.1–3 ms, more the first time in a process).
 */
export function prepareFormats(locale: string = uiLanguage()): void {
  relativeTime(0, 0, locale);
  absoluteTime(0, locale);
  compareNames({ id: '1', name: '' }, { id: '2', name: '' });
}

/**
 * The first moment after `nowMs` at which relativeTime(thenMs, ·) reads otherwise than at `nowMs`
 * ("just now" becomes "1 minute ago", "3 days ago" becomes "4 days ago"), in any language: the
 * words change only with the unit and the count.
 */
export function steadyUntil(thenMs: number, nowMs: number): number {
  const diff = thenMs - nowMs;
  const sizes = UNITS.map(([, size]) => size);
  const at = sizes.findIndex((size) => Math.abs(diff) >= size);
  const size = sizes[at];
  // "Just now", either side: until a minute has passed since then.
  if (size === undefined) return thenMs + (sizes.at(-1) as number);
  const count = Math.trunc(Math.abs(diff) / size);
  // Still to come: the count drops once less than `count` units are left.
  if (diff > 0) return nowMs + (diff - count * size) + 1;
  // Gone by: the count grows, or the next larger unit takes over, whichever comes first.
  return nowMs + Math.min((count + 1) * size, sizes[at - 1] ?? Number.POSITIVE_INFINITY) + diff;
}

let steady: number | null = null;

/**
 * Notes every time relativeTime formats from now on, and hands back (once) until when all of
 * them still read the same (steadyUntil): what a screen kept to be shown again may say
 * (utils/first-screen.ts). Number.MAX_SAFE_INTEGER when nothing was formatted.
 */
export function noteSteadiness(): () => number {
  steady = Number.MAX_SAFE_INTEGER;
  return () => {
    const until = steady ?? Number.MAX_SAFE_INTEGER;
    steady = null;
    return until;
  };
}

/** "3 days ago", "just now", in the UI language unless a test pins `locale`. */
export function relativeTime(thenMs: number, nowMs: number, locale: string = uiLanguage()): string {
  if (steady !== null) steady = Math.min(steady, steadyUntil(thenMs, nowMs));
  const diff = thenMs - nowMs;
  const format = cached(
    relativeFormats,
    locale,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  );
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return format.format(Math.trunc(diff / size), unit);
  }
  return t('justNow');
}

/** "22 Nov 2026, 17:06" in the UI language unless a test pins `locale`. */
export function absoluteTime(ms: number, locale: string = uiLanguage()): string {
  const format = cached(
    absoluteFormats,
    locale,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  );
  return format.format(ms);
}

const dateFormats = new Map<string | undefined, Intl.DateTimeFormat>();

/** "5 Mar 2027": a day without its time (a review date, issue 15), in the UI language. */
export function absoluteDate(ms: number, locale: string = uiLanguage()): string {
  return cached(dateFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(
    ms,
  );
}

/** "0:27", "2:05": what is left of a wait, to the second (a rate limit's countdown, issue 18). */
export function countdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
