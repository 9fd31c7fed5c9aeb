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
export const dbError = (message: string): Reply => error(500, 'ERROR_DB', message);
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
