import { json, type Reply, text } from './http';

// Codes and messages of the original (packages/api/src/errors.js); bodies are `{code, message}`.
function error(status: number, code: string, message: string): Reply {
  return json(status, { code, message });
}

export const noToken = (): Reply => error(401, 'ERROR_NO_TOKEN', 'No token found in `Authorization` header');
export const userNotFound = (): Reply => error(401, 'ERROR_USER_NOT_FOUND', 'User not found');
export const magicTokenRequired = (): Reply =>
  error(401, 'ERROR_MAGIC_TOKEN_REQUIRED', 'Must be logged in with magic.link');
export const deleteRestricted = (): Reply =>
  error(403, 'ERROR_DELETE_RESTRICTED', 'Delete operations are restricted for this account');
export const maintenance = (): Reply =>
  error(503, 'ERROR_MAINTENANCE', 'API undergoing maintenance, please try again later');
export const sunset = (): Reply =>
  error(410, 'ERROR_FEATURE_HAS_BEEN_SUNSET', 'This API feature has been sunset, and is no longer available');
/** This project's extension (docs/idempotency.md): a key already used for a create with another body. */
export const idempotencyKeyReused = (): Reply =>
  error(
    422,
    'ERROR_IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for a create with a different body',
  );
/** `HTTPError` in the original: a 4xx thrown by a handler. */
export const httpError = (status: number, message: string): Reply => error(status, 'HTTP_ERROR', message);
/** Postgres' own text may quote request data (a credential sent as an id), so it never leaves. */
export const dbError = (): Reply => error(500, 'ERROR_DB', 'Database error');
export const internalError = (): Reply => error(500, 'ERROR_INTERNAL', 'Internal Server Error');
// The original's router fallback: no code.
export const notFound = (): Reply => json(404, { message: 'Not Found' });
/** What the CDN answered, not the API: plain text, no Retry-After. */
export const tooManyRequests = (): Reply => text(429, 'Too Many Requests');

// The API-token path of the original (packages/api/src/auth.js, errors.js).
export const unrecognisedToken = (): Reply =>
  error(401, 'ERROR_UNRECOGNISED_TOKEN', 'Could not parse provided API token');
export const tokenNotFound = (): Reply => error(401, 'ERROR_TOKEN_NOT_FOUND', 'API token no longer valid');
export const tokenBlocked = (): Reply =>
  error(403, 'ERROR_TOKEN_BLOCKED', 'API token is blocked, please contact support@web3.storage');
export const accountRestricted = (): Reply =>
  error(
    403,
    'ERROR_ACCOUNT_RESTRICTED',
    'This account is restricted, contact support@web3.storage for more info.',
  );
export const invalidCar = (message: string): Reply =>
  error(400, 'ERROR_INVALID_CAR', `Invalid CAR file received: ${message}`);
// This project's sign-in routes (/work/shared/api-contract.md, "Sign-in routes").
export const invalidEmail = (): Reply => error(400, 'ERROR_INVALID_EMAIL', 'That is not an email address');
export const codeInvalid = (triesLeft: number): Reply =>
  json(401, { code: 'ERROR_CODE_INVALID', message: 'That code is not right', triesLeft });
export const codeExpired = (): Reply =>
  error(
    401,
    'ERROR_CODE_EXPIRED',
    'That code has expired, was already used or had too many wrong tries: ask for a new one',
  );
export function tooManySignIns(retryAfter: number): Reply {
  const reply = json(429, {
    code: 'ERROR_TOO_MANY_REQUESTS',
    message: `Too many sign-in requests: try again in ${retryAfter} s`,
    retryAfter,
  });
  return { ...reply, headers: { ...reply.headers, 'Retry-After': String(retryAfter) } };
}
export const mailFailed = (): Reply =>
  error(503, 'ERROR_MAIL_FAILED', 'The code could not be sent right now: try again later');

// Refusals of the front door (server.ts): a request for another host name (DNS rebinding), or a
// browser page whose origin may not use this service.
export const misdirected = (): Reply =>
  error(421, 'ERROR_MISDIRECTED_REQUEST', 'This service does not answer for that host name');
export const originNotAllowed = (): Reply =>
  error(403, 'ERROR_ORIGIN_NOT_ALLOWED', 'This service does not answer pages from that origin');
