import type { ApiClient } from '../../utils/api/client';
import { errorFromResponse } from '../../utils/api/errors';
import type { ApiToken } from '../../utils/api/shapes';
import type { AppError, Result } from '../../utils/lib/result';

export type FaultyMethod = 'listTokens' | 'createToken' | 'revokeToken';

/**
 * What goes wrong with one request. `lost`: the service applied the change, then the answer was
 * lost (network, timeout or a 5xx from a proxy). `crash-*`: the extension context stopped (the
 * service worker was killed, the popup closed) before or after the request reached the service.
 */
export type Fault =
  | { kind: 'server' | 'maintenance' | 'sunset' | 'rate-limited' | 'timeout' | 'network' | 'signed-out' }
  | { kind: 'lost'; as: 'network' | 'timeout' | 'server' }
  /**
   * Issue 18: a create's answer was lost and the browser resent it by itself, `copies` requests
   * in all, each applied by a classic server; the last one's answer arrives, or is lost too (`as`).
   */
  | { kind: 'resent'; copies: number; as?: 'network' | 'timeout' | 'server' }
  | { kind: 'crash-before' | 'crash-after' };

/** A queued fault, taken by the next request of `on` (or of any method). */
export type QueuedFault = Fault & { on?: FaultyMethod };

/** Thrown where the extension context stops mid-sync: nothing after it runs. */
export class ContextStopped extends Error {
  override name = 'ContextStopped';
}

const NETWORK: AppError = {
  code: 'network',
  message: 'Can’t reach the token service at 127.0.0.1:8787. Check your connection and the service URL.',
};
const TIMEOUT: AppError = {
  code: 'timeout',
  message: 'The token service took too long to answer. Check your connection and try again.',
};
// The statuses and bodies the classic API (or the CDN in front of it) sent, mapped by the real code.
const HTTP_FAULTS = {
  server: () => errorFromResponse(500, { code: 'ERROR_DB', message: 'db error' }, null),
  maintenance: () => errorFromResponse(503, { code: 'ERROR_MAINTENANCE', message: 'maintenance' }, null),
  sunset: () => errorFromResponse(410, { code: 'ERROR_FEATURE_HAS_BEEN_SUNSET', message: 'gone' }, null),
  'rate-limited': () => errorFromResponse(429, '<html><h1>429 Too Many Requests</h1></html>', null),
  'signed-out': () => errorFromResponse(401, { code: 'ERROR_NO_TOKEN', message: 'No token found' }, null),
};

function errorOf(kind: 'network' | 'timeout' | keyof typeof HTTP_FAULTS): AppError {
  if (kind === 'network') return NETWORK;
  if (kind === 'timeout') return TIMEOUT;
  return HTTP_FAULTS[kind]();
}

/** What the service saw of this client's writes, to check "exactly once" afterwards. */
export interface ServiceLog {
  /** Lists answered in full. */
  lists: number;
  /** Every create that reached the service from this client, with the id it made. */
  creates: Array<{ name: string; id: string }>;
  /** Every delete that reached the service from this client; `removed` when a live token went. */
  deletes: Array<{ id: string; removed: boolean }>;
}

export interface FaultyService {
  api: ApiClient;
  /** Honours Idempotency-Key (docs/idempotency.md); a classic server (false, the default) ignores it. */
  honoursKey: boolean;
  /** What the service holds now, by id. */
  tokens: Map<string, ApiToken>;
  /** Faults still to come, first come first taken. */
  faults: QueuedFault[];
  log: ServiceLog;
  /** Another client of the same account (another browser, a script) changes the service directly. */
  other: { create(name: string): ApiToken; revoke(id: string): boolean; upload(id: string): void };
}

/**
 * An in-memory token service with the contract's habits (create answers the id only, delete of
 * an unknown id is "already gone", lists are unordered) and a queue of faults to inject.
 * `now` is the service's clock; `created` is written the way Postgres renders timestamptz.
 */
export function createFaultyService(now: () => number): FaultyService {
  const tokens = new Map<string, ApiToken>();
  const faults: QueuedFault[] = [];
  const log: ServiceLog = { lists: 0, creates: [], deletes: [] };
  const keys = new Map<string, string>();
  let nextId = 315318824629961583n;

  function add(name: string): ApiToken {
    const id = String(nextId++);
    const token: ApiToken = {
      id,
      name,
      secret: `eyJhbGciOiJIUzI1NiJ9.payload-${id}.signature`,
      created: new Date(now()).toISOString().replace('Z', '+00:00'),
      hasUploads: false,
    };
    tokens.set(id, token);
    return token;
  }

  function takeFault(method: FaultyMethod): Fault | undefined {
    const index = faults.findIndex((fault) => fault.on === undefined || fault.on === method);
    return index < 0 ? undefined : faults.splice(index, 1)[0];
  }

  /** Runs one request: the fault decides whether `apply` happens and what the client hears. */
  function request<T>(method: FaultyMethod, apply: () => T): Result<T> {
    const fault = takeFault(method);
    if (!fault) return { ok: true, value: apply() };
    switch (fault.kind) {
      case 'crash-before':
        throw new ContextStopped(`stopped before ${method}`);
      case 'crash-after':
        apply();
        throw new ContextStopped(`stopped after ${method}`);
      case 'lost':
        apply();
        return { ok: false, error: errorOf(fault.as) };
      case 'resent': {
        let value = apply();
        for (let copy = 1; copy < fault.copies; copy++) value = apply();
        return fault.as ? { ok: false, error: errorOf(fault.as) } : { ok: true, value };
      }
      default:
        return { ok: false, error: errorOf(fault.kind) };
    }
  }

  const api: ApiClient = {
    async version() {
      return { ok: true, value: { version: '7.0.0', mode: 'rw' } };
    },
    async accountInfo() {
      return {
        ok: true,
        value: { id: '42', email: 'ada@example.org', name: 'Ada', accountRestricted: false },
      };
    },
    async storageUsage() {
      return { ok: true, value: { usedBytes: 0, limitBytes: null } };
    },
    async listTokens() {
      const listed = request('listTokens', () => [...tokens.values()].reverse());
      if (listed.ok) log.lists++;
      return listed;
    },
    async createToken(name, key) {
      return request('createToken', () => {
        const made = key && service.honoursKey ? keys.get(key) : undefined;
        if (made) return { id: made };
        const { id } = add(name);
        if (key) keys.set(key, id);
        log.creates.push({ name, id });
        return { id };
      });
    },
    async revokeToken(id) {
      return request('revokeToken', () => {
        const removed = tokens.delete(id);
        log.deletes.push({ id, removed });
        return { alreadyGone: !removed };
      });
    },
    // Check token (issue 13) takes no faults here: a listed secret works, any other does not.
    async checkToken(secret) {
      return [...tokens.values()].some((t) => t.secret === secret)
        ? { verdict: 'works' }
        : { verdict: 'revoked' };
    },
  };

  const service: FaultyService = {
    api,
    honoursKey: false,
    tokens,
    faults,
    log,
    other: {
      create: add,
      revoke: (id) => tokens.delete(id),
      // Someone used the token: the only field of a listed token that changes.
      upload(id) {
        const token = tokens.get(id);
        if (token) tokens.set(id, { ...token, hasUploads: true });
      },
    },
  };
  return service;
}
