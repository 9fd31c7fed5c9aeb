import type { TokenRecord } from '../store';

/** A token this old that was never used for uploads, copied or filled gets the "never used" badge (issue 7). */
export const NEVER_USED_AFTER_MS = 30 * 24 * 3600_000;

export type UseFacts = Pick<TokenRecord, 'createdMs' | 'hasUploads' | 'lastCopiedAt' | 'lastFilledAt'>;

/** Older than 30 days, and no sign of use: no uploads (service), no copy or fill (this device). */
export function isNeverUsed(token: UseFacts, now: number): boolean {
  if (token.hasUploads || token.lastCopiedAt != null || token.lastFilledAt != null) return false;
  return now - token.createdMs >= NEVER_USED_AFTER_MS;
}
