import { t } from '../lib';

/** What needs the person's attention, as the toolbar button shows it. */
export interface Attention {
  /** Revokes the service has not confirmed yet (utils/sync retries them). */
  pendingRevokes: number;
  /** The passphrase lock is on and locked: no copy or fill until unlocked. */
  locked: boolean;
  /** Active tokens whose review date has come (utils/review); absent reads as none. */
  dueReviews?: number;
}

export interface Badge {
  /** At most four characters, as Chrome shows no more; empty hides the badge. */
  text: string;
  /** The button's tooltip: the same news in words. */
  title: string;
  color: string;
}

// The page palette's danger red, muted grey and warning brown (assets/app.css), all dark enough
// for the browser's white badge text on light and dark toolbars alike.
export const BADGE_COLORS = { revokes: '#b42318', locked: '#5b6170', review: '#8a5a00' } as const;
const MOST = 99;

const count = (n: number): string => (n > MOST ? `${MOST}+` : String(n));

/**
 * The badge for `attention`: the count of waiting revokes first (they need a working service and
 * may need a look), else the locked state, else the count of tokens due for review (a calm
 * reminder, never louder than the other two); nothing when all is well. The title names them all.
 */
export function badgeOf({ pendingRevokes, locked, dueReviews = 0 }: Attention): Badge {
  const news: string[] = [];
  if (pendingRevokes > 0)
    news.push(pendingRevokes === 1 ? t('revokesWaitingOne') : t('revokesWaitingMany', pendingRevokes));
  if (locked) news.push(t('badgeLocked'));
  if (dueReviews > 0) news.push(dueReviews === 1 ? t('reviewsDueOne') : t('reviewsDueMany', dueReviews));
  const title = [t('extName'), ...news].join('\n');
  if (pendingRevokes > 0) return { text: count(pendingRevokes), title, color: BADGE_COLORS.revokes };
  if (locked) return { text: t('badgeLockedShort'), title, color: BADGE_COLORS.locked };
  if (dueReviews > 0) return { text: count(dueReviews), title, color: BADGE_COLORS.review };
  return { text: '', title, color: BADGE_COLORS.revokes };
}
