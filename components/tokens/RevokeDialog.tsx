import { useState } from 'preact/hooks';
import type { Result } from '../../utils/lib';
import { t, tAround } from '../../utils/lib';
import { visibleName } from '../../utils/tokens';
import { useModalDialog } from '../ui/useModalDialog';

interface RevokeDialogProps {
  name: string;
  /** What revoking does, when not one token's usual words (the extras of one click, issue 18). */
  text?: string;
  /** Why revoking is off now (the service is read-only, issue 18), or null. */
  blocked?: string | null;
  onConfirm(): Promise<Result<void>>;
  onClose(): void;
}

/**
 * A modal confirmation that names the token. The native <dialog> traps focus and gives it back on
 * close. A failed revoke keeps the dialog open with the reason, so nothing is lost.
 */
export function RevokeDialog({ name, text, blocked, onConfirm, onClose }: RevokeDialogProps) {
  const ref = useModalDialog();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [titleBefore, titleAfter] = tAround('revokeTitle');

  async function confirm(): Promise<void> {
    setBusy(true);
    const result = await onConfirm();
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby="revoke-title"
      aria-describedby={blocked ? 'revoke-text revoke-blocked' : 'revoke-text'}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id="revoke-title">
        {titleBefore}
        <bdi>{visibleName(name)}</bdi>
        {titleAfter}
      </h2>
      <p id="revoke-text">{text ?? t('revokeText')}</p>
      {blocked ? (
        <p id="revoke-blocked" class="banner warning">
          {blocked}
        </p>
      ) : error ? (
        <p class="banner error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="buttons">
        <button type="button" onClick={onClose} disabled={busy}>
          {t('cancel')}
        </button>
        <button
          type="button"
          class="danger"
          onClick={confirm}
          disabled={busy || Boolean(blocked)}
          aria-describedby={blocked ? 'revoke-blocked' : undefined}
        >
          {busy ? t('revoking') : error ? t('tryAgain') : t('revokeToken')}
        </button>
      </div>
    </dialog>
  );
}
