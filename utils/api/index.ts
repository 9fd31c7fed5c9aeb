// utils/api/: talking to the token service (../shared/api-contract.md). The HTTP client and its
// checks of every answer's shape (client, shapes), errors told in a sentence (errors), the service
// address (service-url), the email-code sign-in and sign-out (sign-in) and the account's usage and restrictions (account-status). Only this folder
// calls `fetch`.
export { type AccountStatus, fetchAccountStatus, restrictionNotice } from './account-status';
export { type ApiClient, createApiClient } from './client';
export { endSessionAt } from './end-session';
export { RATE_LIMIT_WAIT_MS } from './errors';
export { DEFAULT_SERVICE_URL, isPlainHttpRemote, normalizeServiceUrl, originPattern } from './service-url';
export type { ApiToken } from './shapes';
export { type CodeCheck, type CodeRequest, createSignInApi, type SignInApi } from './sign-in';
export type { TokenCheck } from './token-check';
