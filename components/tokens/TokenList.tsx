import { absoluteTime, maskSecret, relativeTime, t } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';
import { isNeverUsed, visibleName } from '../../utils/tokens';
import { TokenActions } from './TokenActions';
import { useVirtualRows } from './useVirtualRows';

interface TokenListProps {
  tokens: readonly TokenRecord[];
  copiedId: string | null;
  now: number;
  onCopy(id: string): void;
  onRevoke(id: string): void;
  onFill?: (id: string) => void;
  onDetails?: (id: string) => void;
}

/**
 * The popup's compact list: name, masked secret, age, actions; virtualised. One row at a time is
 * in the tab order (a roving tabindex): arrow keys, Page Up/Down, Home and End move it, scrolling
 * the row into the rendered window first, and Enter on a row copies its token.
 */
export function TokenList({ tokens, copiedId, now, onCopy, onRevoke, onFill, onDetails }: TokenListProps) {
  const count = tokens.length;
  const { box, list, first, last, tabStop } = useVirtualRows(count);
  return (
    <div class="token-scroll" {...box}>
      <ul class="token-list" aria-label={t('apiTokens')} {...list}>
        {tokens.slice(first, last).map((token, i) => (
          <li
            key={token.id}
            aria-setsize={count}
            aria-posinset={first + i + 1}
            tabIndex={first + i === tabStop ? 0 : -1}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && event.target === event.currentTarget) onCopy(token.id);
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
                {token.extraOf ? (
                  <span class="badge pending">{t('extraBadge')}</span>
                ) : isNeverUsed(token, now) ? (
                  <span class="badge quiet-badge">{t('neverUsed')}</span>
                ) : null}
              </div>
            </div>
            <TokenActions
              token={token}
              copiedId={copiedId}
              onCopy={onCopy}
              onRevoke={onRevoke}
              onFill={onFill}
              onDetails={onDetails}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
