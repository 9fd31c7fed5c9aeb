import type { ReadonlySignal } from '@preact/signals';
import { Component } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { absoluteTime, maskHint, relativeTime, t } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';
import { visibleName } from '../../utils/tokens';
import { RowMenu } from './RowMenu';
import { badgeKind, UseBadge } from './UseBadge';
import { useVirtualRows } from './useVirtualRows';

interface TokenListProps {
  tokens: readonly TokenRecord[];
  copiedId: string | null;
  now: number;
  onCopy(id: string): void;
  onRevoke(id: string): void;
  onFill?: (id: string) => void;
  onDetails?: (id: string) => void;
  /** The page's opening work (TokensModel.opening): the rows either side of the screenful wait for it. */
  opening?: ReadonlySignal<boolean>;
}

/** What a row's buttons call: the same object for the list's lifetime, so rows can skip redraws. */
interface RowActions {
  copy(id: string): void;
  revoke(id: string): void;
  fill(id: string): void;
  details(id: string): void;
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
  const { tokens, copiedId, now, onFill, onDetails, opening } = props;
  const count = tokens.length;
  const { box, list, first, last, tabStop } = useVirtualRows(count, opening);
  // The page passes new callbacks on each render; the rows get stable ones that call the latest.
  const latest = useRef(props);
  latest.current = props;
  const [actions] = useState<RowActions>(() => ({
    copy: (id) => latest.current.onCopy(id),
    revoke: (id) => latest.current.onRevoke(id),
    fill: (id) => latest.current.onFill?.(id),
    details: (id) => latest.current.onDetails?.(id),
  }));
  return (
    <div class="token-scroll" {...box}>
      <ul class="token-list" aria-label={t('apiTokens')} {...list}>
        {tokens.slice(first, last).map((token, i) => (
          <TokenRow
            key={token.id}
            token={token}
            count={count}
            position={first + i + 1}
            tabbable={first + i === tabStop}
            copied={copiedId === token.id}
            now={now}
            canFill={onFill !== undefined}
            canDetails={onDetails !== undefined}
            actions={actions}
          />
        ))}
      </ul>
    </div>
  );
}

interface TokenRowProps {
  token: TokenRecord;
  count: number;
  /** 1-based, in the whole list. */
  position: number;
  tabbable: boolean;
  copied: boolean;
  now: number;
  canFill: boolean;
  canDetails: boolean;
  actions: RowActions;
}

/**
 * A row is drawn again only when what it shows changed (issue 14): the page redraws the list for
 * a sync's answer, the rows either side of the screenful, each keystroke of a search. The time
 * counts only where it changes the row's age or badge.
 */
function sameRow(a: TokenRowProps, b: TokenRowProps): boolean {
  for (const key in a) {
    const k = key as keyof TokenRowProps;
    if (k !== 'now' && a[k] !== b[k]) return false;
  }
  return (
    a.now === b.now ||
    (relativeTime(a.token.createdMs, a.now) === relativeTime(b.token.createdMs, b.now) &&
      badgeKind(a.token, a.now) === badgeKind(b.token, b.now))
  );
}

/** A row that skips its redraw when `sameRow` says nothing it shows changed (preact/compat's memo, without compat). */
class TokenRow extends Component<TokenRowProps> {
  override shouldComponentUpdate(next: TokenRowProps): boolean {
    return !sameRow(this.props, next);
  }

  override render(props: TokenRowProps) {
    return rowView(props);
  }
}

function rowView(props: TokenRowProps) {
  const { token, count, position, tabbable, copied, now, canFill, canDetails, actions } = props;
  const { id, pendingRevoke: pending } = token;
  const name = visibleName(token.name);
  return (
    <li
      aria-setsize={count}
      aria-posinset={position}
      tabIndex={tabbable ? 0 : -1}
      onKeyDown={(event) => {
        if (!pending && event.key === 'Enter' && event.target === event.currentTarget) actions.copy(id);
      }}
    >
      {/* Mouse only: the keyboard's way to the same copy is Enter on the row, or its Copy button. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Enter on the row (above) copies by keyboard. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a larger target for the row's Copy button, which has the role. */}
      <div class="token-main" onClick={pending ? undefined : () => actions.copy(id)}>
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
          {canFill ? (
            <button
              type="button"
              class="quiet"
              aria-label={t('fillLabel', name)}
              onClick={() => actions.fill(id)}
            >
              {t('fill')}
            </button>
          ) : null}
          <button
            type="button"
            class="primary"
            aria-label={t(copied ? 'copiedLabel' : 'copyLabel', name)}
            onClick={() => actions.copy(id)}
          >
            {t(copied ? 'copied' : 'copy')}
          </button>
          <RowMenu
            label={t('moreActionsFor', name)}
            items={[
              ...(canDetails ? [{ label: t('details'), run: () => actions.details(id) }] : []),
              { label: t('revokeItem'), danger: true, run: () => actions.revoke(id) },
            ]}
          />
        </div>
      )}
    </li>
  );
}
