import type { AppError } from '../lib';
import { sessionEndedError, t } from '../lib';

/** The classic API's wait after a CDN 429, which carries no Retry-After (api-contract.md, "Rate limit"). */
export const RATE_LIMIT_WAIT_MS = 30_000;

/**
 * Turns a non-2xx answer into an error a person can act on. `body` is whatever came back,
 * parsed if it was JSON; it may be a string, null or anything else.
 * Codes follow web3.storage packages/api/src/errors.js; anything unknown falls back by status.
 */
export function errorFromResponse(status: number, body: unknown, retryAfter: string | null): AppError {
  const code = readCode(body);
  if (status === 429) {
    // Only a wait the service states is kept; without one the engine backs off (utils/sync/quiet.ts).
    const told = retryAfterMs(retryAfter);
    return {
      code: 'rate-limited',
      status,
      ...(told === undefined ? {} : { retryAfterMs: told }),
      message: t('errRateLimited', describeWait(told ?? RATE_LIMIT_WAIT_MS)),
    };
  }
  if (code === 'ERROR_MAINTENANCE' || status === 503) {
    return {
      code: 'maintenance',
      status,
      message: t('errMaintenance'),
    };
  }
  if (code === 'ERROR_FEATURE_HAS_BEEN_SUNSET' || status === 410) {
    return {
      code: 'sunset',
      status,
      message: t('errSunset'),
    };
  }
  if (code === 'ERROR_MAGIC_TOKEN_REQUIRED') {
    return {
      code: 'wrong-credential',
      status,
      message: t('errWrongCredential'),
    };
  }
  if (status === 401) return sessionEndedError();
  if (code === 'ERROR_ACCOUNT_RESTRICTED' || (status === 403 && code !== 'ERROR_DELETE_RESTRICTED')) {
    return { code: 'restricted', status, message: t('errRestricted') };
  }
  if (code === 'ERROR_DELETE_RESTRICTED') {
    return {
      code: 'delete-restricted',
      status,
      message: t('errDeleteRestricted'),
    };
  }
  if (status === 400) {
    return {
      code: 'invalid-name',
      status,
      message: t('errInvalidName'),
    };
  }
  if (status === 404) {
    return {
      code: 'not-found',
      status,
      message: t('errNotFound'),
    };
  }
  if (status >= 500) {
    return {
      code: 'server',
      status,
      message: t('errServer', status),
    };
  }
  return {
    code: 'http',
    status,
    message: t('errHttp', status),
  };
}

/** `Retry-After` in seconds or as an HTTP date (RFC 9110 §10.2.3); undefined when absent or unusable. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds > 0 ? Math.ceil(seconds * 1000) : undefined;
  const at = Date.parse(header);
  return Number.isFinite(at) && at > Date.now() ? at - Date.now() : undefined;
}

function describeWait(ms: number): string {
  if (ms < 90_000) return t('waitSeconds', Math.round(ms / 1000));
  return t('waitMinutes', Math.round(ms / 60_000));
}

function readCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, 'code')) return undefined;
  const code = (body as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
