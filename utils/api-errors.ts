import type { AppError } from './result';

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
    const seconds = Number(retryAfter);
    const wait = Math.max(RATE_LIMIT_WAIT_MS, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0);
    return {
      code: 'rate-limited',
      status,
      retryAfterMs: wait,
      message: `Too many requests to the token service. Wait ${describeWait(wait)}, then try again.`,
    };
  }
  if (code === 'ERROR_MAINTENANCE' || status === 503) {
    return {
      code: 'maintenance',
      status,
      message: 'The tokens API is undergoing maintenance. Please try again later.',
    };
  }
  if (code === 'ERROR_FEATURE_HAS_BEEN_SUNSET' || status === 410) {
    return {
      code: 'sunset',
      status,
      message: 'This service has been shut down and no longer accepts token changes.',
    };
  }
  if (code === 'ERROR_MAGIC_TOKEN_REQUIRED') {
    return {
      code: 'wrong-credential',
      status,
      message:
        'That looks like an API token. Sign in with your account session credential instead, not with a token.',
    };
  }
  if (status === 401) {
    return { code: 'signed-out', status, message: 'Your session has ended. Sign in again to continue.' };
  }
  if (code === 'ERROR_DELETE_RESTRICTED') {
    return {
      code: 'delete-restricted',
      status,
      message: 'Your account is not allowed to revoke tokens. Contact the service’s support to lift this.',
    };
  }
  if (status === 400) {
    return {
      code: 'invalid-name',
      status,
      message: 'The service rejected this token name. Try another name.',
    };
  }
  if (status === 404) {
    return {
      code: 'not-found',
      status,
      message: 'This address does not look like a token service. Check the service URL in Settings.',
    };
  }
  if (status >= 500) {
    return {
      code: 'server',
      status,
      message: `The token service had a problem (error ${status}). Please try again later.`,
    };
  }
  return {
    code: 'http',
    status,
    message: `The token service refused the request (error ${status}). Please try again later.`,
  };
}

function describeWait(ms: number): string {
  if (ms < 90_000) return `about ${Math.round(ms / 1000)} seconds`;
  return `about ${Math.round(ms / 60_000)} minutes`;
}

function readCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, 'code')) return undefined;
  const code = (body as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
