import { t } from '../lib';
import type { TokenRecord } from '../store';

/** The presets a person picks from: in 30, 90 or 180 days. */
export const REVIEW_PRESETS = [30, 90, 180] as const;
/** Ten years: further than that is a typing slip, not a plan. */
const LATEST_DAYS = 3653;

export type ReviewFacts = Pick<TokenRecord, 'id' | 'state' | 'reviewBy'>;

/** The start of the local day `ms` falls in: a review date is a day, due from its first moment. */
export function startOfDay(ms: number): number {
  const day = new Date(ms);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
}

/** The review date `days` days after today (presets are always in the future). */
export function presetReviewBy(days: number, now: number): number {
  const today = new Date(startOfDay(now));
  return new Date(today.getFullYear(), today.getMonth(), today.getDate() + days).getTime();
}

/**
 * A custom date from a date field (`YYYY-MM-DD`, local): a day after today and within ten years,
 * else a sentence saying why not. Today or earlier is refused: a date already due is no plan.
 */
export type ReviewDateInput = { ok: true; at: number } | { ok: false; message: string };

export function customReviewBy(value: string, now: number): ReviewDateInput {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return { ok: false, message: t('reviewDateInvalid') };
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const at = new Date(year, month, day);
  if (at.getFullYear() !== year || at.getMonth() !== month || at.getDate() !== day)
    return { ok: false, message: t('reviewDateInvalid') };
  if (at.getTime() <= startOfDay(now)) return { ok: false, message: t('reviewDateNotFuture') };
  if (at.getTime() > presetReviewBy(LATEST_DAYS, now)) return { ok: false, message: t('reviewDateTooFar') };
  return { ok: true, at: at.getTime() };
}

/** The value a date field shows for `ms` (`YYYY-MM-DD`, local). */
export function reviewDateValue(ms: number): string {
  const day = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** An active token whose review date has come. A token on its way out (revoke waiting) is not. */
export function isDue(token: ReviewFacts, now: number): boolean {
  return token.state === 'active' && token.reviewBy != null && token.reviewBy <= now;
}

/** The tokens due for review, the longest overdue first. */
export function dueForReview<T extends ReviewFacts>(tokens: readonly T[], now: number): T[] {
  return tokens.filter((token) => isDue(token, now)).sort((a, b) => (a.reviewBy ?? 0) - (b.reviewBy ?? 0));
}

/** When the next active token comes due after `now`, or null when none will. */
export function nextReviewAt(tokens: readonly ReviewFacts[], now: number): number | null {
  let next: number | null = null;
  for (const token of tokens) {
    const at = token.reviewBy;
    if (token.state !== 'active' || at == null || at <= now) continue;
    if (next === null || at < next) next = at;
  }
  return next;
}
