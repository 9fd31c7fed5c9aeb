import { t } from '../../utils/lib';

interface SignedOutProps {
  onOpenSettings(): void;
}

export function SignedOut({ onOpenSettings }: SignedOutProps) {
  return (
    <div class="empty">
      <strong>{t('notSignedIn')}</strong>
      <p>{t('notSignedInHint')}</p>
      <button type="button" class="primary" onClick={onOpenSettings}>
        {t('openSettings')}
      </button>
    </div>
  );
}
