import type { ApiClient } from '../../utils/api/client';
import type { ApiToken } from '../../utils/api/shapes';
import type { AppError, Result } from '../../utils/lib/result';

/**
 * An in-memory ApiClient with the contract's habits: create answers the id only, revoke of an
 * unknown id is "already gone", the list comes back in no particular order. `failNext` makes the
 * next call of a method fail with the given error.
 */
export function createFakeApi(initial: ApiToken[] = []) {
  const tokens = new Map(initial.map((t) => [t.id, t]));
  let nextId = 315318824629961583n;
  const failures = new Map<keyof ApiClient, AppError>();
  const calls: string[] = [];
  let restricted = false;
  let mode = 'rw';

  function failed<T>(method: keyof ApiClient): Result<T> | undefined {
    calls.push(method);
    const error = failures.get(method);
    if (!error) return undefined;
    failures.delete(method);
    return { ok: false, error };
  }

  const api: ApiClient = {
    async version() {
      return failed('version') ?? { ok: true, value: { version: '7.0.0', mode } };
    },
    async accountInfo() {
      return (
        failed('accountInfo') ?? {
          ok: true,
          value: { id: '42', email: 'ada@example.org', name: 'Ada', accountRestricted: restricted },
        }
      );
    },
    async storageUsage() {
      return (
        failed('storageUsage') ?? { ok: true, value: { usedBytes: 1288490189, limitBytes: 1099511627776 } }
      );
    },
    async listTokens() {
      return failed('listTokens') ?? { ok: true, value: [...tokens.values()].reverse() };
    },
    async createToken(name) {
      const failure = failed<{ id: string }>('createToken');
      if (failure) return failure;
      const id = String(nextId++);
      tokens.set(id, {
        id,
        name,
        secret: `eyJ.secret-${id}.sig`,
        created: new Date().toISOString(),
        hasUploads: false,
      });
      return { ok: true, value: { id } };
    },
    async revokeToken(id) {
      const failure = failed<{ alreadyGone: boolean }>('revokeToken');
      if (failure) return failure;
      const existed = tokens.delete(id);
      return { ok: true, value: { alreadyGone: !existed } };
    },
    async checkToken(secret) {
      const failure = failed<never>('checkToken');
      if (failure && !failure.ok) return { verdict: 'unknown', error: failure.error };
      // As the service: a token still listed works; a deleted or unknown one no longer does.
      return [...tokens.values()].some((t) => t.secret === secret)
        ? { verdict: 'works' }
        : { verdict: 'revoked' };
    },
  };
  return {
    api,
    /** Sets what `accountInfo` says of the account restriction from now on. */
    restrict(value: boolean): void {
      restricted = value;
    },
    /** Sets the mode `/version` answers from now on (`rw`, `r-` read-only for maintenance, `--`). */
    setMode(value: string): void {
      mode = value;
    },
    tokens,
    calls,
    failNext(method: keyof ApiClient, error: AppError): void {
      failures.set(method, error);
    },
  };
}

export function apiToken(id: string, name: string, created = '2026-11-20T10:00:00.000+00:00'): ApiToken {
  return {
    id,
    name,
    secret: `eyJhbGciOiJIUzI1NiJ9.payload-${id}.signature-${id}`,
    created,
    hasUploads: false,
  };
}
