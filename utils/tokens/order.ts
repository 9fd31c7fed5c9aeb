import { compareIds, compareNames, type MessageKey } from '../lib';

export type SortKey = 'name' | 'newest' | 'oldest';

/** Each order's label, as a message key (utils/lib/i18n.ts). */
export const SORT_LABELS: Record<SortKey, MessageKey> = {
  name: 'sortName',
  newest: 'sortNewest',
  oldest: 'sortOldest',
};

interface Sortable {
  id: string;
  name: string;
  createdMs: number;
  /** The person's note (issue 7): searched too (issue 15). */
  note?: string;
}

/** Case- and accent-insensitive match on the name or the note. Secrets are never searched: they are not shown. */
export function filterTokens<T extends Sortable>(tokens: readonly T[], query: string): T[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return [...tokens];
  const folded = fold(needle);
  return tokens.filter((token) => foldedText(token).includes(folded));
}

// Folding costs more than matching: each record's folded name and note are kept as long as the
// record, so a keystroke over 10,000 names only matches (issue 6). Records are replaced, not
// edited, but the text is checked all the same. A line break parts name and note, so a query
// never matches across the two (it is one line: the search box has no line breaks).
const foldedTexts = new WeakMap<Sortable, { text: string; folded: string }>();

function foldedText(token: Sortable): string {
  const text = token.note ? `${token.name}\n${token.note}` : token.name;
  const known = foldedTexts.get(token);
  if (known?.text === text) return known.folded;
  const folded = fold(text.toLocaleLowerCase());
  foldedTexts.set(token, { text, folded });
  return folded;
}

/**
 * The service returns tokens in no order (no ORDER BY), so the client always sorts; ties break by
 * id. The store keeps each list in name order (utils/store/layout.ts), so sorting by name, the
 * popup's first paint, is one pass of checks (issue 14).
 */
export function sortTokens<T extends Sortable>(tokens: readonly T[], key: SortKey): T[] {
  const compare: Record<SortKey, (a: T, b: T) => number> = {
    name: compareNames,
    newest: (a, b) => b.createdMs - a.createdMs || compareIds(b.id, a.id),
    oldest: (a, b) => a.createdMs - b.createdMs || compareIds(a.id, b.id),
  };
  return [...tokens].sort(compare[key]);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}
