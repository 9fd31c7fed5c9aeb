import { fail, type Result, t } from '../lib';
import { DEFAULT_TIMEOUT_MS } from './client';
import { errorFromResponse } from './errors';

// The sign-in routes of ../shared/api-contract.md ("Sign-in routes"): an email one-time code, then
// a session credential; and sign-out. Their answers are told apart here as plain data, so the
// connection model can say each one in words. Neither the code nor a credential ever reaches an
// error string.

/** Answers both routes may give. */
type Shared =
  | { kind: 'invalid-email' }
  | { kind: 'rate-limited'; retryAfter: number }
  | { kind: 'failed'; message: string };

/** What `POST /auth/email` answered. */
export type CodeRequest =
  | { kind: 'sent' }
  /** 404 or 405: this server has no email sign-in; a credential is pasted instead. */
  | { kind: 'unsupported' }
  | Shared;

/** What `POST /auth/email/verify` answered. */
export type CodeCheck =
  | { kind: 'signed-in'; credential: string; email: string }
  | { kind: 'invalid'; triesLeft: number | null }
  | { kind: 'expired' }
  | Shared;

export interface SignInApi {
  requestCode(email: string): Promise<CodeRequest>;
  verifyCode(email: string, code: string): Promise<CodeCheck>;
  /** `DELETE /auth/session`: ok also when the service no longer knows the credential (401). */
  endSession(credential: string): Promise<Result<null>>;
}

export interface SignInApiOptions {
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  retryAfterHeader: string | null;
}

/** The sign-in routes of the service at `baseUrl`. */
export function createSignInApi(options: SignInApiOptions): SignInApi {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function call(method: string, path: string, init: RequestInit): Promise<Result<Answer>> {
    try {
      const response = await doFetch(`${base}${path}`, {
        ...init,
        method,
        signal: AbortSignal.timeout(timeoutMs),
        credentials: 'omit',
        cache: 'no-store',
      });
      const text = await response.text();
      return {
        ok: true,
        value: {
          status: response.status,
          body: parseObject(text),
          retryAfterHeader: response.headers.get('Retry-After'),
        },
      };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError')
        return fail('timeout', t('errTimeout', Math.round(timeoutMs / 1000)));
      return fail('network', t('errNetwork', hostOf(base)));
    }
  }

  const post = (path: string, body: unknown): Promise<Result<Answer>> =>
    call('POST', path, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  return {
    async requestCode(email) {
      const res = await post('/auth/email', { email });
      if (!res.ok) return { kind: 'failed', message: res.error.message };
      const { status } = res.value;
      if (status === 202 || status === 200) return { kind: 'sent' };
      if (status === 404 || status === 405) return { kind: 'unsupported' };
      return common(res.value);
    },
    async verifyCode(email, code) {
      const res = await post('/auth/email/verify', { email, code });
      if (!res.ok) return { kind: 'failed', message: res.error.message };
      const { status, body } = res.value;
      const credential = typeof body.credential === 'string' ? body.credential : '';
      if (status === 200 && credential !== '') {
        return { kind: 'signed-in', credential, email: typeof body.email === 'string' ? body.email : email };
      }
      if (status === 401 && body.code === 'ERROR_CODE_INVALID') {
        const tries = body.triesLeft;
        return { kind: 'invalid', triesLeft: typeof tries === 'number' && tries >= 0 ? tries : null };
      }
      if (status === 401) return { kind: 'expired' };
      if (status === 200) return { kind: 'failed', message: t('errBadResponse') };
      return common(res.value);
    },
    async endSession(credential) {
      const res = await call('DELETE', '/auth/session', {
        headers: { Authorization: `Bearer ${credential}` },
      });
      if (!res.ok) return res;
      const { status, body, retryAfterHeader } = res.value;
      // 401: the service no longer knows this credential, so there is no session left to end.
      if ((status >= 200 && status < 300) || status === 401) return { ok: true, value: null };
      return { ok: false, error: errorFromResponse(status, body, retryAfterHeader) };
    },
  };
}

/** The answers both routes share: a bad address, too many requests, anything else in words. */
function common({ status, body, retryAfterHeader }: Answer): Shared {
  if (status === 400 && body.code === 'ERROR_INVALID_EMAIL') return { kind: 'invalid-email' };
  if (status === 429) return { kind: 'rate-limited', retryAfter: retryAfterSeconds(body, retryAfterHeader) };
  if (body.code === 'ERROR_MAIL_FAILED') return { kind: 'failed', message: t('errCodeNotSent') };
  return { kind: 'failed', message: errorFromResponse(status, body, retryAfterHeader).message };
}

/** `retryAfter` of the body, else the Retry-After header, else a minute; whole seconds, at least 1. */
function retryAfterSeconds(body: Record<string, unknown>, header: string | null): number {
  const candidates = [body.retryAfter, Number(header)];
  const seconds = candidates.find(
    (value) => typeof value === 'number' && Number.isFinite(value) && value > 0,
  );
  return typeof seconds === 'number' ? Math.ceil(seconds) : 60;
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function hostOf(base: string): string {
  try {
    return new URL(base).host;
  } catch {
    return base;
  }
}
