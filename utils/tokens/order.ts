import type { MessageKey } from '../lib';

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
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Case- and accent-insensitive match on the name. Secrets are never searched: they are not shown. */
export function filterTokens<T extends Sortable>(tokens: readonly T[], query: string): T[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return [...tokens];
  const folded = fold(needle);
  return tokens.filter((token) => foldedName(token).includes(folded));
}

// Folding costs more than matching: each record's folded name is kept as long as the record, so
// a keystroke over 10,000 names only matches (issue 6). Records are replaced, not edited, but the
// name is checked all the same.
const foldedNames = new WeakMap<Sortable, { name: string; folded: string }>();

function foldedName(token: Sortable): string {
  const known = foldedNames.get(token);
  if (known?.name === token.name) return known.folded;
  const folded = fold(token.name.toLocaleLowerCase());
  foldedNames.set(token, { name: token.name, folded });
  return folded;
}

/** The service returns tokens in no order (no ORDER BY), so the client always sorts; ties break by id. */
export function sortTokens<T extends Sortable>(tokens: readonly T[], key: SortKey): T[] {
  const byId = (a: T, b: T): number => a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const compare: Record<SortKey, (a: T, b: T) => number> = {
    name: (a, b) => collator.compare(a.name, b.name) || byId(a, b),
    newest: (a, b) => b.createdMs - a.createdMs || byId(b, a),
    oldest: (a, b) => a.createdMs - b.createdMs || byId(a, b),
  };
  return [...tokens].sort(compare[key]);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}
