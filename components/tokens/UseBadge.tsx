import { t } from '../../utils/lib';
import { isDue } from '../../utils/review';
import type { TokenRecord } from '../../utils/store';
import { isNeverUsed } from '../../utils/tokens';

interface UseBadgeProps {
  token: TokenRecord;
  now: number;
  /** Where there is room (the options table), the never-used badge says all it knows in words. */
  long?: boolean;
}

/**
 * A row's one quiet badge: an extra token one click made, due for review (issue 15), or never
 * used. "Never used" says exactly what this device knows: no uploads (the service's word) and no
 * copy or fill here; another device may have used it, so the short form says "here".
 */
export function UseBadge({ token, now, long }: UseBadgeProps) {
  if (token.extraOf) return <span class="badge pending">{t('extraBadge')}</span>;
  if (isDue(token, now)) return <span class="badge pending">{t('reviewDueBadge')}</span>;
  if (!isNeverUsed(token, now)) return null;
  const full = t('neverUsedFull');
  if (long) return <span class="badge quiet-badge">{full}</span>;
  return (
    <span class="badge quiet-badge" title={full}>
      <span aria-hidden="true">{t('neverUsed')}</span>
      <span class="visually-hidden">{full}</span>
    </span>
  );
}
