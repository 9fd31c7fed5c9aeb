import { absoluteTime, t } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';
import { visibleName } from '../../utils/tokens';

interface TokenActionsProps {
  token: TokenRecord;
  copiedId: string | null;
  onCopy(id: string): void;
  onRevoke(id: string): void;
  /** Opens or closes the token's details row (issue 7); `detailsOpen` says which. */
  onDetails(id: string): void;
  detailsOpen: boolean;
}

/**
 * The options table's Details, Copy and Revoke for one token (the popup's rows are
 * TokenList's own); names include the token's so a screen reader can tell rows
 * apart. While a revoke waits for the service, a badge replaces them: the token is neither used
 * nor revoked twice.
 */
export function TokenActions({
  token,
  copiedId,
  onCopy,
  onRevoke,
  onDetails,
  detailsOpen,
}: TokenActionsProps) {
  const { id, pendingRevoke: pending } = token;
  const name = visibleName(token.name);
  if (pending) {
    const why = pending.lastError ? `${pending.lastError} ` : '';
    return (
      <span class="badge pending" title={`${why}${t('nextTry', absoluteTime(pending.nextAttemptAt))}`}>
        {t('revokePending')}
      </span>
    );
  }
  const copied = copiedId === id;
  return (
    <div class="actions">
      <button
        type="button"
        class="quiet details-button"
        aria-label={t('detailsOf', name)}
        aria-expanded={detailsOpen}
        onClick={() => onDetails(id)}
      >
        {t('details')}
      </button>
      <button
        type="button"
        aria-label={copied ? t('copiedLabel', name) : t('copyLabel', name)}
        onClick={() => onCopy(id)}
      >
        {copied ? t('copied') : t('copy')}
      </button>
      <button
        type="button"
        class="quiet danger-text"
        aria-label={t('revokeLabel', name)}
        onClick={() => onRevoke(id)}
      >
        {t('revoke')}
      </button>
    </div>
  );
}
