import { t } from '../../utils/lib';

interface SignedOutProps {
  /** The service ended the session (a 401, issue 18): say so, and that nothing here is lost. */
  ended?: boolean;
  onOpenSettings(): void;
}

export function SignedOut({ ended, onOpenSettings }: SignedOutProps) {
  return (
    <div class="empty">
      <strong>{ended ? t('sessionEndedTitle') : t('notSignedIn')}</strong>
      <p>{ended ? t('sessionEndedHint') : t('notSignedInHint')}</p>
      <button type="button" class="primary" onClick={onOpenSettings}>
        {ended ? t('signInAgain') : t('openSettings')}
      </button>
    </div>
  );
}
