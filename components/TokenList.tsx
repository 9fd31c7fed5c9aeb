import { absoluteTime, maskSecret, relativeTime } from '../utils/format';
import type { TokenRecord } from '../utils/reconcile';
import { TokenActions } from './TokenActions';

interface TokenListProps {
  tokens: readonly TokenRecord[];
  copiedId: string | null;
  now: number;
  onCopy(id: string): void;
  onRevoke(id: string): void;
}

/** The popup's compact list: name, masked secret, age, actions. */
export function TokenList({ tokens, copiedId, now, onCopy, onRevoke }: TokenListProps) {
  return (
    <ul class="token-list" aria-label="API tokens">
      {tokens.map((token) => (
        <li key={token.id}>
          <div class="token-main">
            <div class="token-name" dir="auto" title={token.name}>
              {token.name}
            </div>
            <div class="token-meta">
              <span class="mono" title="The last characters of the token">
                {maskSecret(token.secret)}
              </span>
              <time dateTime={token.created} title={absoluteTime(token.createdMs)}>
                {relativeTime(token.createdMs, now)}
              </time>
            </div>
          </div>
          <TokenActions
            name={token.name}
            copied={copiedId === token.id}
            pending={token.pendingRevoke}
            onCopy={() => onCopy(token.id)}
            onRevoke={() => onRevoke(token.id)}
          />
        </li>
      ))}
    </ul>
  );
}
