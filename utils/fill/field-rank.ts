/**
 * Which form field a token goes into (issue 4), as plain data in and out: the fill script
 * (utils/fill/page.ts) reads these facts off the page, this file decides.
 */
export interface FieldFacts {
  tag: 'input' | 'textarea';
  /** The `type` attribute, lower case ('' for a textarea). */
  type: string;
  /** name, id, labels, placeholder, aria-label and autocomplete, joined. */
  text: string;
  disabled: boolean;
  readOnly: boolean;
  /** Why a person cannot see the field (seen.ts), or null when they can. */
  skip: Skip | null;
}

export type Skip =
  | 'type'
  | 'hidden'
  | 'disabled'
  | 'read-only'
  | 'tiny'
  | 'clipped'
  | 'transparent'
  | 'style'
  | 'covered'
  /** The frame holding it is not seen, or cannot be matched to its element. */
  | 'frame';

// Text-like input types a token can go in; password is allowed (many consoles mask tokens).
const TEXT_TYPES = new Set(['', 'text', 'password', 'search', 'url']);
export const MIN_SIZE_PX = 8;
export const MIN_OPACITY = 0.7;

/**
 * Why a field must not receive a token, or null when it may. Invisible, tiny, see-through and
 * covered fields are how clickjacking pages steal what an extension fills (the 2025 "DOM-based
 * extension clickjacking" reports), so they never qualify, even when focused.
 */
export function skipReason(f: FieldFacts): Skip | null {
  if (f.tag === 'input' && !TEXT_TYPES.has(f.type)) return f.type === 'hidden' ? 'hidden' : 'type';
  if (f.skip === 'hidden') return 'hidden';
  if (f.disabled) return 'disabled';
  if (f.readOnly) return 'read-only';
  return f.skip;
}

// Strongest first: "api key" says more than "token", which says more than "secret".
const HINTS: ReadonlyArray<[RegExp, number]> = [
  [/api[\s_-]*key|apikey/i, 8],
  [/bearer|authori[sz]ation/i, 6],
  [/token/i, 5],
  [/secret/i, 4],
  [/\bkey\b/i, 2],
];

/** How strongly a field's names and labels ask for a token (its strongest hint); 0 when they do not. */
export function fieldScore(f: FieldFacts): number {
  return HINTS.find(([pattern]) => pattern.test(f.text))?.[1] ?? 0;
}

/** The index of the best field that may receive a token and asks for one, or -1. Ties go to the first. */
export function pickField(fields: readonly FieldFacts[]): number {
  let best = -1;
  let bestScore = 0;
  fields.forEach((f, i) => {
    const score = skipReason(f) === null ? fieldScore(f) : 0;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}
