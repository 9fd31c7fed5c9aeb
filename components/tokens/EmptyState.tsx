import { t } from '../../utils/lib';

interface EmptyStateProps {
  searching: boolean;
  onCreateFirst(): void;
}

export function EmptyState({ searching, onCreateFirst }: EmptyStateProps) {
  if (searching) {
    return (
      <div class="empty">
        <strong>{t('noMatch')}</strong>
        {t('noMatchHint')}
      </div>
    );
  }
  return (
    <div class="empty">
      <strong>{t('noTokens')}</strong>
      <p>{t('noTokensHint')}</p>
      <button type="button" class="primary" onClick={onCreateFirst}>
        {t('createFirst')}
      </button>
    </div>
  );
}
