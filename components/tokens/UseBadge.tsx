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
  const kind = badgeKind(token, now);
  if (kind === 'extra') return <span class="badge pending">{t('extraBadge')}</span>;
  if (kind === 'due') return <span class="badge pending">{t('reviewDueBadge')}</span>;
  if (kind === null) return null;
  const full = t('neverUsedFull');
  if (long) return <span class="badge quiet-badge">{full}</span>;
  return (
    <span class="badge quiet-badge" title={full}>
      <span aria-hidden="true">{t('neverUsed')}</span>
      <span class="visually-hidden">{full}</span>
    </span>
  );
}

/** Which badge a row shows at `now`: what changes with the time, so a row redrawn later may differ. */
export function badgeKind(token: TokenRecord, now: number): 'extra' | 'due' | 'never' | null {
  if (token.extraOf) return 'extra';
  if (isDue(token, now)) return 'due';
  return isNeverUsed(token, now) ? 'never' : null;
}
