import type { AccountStatus } from '../../utils/api';
import { describeStorage, relativeTime, storagePercent, t } from '../../utils/lib';

interface AccountSectionProps {
  status: AccountStatus | null;
  restriction: string | null;
  /** Why the last check failed; what was known before still shows. */
  error: string | null;
  now: number;
}

/** Storage used against the limit (`/user/account`) and the account restriction (`/user/info`). */
export function AccountSection({ status, restriction, error, now }: AccountSectionProps) {
  const used = status?.usedBytes ?? null;
  const percent = used === null ? null : storagePercent(used, status?.limitBytes ?? null);
  return (
    <section class="field card" aria-labelledby="account-title">
      <h2 id="account-title">{t('accountHeading')}</h2>
      {restriction ? (
        <p class="banner error" role="alert">
          {restriction}
        </p>
      ) : null}
      {status === null ? (
        <p class="muted">{error ? '' : t('checkingAccount')}</p>
      ) : used === null ? (
        <p class="muted">{t('noStorageReport')}</p>
      ) : (
        <div class="field">
          <p>
            {t('storageUsed')} <strong>{describeStorage(used, status.limitBytes)}</strong>
          </p>
          {percent === null ? null : (
            <meter
              min={0}
              max={100}
              value={percent}
              aria-label={t('storageMeter')}
              title={`${percent.toFixed(1)}%`}
            />
          )}
        </div>
      )}
      {error ? (
        <p class="muted small">
          {t('accountCheckFailed', error)}
          {status ? ` ${t('accountKnownSince', relativeTime(status.checkedAt, now))}` : ''}
        </p>
      ) : null}
    </section>
  );
}
