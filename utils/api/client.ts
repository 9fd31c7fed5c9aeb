import { fail, ok, type Result, t } from '../lib';
import { errorFromResponse } from './errors';
import {
  type AccountInfo,
  type ApiToken,
  parseAccountInfo,
  parseIdBody,
  parseStorageUsage,
  parseTokenList,
  parseVersion,
  type ServiceVersion,
  type StorageUsage,
} from './shapes';
import { CHECK_PATH, type TokenCheck, tokenCheckOf } from './token-check';

/**
 * Every request is abandoned after this long (issue 18): a slow service gets a message, and a
 * write whose answer did not come is settled as a lost reply (utils/sync/create-token.ts), never
 * sent again blindly. One constant for every call; tests make the service slower instead.
 */
export const DEFAULT_TIMEOUT_MS = 15_000;

export interface ApiClientOptions {
  /** Service base URL, e.g. http://127.0.0.1:8787 (a path prefix is kept). */
  baseUrl: string;
  /** Account session credential, sent as `Authorization: Bearer …` on /user routes. */
  credential?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface ApiClient {
  version(): Promise<Result<ServiceVersion>>;
  accountInfo(): Promise<Result<AccountInfo>>;
  /** `GET /user/account`: storage used and its limit (issue 7). */
  storageUsage(): Promise<Result<StorageUsage>>;
  listTokens(): Promise<Result<ApiToken[]>>;
  /**
   * The new id only: the service never returns the secret here, list again to get it. `key` goes
   * out as `Idempotency-Key` (docs/idempotency.md): a server that honours it makes one token per key.
   */
  createToken(name: string, key?: string): Promise<Result<{ id: string | null }>>;
  /** `alreadyGone` when the service answered 200 with an empty body (unknown or deleted id). */
  revokeToken(id: string): Promise<Result<{ alreadyGone: boolean }>>;
  /** Asks the service whether it takes API token `secret` (issue 13); the secret is in no answer. */
  checkToken(secret: string): Promise<TokenCheck>;
}

/** The one module that speaks the classic Web3.Storage token API (../shared/api-contract.md). */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const link: Link = {
    base,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    doFetch: options.fetch ?? globalThis.fetch.bind(globalThis),
  };

  async function request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Result<unknown>> {
    const bearer = path.startsWith('/user/') ? options.credential : undefined;
    const res = await exchange(link, method, path, body, bearer, headers);
    if (!res.ok) return res;
    const { status, body: answer, retryAfter } = res.value;
    if (status < 200 || status > 299)
      return { ok: false, error: errorFromResponse(status, answer, retryAfter) };
    return ok(answer);
  }

  function badResponse<T>(): Result<T> {
    return fail('bad-response', t('errBadResponse'));
  }

  return {
    async version() {
      const res = await request('GET', '/version');
      if (!res.ok) return res;
      const version = parseVersion(res.value);
      return version ? ok(version) : badResponse();
    },
    async accountInfo() {
      const res = await request('GET', '/user/info');
      if (!res.ok) return res;
      const info = parseAccountInfo(res.value);
      return info ? ok(info) : badResponse();
    },
    async storageUsage() {
      const res = await request('GET', '/user/account');
      if (!res.ok) return res;
      const usage = parseStorageUsage(res.value);
      return usage ? ok(usage) : badResponse();
    },
    async listTokens() {
      const res = await request('GET', '/user/tokens');
      if (!res.ok) return res;
      const tokens = parseTokenList(res.value);
      return tokens ? ok(tokens) : badResponse();
    },
    async createToken(name, key) {
      const res = await request('POST', '/user/tokens', { name }, key ? { 'Idempotency-Key': key } : {});
      return res.ok ? ok({ id: parseIdBody(res.value) }) : res;
    },
    async revokeToken(id) {
      const res = await request('DELETE', `/user/tokens/${encodeURIComponent(id)}`);
      if (!res.ok) return res;
      // An empty body is the contract's "unknown or already deleted id". Any body other than
      // {_id} is not this API speaking (a captive portal's page): the revoke is not confirmed.
      if (res.value === null) return ok({ alreadyGone: true });
      return parseIdBody(res.value) === null ? badResponse() : ok({ alreadyGone: false });
    },
    async checkToken(secret) {
      // The token is the credential here, never the session's; the URL carries nothing of it.
      const res = await exchange(link, 'GET', CHECK_PATH, undefined, secret);
      if (!res.ok) return { verdict: 'unknown', error: res.error };
      return tokenCheckOf(res.value.status, res.value.body, res.value.retryAfter);
    },
  };
}

/** Where and how the client sends its requests. */
interface Link {
  base: string;
  timeoutMs: number;
  doFetch: typeof fetch;
}

/** One exchange: the status and the parsed body, or a failure to reach the service at all. */
async function exchange(
  { base, timeoutMs, doFetch }: Link,
  method: string,
  path: string,
  body: unknown,
  bearer: string | undefined,
  extra: Record<string, string> = {},
): Promise<Result<Answer>> {
  const headers: Record<string, string> = { ...extra };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const response = await doFetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      credentials: 'omit',
      cache: 'no-store',
    });
    const text = await response.text();
    // Bodies may be empty (delete of an unknown id) or not JSON at all (a CDN 429 page).
    return ok({
      status: response.status,
      body: parseJson(text),
      retryAfter: response.headers.get('Retry-After'),
    });
  } catch (error) {
    return networkFailure(error, base);
  }
}

interface Answer {
  status: number;
  body: unknown;
  retryAfter: string | null;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function networkFailure<T>(error: unknown, base: string): Result<T> {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return fail('timeout', t('errTimeout', DEFAULT_TIMEOUT_MS / 1000));
  }
  let host = base;
  try {
    host = new URL(base).host;
  } catch {}
  return fail('network', t('errNetwork', host));
}
