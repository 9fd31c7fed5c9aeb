import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { AppError } from '../lib';
import { HEAD_ROWS, type TokenRecord } from '../store';
import type { CopyFormat } from './copy-format';
import { filterTokens, type SortKey, sortTokens } from './order';
import type { FillQuestion, TokensModel, ViewState } from './types';

/** The model's signals and the values computed from them; the actions write them. */
export type TokensState = Omit<
  TokensModel,
  | 'start'
  | 'complete'
  | 'refresh'
  | 'create'
  | 'revoke'
  | 'copy'
  | 'fill'
  | 'setCopyFormat'
  | 'annotate'
  | 'revokeExtras'
  | 'keepExtras'
  | 'setDraft'
> & {
  /** Active and pending-revoke tokens, in no particular order. */
  live: ReadonlySignal<TokenRecord[]>;
  /**
   * Set while `tokens` are only the list's head, painted first (store PaintedList `partial`):
   * how many tokens of the whole list are not revoked. Cleared by whatever shows the whole list
   * (its read after the paint, a sync's answer); an edit of a token shown keeps it.
   */
  head: Signal<{ live: number } | null>;
};

/** The list and view state of a page: what it shows, searched and sorted. */
export function createListState(): TokensState {
  const tokens = signal<TokenRecord[]>([]);
  const query = signal('');
  const sort = signal<SortKey>('name');
  const live = computed(() => tokens.value.filter((t) => t.state !== 'revoked'));
  // Sorted once per change of the list or the order; a search only filters, which keeps the order.
  const sorted = computed(() => sortTokens(live.value, sort.value));
  const head = signal<{ live: number } | null>(null);
  // Only the head's own first rows are the list's first rows (the rest of it are rows shown
  // beside the list, store headOf): a search or another order shows what the head has meanwhile.
  const partial = computed(() => {
    const shown = head.value;
    return shown && query.value.trim() === '' && sort.value === 'name' ? shown : null;
  });
  const visible = computed(() => {
    const found = filterTokens(sorted.value, query.value);
    return partial.value ? found.slice(0, HEAD_ROWS) : found;
  });
  const shownCount = computed(() => partial.value?.live ?? visible.value.length);
  const revoked = computed(() =>
    tokens.value.filter((t) => t.state === 'revoked').sort((a, b) => (b.revokedAt ?? 0) - (a.revokedAt ?? 0)),
  );
  return {
    state: signal<ViewState>('loading'),
    tokens,
    visible,
    revoked,
    shownCount,
    head,
    query,
    sort,
    syncing: signal(false),
    opening: signal(false),
    lastSyncedAt: signal<number | null>(null),
    error: signal<AppError | null>(null),
    hold: signal<AppError | null>(null),
    notice: signal<string | null>(null),
    draft: signal(''),
    copiedId: signal<string | null>(null),
    email: signal(''),
    confirming: signal<FillQuestion | null>(null),
    copyFormat: signal<CopyFormat>('raw'),
    live,
  };
}
