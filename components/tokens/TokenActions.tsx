import { absoluteTime, t } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';
import { visibleName } from '../../utils/tokens';

interface TokenActionsProps {
  token: TokenRecord;
  copiedId: string | null;
  onCopy(id: string): void;
  onRevoke(id: string): void;
  /** Fills the token into the active tab: given in the popup only. */
  onFill?: (id: string) => void;
  /** Opens the token's details (issue 7); `detailsOpen` marks a disclosure that is open. */
  onDetails?: (id: string) => void;
  detailsOpen?: boolean;
}

/**
 * Fill, Copy and Revoke for one token; names include the token's so a screen reader can tell rows
 * apart. While a revoke waits for the service, a badge replaces them: the token is neither used
 * nor revoked twice.
 */
export function TokenActions({
  token,
  copiedId,
  onCopy,
  onRevoke,
  onFill,
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
      {onDetails ? (
        <button
          type="button"
          class="quiet details-button"
          aria-label={t(detailsOpen === undefined ? 'infoOf' : 'detailsOf', name)}
          aria-expanded={detailsOpen}
          title={t('details')}
          onClick={() => onDetails(id)}
        >
          {detailsOpen === undefined ? t('info') : t('details')}
        </button>
      ) : null}
      {onFill ? (
        <button type="button" aria-label={t('fillLabel', name)} onClick={() => onFill(id)}>
          {t('fill')}
        </button>
      ) : null}
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
