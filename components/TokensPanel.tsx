import { useRef, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import type { TokensModel } from '../utils/tokens-model';
import type { TokenUsage } from '../utils/usage';
import { CreateTokenForm } from './CreateTokenForm';
import { EmptyState } from './EmptyState';
import { FillDialog } from './FillDialog';
import { RevokeDialog } from './RevokeDialog';
import { RevokedSection } from './RevokedSection';
import { SearchBar } from './SearchBar';
import { SyncStatus } from './SyncStatus';
import { TokenList } from './TokenList';
import { TokenTable } from './TokenTable';

interface TokensPanelProps {
  model: TokensModel;
  layout: 'popup' | 'options';
  /** Where each token was filled, for the options page's table. */
  usage?: ReadonlyMap<string, TokenUsage>;
}

/** Search, create, the tokens and their actions, shared by the popup and the options page. */
export function TokensPanel({ model, layout, usage }: TokensPanelProps) {
  const nameInput = useRef<HTMLInputElement>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const all = model.tokens.value.filter((token) => token.state !== 'revoked');
  const visible = model.visible.value;
  const now = Date.now();
  const target = revoking === null ? undefined : all.find((token) => token.id === revoking);
  const firstLoad = all.length === 0 && model.lastSyncedAt.value === null && model.error.value === null;
  const Rows = layout === 'popup' ? TokenList : TokenTable;

  return (
    <section class="field" aria-label={t('yourTokens')}>
      <CreateTokenForm existingNames={all.map((t) => t.name)} onCreate={model.create} inputRef={nameInput} />
      {model.error.value ? (
        <p class="banner error" role="alert">
          {model.error.value.message}
        </p>
      ) : null}
      <p class="notice" role="status">
        {model.notice.value}
      </p>
      {all.length > 0 ? (
        <SearchBar
          query={model.query.value}
          sort={model.sort.value}
          onQuery={(q) => {
            model.query.value = q;
          }}
          onSort={(s) => {
            model.sort.value = s;
          }}
        />
      ) : null}
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
          usage={usage}
        />
      )}
      <RevokedSection tokens={model.revoked.value} now={now} />
      <SyncStatus
        syncing={model.syncing.value}
        lastSyncedAt={model.lastSyncedAt.value}
        pending={all.filter((token) => token.state === 'pending-revoke').length}
        now={now}
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
          onConfirm={() => model.revoke(target.id)}
          onClose={() => setRevoking(null)}
        />
      ) : null}
    </section>
  );
}
