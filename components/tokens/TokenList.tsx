import { useEffect } from 'preact/hooks';
import { absoluteTime, maskHint, relativeTime, t } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';
import { visibleName } from '../../utils/tokens';
import { RowMenu } from './RowMenu';
import { UseBadge } from './UseBadge';
import { useVirtualRows } from './useVirtualRows';

interface TokenListProps {
  tokens: readonly TokenRecord[];
  copiedId: string | null;
  now: number;
  onCopy(id: string): void;
  onRevoke(id: string): void;
  onFill?: (id: string) => void;
  onDetails?: (id: string) => void;
  /** The page's opening work is still on (TokensModel.opening): the rows either side of the screenful wait. */
  opening?: boolean;
  /**
   * How many rows the list has (TokensModel.shownCount), when `tokens` are only its first ones
   * (the list's head, painted first): the scroll bar and each row's place count them all.
   */
  total?: number;
  /** The window has reached past `tokens` (a scroll past the list's head): the rest is wanted now. */
  onMore?: () => void;
}

/**
 * The popup's compact list: name, masked secret, age, actions; virtualised. One row at a time is
 * in the tab order (a roving tabindex): arrow keys, Page Up/Down, Home and End move it, scrolling
 * the row into the rendered window first. Copy is each row's one primary action (issue 15): a
 * click anywhere on the row, Enter on it, or its Copy button. Fill sits beside it; details and
 * revoke wait in the row's menu, so the destructive action is never one slip from Copy. While a
 * revoke waits for the service, a badge stands for all of them: the token is neither used nor
 * revoked twice.
 */
export function TokenList(props: TokenListProps) {
  const { tokens, copiedId, now, onCopy, onRevoke, onFill, onDetails, opening, total, onMore } = props;
  const count = Math.max(total ?? 0, tokens.length);
  const { box, list, first, last, tabStop } = useVirtualRows(count, opening);
  const past = last > tokens.length;
  useEffect(() => {
    if (past) onMore?.();
  }, [past, onMore]);
  return (
    <div class="token-scroll" {...box}>
      <ul class="token-list" aria-label={t('apiTokens')} {...list}>
        {tokens.slice(first, last).map((token, i) => {
          const { id, pendingRevoke: pending } = token;
          const name = visibleName(token.name);
          const copied = copiedId === id;
          return (
            <li
              key={id}
              aria-setsize={count}
              aria-posinset={first + i + 1}
              tabIndex={first + i === tabStop ? 0 : -1}
              onKeyDown={(event) => {
                if (!pending && event.key === 'Enter' && event.target === event.currentTarget) onCopy(id);
              }}
            >
              {/* Mouse only: the keyboard's way to the same copy is Enter on the row, or its Copy button. */}
              {/* biome-ignore lint/a11y/useKeyWithClickEvents: Enter on the row (above) copies by keyboard. */}
              {/* biome-ignore lint/a11y/noStaticElementInteractions: a larger target for the row's Copy button, which has the role. */}
              <div class="token-main" onClick={pending ? undefined : () => onCopy(id)}>
                <div class="token-name" dir="auto" title={token.name}>
                  {name}
                </div>
                <div class="token-meta">
                  <span class="mono" title={t('maskedTitle')}>
                    {maskHint(token.hint)}
                  </span>
                  <time dateTime={token.created} title={absoluteTime(token.createdMs)}>
                    {relativeTime(token.createdMs, now)}
                  </time>
                  <UseBadge token={token} now={now} />
                </div>
              </div>
              {pending ? (
                <span
                  class="badge pending"
                  title={`${pending.lastError ? `${pending.lastError} ` : ''}${t('nextTry', absoluteTime(pending.nextAttemptAt))}`}
                >
                  {t('revokePending')}
                </span>
              ) : (
                <div class="actions">
                  {onFill ? (
                    <button
                      type="button"
                      class="quiet"
                      aria-label={t('fillLabel', name)}
                      onClick={() => onFill(id)}
                    >
                      {t('fill')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    class="primary"
                    aria-label={t(copied ? 'copiedLabel' : 'copyLabel', name)}
                    onClick={() => onCopy(id)}
                  >
                    {t(copied ? 'copied' : 'copy')}
                  </button>
                  <RowMenu
                    label={t('moreActionsFor', name)}
                    items={[
                      ...(onDetails ? [{ label: t('details'), run: () => onDetails(id) }] : []),
                      { label: t('revokeItem'), danger: true, run: () => onRevoke(id) },
                    ]}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
