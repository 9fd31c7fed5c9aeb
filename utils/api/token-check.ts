import { type AppError, t } from '../lib';
import { errorFromResponse } from './errors';

/**
 * What the service said of one API token when asked with the token itself (issue 13):
 * it works, the service no longer accepts it (revoked, or not one of its tokens), an administrator
 * blocked it, its account is restricted, or no verdict (`unknown`: the service could not be
 * reached, is in maintenance, rate limited the check, or answered something else).
 */
export type TokenCheck =
  | { verdict: 'works' | 'revoked' | 'blocked' | 'restricted' }
  | { verdict: 'unknown'; error: AppError };

/** The check's route: the cheapest one that takes an API token and changes nothing. */
export const CHECK_PATH = '/user/uploads?size=1';

/**
 * The verdict of `GET /user/uploads?size=1` sent with a token (api-contract.md, "Routes that take
 * an API token"). `body` is the answer, parsed when it was JSON. Nothing of the token goes in.
 */
export function tokenCheckOf(status: number, body: unknown, retryAfter: string | null): TokenCheck {
  const code = readCode(body);
  // A 2xx that is not the upload list is a captive portal or another program: no verdict.
  if (status >= 200 && status < 300)
    return Array.isArray(body)
      ? { verdict: 'works' }
      : { verdict: 'unknown', error: { code: 'bad-response', status, message: t('errBadResponse') } };
  // ERROR_TOKEN_NOT_FOUND (revoked or unknown) and ERROR_UNRECOGNISED_TOKEN (not a token of this
  // service) alike: the service does not take this token, whatever the reason.
  if (status === 401) return { verdict: 'revoked' };
  if (status === 403 && code === 'ERROR_TOKEN_BLOCKED') return { verdict: 'blocked' };
  if (status === 403 && code === 'ERROR_ACCOUNT_RESTRICTED') return { verdict: 'restricted' };
  return { verdict: 'unknown', error: errorFromResponse(status, body, retryAfter) };
}

function readCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, 'code')) return undefined;
  const code = (body as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
