import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { AppError } from '../lib';
import type { TokenRecord } from '../store';
import type { CopyFormat } from './copy-format';
import { filterTokens, type SortKey, sortTokens } from './order';
import type { FillQuestion, TokensModel, ViewState } from './types';

/** The model's signals and the values computed from them; the actions write them. */
export type TokensState = Omit<
  TokensModel,
  | 'start'
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
};

/** The list and view state of a page: what it shows, searched and sorted. */
export function createListState(): TokensState {
  const tokens = signal<TokenRecord[]>([]);
  const query = signal('');
  const sort = signal<SortKey>('name');
  const live = computed(() => tokens.value.filter((t) => t.state !== 'revoked'));
  // Sorted once per change of the list or the order; a search only filters, which keeps the order.
  const sorted = computed(() => sortTokens(live.value, sort.value));
  const visible = computed(() => filterTokens(sorted.value, query.value));
  const revoked = computed(() =>
    tokens.value.filter((t) => t.state === 'revoked').sort((a, b) => (b.revokedAt ?? 0) - (a.revokedAt ?? 0)),
  );
  return {
    state: signal<ViewState>('loading'),
    tokens,
    visible,
    revoked,
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
