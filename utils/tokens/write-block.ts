import type { AppError } from '../lib';
import { countdown, t } from '../lib';

/**
 * Why Create (and a rotation's replacement) is off while the service is in a state that refuses
 * it (issue 18): its one message, with what happens next, or null. A rate limit counts down to
 * the second; it ends at `retryAt`.
 */
export function writeBlock(error: AppError | null, now: number): string | null {
  if (!error) return null;
  if (error.code === 'rate-limited' && error.retryAt !== undefined) {
    return error.retryAt > now ? t('rateLimitedWait', countdown(error.retryAt - now)) : null;
  }
  if (error.code === 'maintenance') return t('readOnlyNotice');
  if (error.code === 'sunset') return t('errSunset');
  return null;
}

/**
 * Why Revoke is off: only a service that refuses every write (maintenance, the sunset). During a
 * rate limit's wait a revoke is still taken, and waits as pending until the wait is over.
 */
export function revokeBlock(error: AppError | null): string | null {
  if (error?.code === 'maintenance') return t('readOnlyRevoke');
  if (error?.code === 'sunset') return t('errSunset');
  return null;
}
