export type SortKey = 'name' | 'newest' | 'oldest';

export const SORT_LABELS: Record<SortKey, string> = {
  name: 'Name A–Z',
  newest: 'Newest first',
  oldest: 'Oldest first',
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
  return tokens.filter((token) => fold(token.name.toLocaleLowerCase()).includes(folded));
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
