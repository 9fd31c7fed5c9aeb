import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { AccountModel } from '../../utils/account';
import { t } from '../../utils/lib';
import { dueForReview } from '../../utils/review';
import {
  type CheckOutcome,
  extraGroups,
  revokeBlock,
  type TokensModel,
  type TokenUsage,
  writeBlock,
} from '../../utils/tokens';
import { FillDialog } from '../fill/FillDialog';
import { SyncStatus } from '../sync/SyncStatus';
import { useCountdown } from '../ui/useCountdown';
import { CreateTokenForm } from './CreateTokenForm';
import { EmptyState } from './EmptyState';
import { ExtraTokens } from './ExtraTokens';
import { ReviewNotice } from './ReviewNotice';
import { RevokeDialog } from './RevokeDialog';
import { RevokedSection } from './RevokedSection';
import { SearchBar } from './SearchBar';
import type { TokenList } from './TokenList';
import type { TokenTable } from './TokenTable';

interface TokensPanelProps {
  model: TokensModel;
  layout: 'popup' | 'options';
  /** The popup's virtualised list or the options page's table: passed in, so each page bundles only its own. */
  Rows: typeof TokenList | typeof TokenTable;
  /** Where each token was filled, for the options page's table. */
  usage?: ReadonlyMap<string, TokenUsage>;
  /** Shown above the rows: the options page's copy-format choice (kept out of the popup's bundle). */
  tools?: ComponentChildren;
  /** Popup: opens a token's details (on the options page, issue 7). */
  onDetails?: (id: string) => void;
  /** Options page: starts a rotation, and the token whose details open first (from the popup). */
  onRotate?: (id: string) => void;
  openDetails?: string | null;
  /** Options page: Check token in the details (issue 13). */
  onCheck?: (id: string) => Promise<CheckOutcome>;
  /** The account's restriction turns Create off (issue 7). */
  account?: AccountModel;
}

/** Search, create, the tokens and their actions, shared by the popup and the options page. */
export function TokensPanel(props: TokensPanelProps) {
  const { model, layout, Rows, tools, usage, account, onDetails, onRotate, openDetails, onCheck } = props;
  const nameInput = useRef<HTMLInputElement>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  // Worked out once per list, not on every keystroke of a search (issue 14: 10,000 names).
  const tokens = model.tokens.value;
  const all = useMemo(() => tokens.filter((token) => token.state !== 'revoked'), [tokens]);
  const names = useMemo(() => all.map((token) => token.name), [all]);
  const extras = useMemo(() => extraGroups(all), [all]);
  const pending = useMemo(() => all.filter((token) => token.state === 'pending-revoke').length, [all]);
  const due = useMemo(() => dueForReview(all, Date.now()), [all]);
  const visible = model.visible.value;
  const now = Date.now();
  const target = revoking === null ? undefined : all.find((token) => token.id === revoking);
  const saveNote = (id: string, note: string): Promise<void> => model.annotate(id, { note });
  const saveReview = (id: string, reviewBy: number | null): Promise<void> => model.annotate(id, { reviewBy });
  // The service's state turns Create off and is its one message (issue 18).
  const standing = model.hold.value ?? model.error.value;
  const blocked = writeBlock(standing, useCountdown(standing?.retryAt));
  const error = model.error.value;
  // A rate limit's error says "wait": once the wait is over, it has nothing left to say.
  const stale = error?.code === 'rate-limited' && (error.retryAt ?? 0) <= Date.now();
  const firstLoad = all.length === 0 && model.lastSyncedAt.value === null && model.error.value === null;

  return (
    <section class="field" aria-label={t('yourTokens')}>
      <CreateTokenForm
        existingNames={names}
        onCreate={model.create}
        inputRef={nameInput}
        restriction={account?.restriction.value}
        blocked={blocked}
        draft={{ value: model.draft.value, set: model.setDraft }}
      />
      {error && !blocked && !stale ? (
        <p class="banner error" role="alert">
          {error.message}
        </p>
      ) : null}
      {extras.length > 0 ? <ExtraTokens groups={extras} model={model} /> : null}
      {layout === 'popup' ? <ReviewNotice tokens={due} onOpen={onDetails} /> : null}
      <p class="notice" role="status">
        {model.notice.value}
      </p>
      {all.length > 0 ? (
        <SearchBar
          query={model.query.value}
          sort={model.sort.value}
          onQuery={(q) => {
            model.query.value = q;
            void model.complete();
          }}
          onSort={(s) => {
            model.sort.value = s;
            void model.complete();
          }}
        />
      ) : null}
      {all.length > 0 ? tools : null}
      {firstLoad ? (
        <p class="empty">
          <span class="spinner" aria-hidden="true" /> {t('loadingTokens')}
        </p>
      ) : visible.length === 0 ? (
        <EmptyState searching={all.length > 0} onCreateFirst={() => nameInput.current?.focus()} />
      ) : (
        <Rows
          tokens={visible}
          copiedId={model.copiedId.value}
          now={now}
          onCopy={(id) => void model.copy(id)}
          onRevoke={setRevoking}
          onFill={layout === 'popup' ? (id) => void model.fill(id) : undefined}
          onDetails={onDetails}
          opening={model.opening.value}
          total={model.shownCount.value}
          onMore={model.complete}
          usage={usage}
          onSaveNote={saveNote}
          onSaveReview={saveReview}
          onRotate={onRotate}
          onCheck={onCheck}
          openDetails={openDetails}
        />
      )}
      <RevokedSection tokens={model.revoked.value} now={now} />
      <SyncStatus
        syncing={model.syncing}
        lastSyncedAt={model.lastSyncedAt}
        pending={pending}
        onSyncNow={() => void model.refresh({ now: true })}
      />
      {model.confirming.value ? (
        <FillDialog
          question={model.confirming.value}
          onFill={(q) => void model.fill(q.id, q.origin, q.top !== undefined)}
          onClose={() => {
            model.confirming.value = null;
          }}
        />
      ) : null}
      {target ? (
        <RevokeDialog
          name={target.name}
          blocked={revokeBlock(model.hold.value)}
          onConfirm={() => model.revoke(target.id)}
          onClose={() => setRevoking(null)}
        />
      ) : null}
    </section>
  );
}
