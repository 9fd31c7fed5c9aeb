import { absoluteTime, maskSecret, relativeTime, t } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';
import { isNeverUsed, visibleName } from '../../utils/tokens';
import { TokenActions } from './TokenActions';

interface TokenRowProps {
  token: TokenRecord;
  /** The number of rows in the whole list, and this row's 1-based place in it. */
  count: number;
  position: number;
  /** This row is the one in the tab order. */
  tabStop: boolean;
  copiedId: string | null;
  now: number;
  onCopy(id: string): void;
  onRevoke(id: string): void;
  onFill?: (id: string) => void;
  onDetails?: (id: string) => void;
}

/** One row of the popup's list: name, masked secret, age, actions; Enter on it copies the token. */
export function TokenRow({ token, count, position, tabStop, copiedId, now, ...on }: TokenRowProps) {
  return (
    <li
      aria-setsize={count}
      aria-posinset={position}
      tabIndex={tabStop ? 0 : -1}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) on.onCopy(token.id);
      }}
    >
      <div class="token-main">
        <div class="token-name" dir="auto" title={token.name}>
          {visibleName(token.name)}
        </div>
        <div class="token-meta">
          <span class="mono" title={t('maskedTitle')}>
            {maskSecret(token.secret)}
          </span>
          <time dateTime={token.created} title={absoluteTime(token.createdMs)}>
            {relativeTime(token.createdMs, now)}
          </time>
          {isNeverUsed(token, now) ? <span class="badge quiet-badge">{t('neverUsed')}</span> : null}
        </div>
      </div>
      <TokenActions
        token={token}
        copiedId={copiedId}
        onCopy={on.onCopy}
        onRevoke={on.onRevoke}
        onFill={on.onFill}
        onDetails={on.onDetails}
      />
    </li>
  );
}
