import { t } from '../lib';

/** What needs the person's attention, as the toolbar button shows it. */
export interface Attention {
  /** Revokes the service has not confirmed yet (utils/sync retries them). */
  pendingRevokes: number;
  /** The passphrase lock is on and locked: no copy or fill until unlocked. */
  locked: boolean;
}

export interface Badge {
  /** At most four characters, as Chrome shows no more; empty hides the badge. */
  text: string;
  /** The button's tooltip: the same news in words. */
  title: string;
  color: string;
}

// The page palette's danger red and muted grey (assets/app.css), both dark enough for the
// browser's white badge text on light and dark toolbars alike.
export const BADGE_COLORS = { revokes: '#b42318', locked: '#5b6170' } as const;
const MOST = 99;

/**
 * The badge for `attention`: the count of waiting revokes first (they need a working service and
 * may need a look), else the locked state; nothing when all is well. The title names both.
 */
export function badgeOf({ pendingRevokes, locked }: Attention): Badge {
  const news: string[] = [];
  if (pendingRevokes > 0)
    news.push(pendingRevokes === 1 ? t('revokesWaitingOne') : t('revokesWaitingMany', pendingRevokes));
  if (locked) news.push(t('badgeLocked'));
  const title = [t('extName'), ...news].join('\n');
  if (pendingRevokes > 0)
    return {
      text: pendingRevokes > MOST ? `${MOST}+` : String(pendingRevokes),
      title,
      color: BADGE_COLORS.revokes,
    };
  if (locked) return { text: t('badgeLockedShort'), title, color: BADGE_COLORS.locked };
  return { text: '', title, color: BADGE_COLORS.revokes };
}
