import { t } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';
import { TokenRow } from './TokenRow';
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
  const rows = useVirtualRows(count);
  return (
    <div ref={rows.scroller} class="token-scroll" onScroll={rows.onScroll}>
      <ul
        ref={rows.list}
        class="token-list"
        aria-label={t('apiTokens')}
        style={rows.style}
        onKeyDown={rows.onKeyDown}
        onFocusCapture={rows.onFocusCapture}
      >
        {tokens.slice(rows.first, rows.last).map((token, i) => (
          <TokenRow
            key={token.id}
            token={token}
            count={count}
            position={rows.first + i + 1}
            tabStop={rows.first + i === rows.tabStop}
            copiedId={copiedId}
            now={now}
            onCopy={onCopy}
            onRevoke={onRevoke}
            onFill={onFill}
            onDetails={onDetails}
          />
        ))}
      </ul>
    </div>
  );
}
