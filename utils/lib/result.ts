import { t } from './i18n';

/**
 * Errors are values: a stable code for logs and tests, and a sentence for a person.
 * Neither ever contains a secret (house-style 10).
 */
export interface AppError {
  code: ErrorCode;
  message: string;
  /** HTTP status when the service answered; absent for network failures and timeouts. */
  status?: number;
  /** Set for rate limits: how long to wait before the next request (the service's Retry-After). */
  retryAfterMs?: number;
  /** Set by the engine for rate limits (issue 18): when it will ask that service again. */
  retryAt?: number;
}

export type ErrorCode =
  | 'network'
  | 'timeout'
  | 'rate-limited'
  | 'maintenance'
  | 'sunset'
  | 'signed-out'
  | 'wrong-credential'
  | 'delete-restricted'
  | 'restricted'
  | 'invalid-name'
  | 'not-found'
  | 'server'
  | 'bad-response'
  | 'http'
  | 'permission-denied'
  | 'invalid-url'
  | 'clipboard'
  | 'locked'
  | 'local';

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, extra: Partial<AppError> = {}): Result<T> {
  return { ok: false, error: { code, message, ...extra } };
}

/**
 * The service ended the session (a 401): said the same when the answer comes (api/errors.ts) and
 * in a page opened after it (issue 18, utils/tokens/store-link.ts).
 */
export const sessionEndedError = (): AppError => ({
  code: 'signed-out',
  status: 401,
  message: t('errSignedOut'),
});
