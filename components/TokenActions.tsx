import { absoluteTime } from '../utils/format';
import { visibleName } from '../utils/names';
import type { TokenRecord } from '../utils/reconcile';

interface TokenActionsProps {
  token: TokenRecord;
  copiedId: string | null;
  onCopy(id: string): void;
  onRevoke(id: string): void;
  /** Fills the token into the active tab: given in the popup only. */
  onFill?: (id: string) => void;
}

/**
 * Fill, Copy and Revoke for one token; names include the token's so a screen reader can tell rows
 * apart. While a revoke waits for the service, a badge replaces them: the token is neither used
 * nor revoked twice.
 */
export function TokenActions({ token, copiedId, onCopy, onRevoke, onFill }: TokenActionsProps) {
  const { id, pendingRevoke: pending } = token;
  const name = visibleName(token.name);
  if (pending) {
    const why = pending.lastError ? `${pending.lastError} ` : '';
    return (
      <span class="badge pending" title={`${why}Next try: ${absoluteTime(pending.nextAttemptAt)}.`}>
        Revoke pending
      </span>
    );
  }
  const copied = copiedId === id;
  return (
    <div class="actions">
      {onFill ? (
        <button type="button" aria-label={`Fill ${name}`} onClick={() => onFill(id)}>
          Fill
        </button>
      ) : null}
      <button
        type="button"
        aria-label={copied ? `Copied ${name}` : `Copy ${name}`}
        onClick={() => onCopy(id)}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
      <button
        type="button"
        class="quiet danger-text"
        aria-label={`Revoke ${name}`}
        onClick={() => onRevoke(id)}
      >
        Revoke
      </button>
    </div>
  );
}
