import { absoluteTime } from '../utils/format';
import type { PendingRevoke } from '../utils/reconcile';

interface TokenActionsProps {
  name: string;
  copied: boolean;
  /** Set while a revoke waits for the service: the token is neither copied nor revoked twice. */
  pending?: PendingRevoke | null;
  onCopy(): void;
  onRevoke(): void;
  /** Fills the token into the active tab: given in the popup only. */
  onFill?: () => void;
}

/** Copy and Revoke for one token; names include the token's so a screen reader can tell rows apart. */
export function TokenActions({ name, copied, pending, onCopy, onRevoke, onFill }: TokenActionsProps) {
  if (pending) {
    const why = pending.lastError ? `${pending.lastError} ` : '';
    return (
      <span class="badge pending" title={`${why}Next try: ${absoluteTime(pending.nextAttemptAt)}.`}>
        Revoke pending
      </span>
    );
  }
  return (
    <div class="actions">
      {onFill ? (
        <button type="button" aria-label={`Fill ${name}`} onClick={onFill}>
          Fill
        </button>
      ) : null}
      <button type="button" aria-label={copied ? `Copied ${name}` : `Copy ${name}`} onClick={onCopy}>
        {copied ? 'Copied' : 'Copy'}
      </button>
      <button type="button" class="quiet danger-text" aria-label={`Revoke ${name}`} onClick={onRevoke}>
        Revoke
      </button>
    </div>
  );
}
