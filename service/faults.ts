import type { ServerResponse } from 'node:http';
import type { Deps } from './context';
import { accountRestricted, dbError, maintenance, noToken, sunset, tooManyRequests } from './errors';
import { json, type Reply } from './http';

// Fault injection for tests, over real HTTP: the service can play dead, answer an error, answer
// late, lose its answer after applying a change, or refuse a request without applying it.
// Set through `POST /__control` (`down`, `faults`, `reset`) or RunningService.setDown/setFaults.

export const FAULT_ROUTES = [
  'GET /user/tokens',
  'POST /user/tokens',
  'DELETE /user/tokens/:id',
  '*',
] as const;
export type FaultRoute = (typeof FAULT_ROUTES)[number];

export const FAULT_STATUSES = [500, 503, 410, 429, 401, 403] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

/** Longest `delay` accepted, so a forgotten fault cannot hold a request for ever. */
export const MAX_DELAY_MS = 600_000;

/**
 * One planned fault: it hits the next `times` requests of `route` ('*', also when `route` is left
 * out of the control body: any request but preflights and `/__control`), then is gone.
 * - `status`: answers the error without running the route (429: plain text, no Retry-After;
 *   503 ERROR_MAINTENANCE; 410 ERROR_FEATURE_HAS_BEEN_SUNSET; 500 ERROR_DB; 401 ERROR_NO_TOKEN, a
 *   session the service no longer takes; 403 ERROR_ACCOUNT_RESTRICTED, e.g. on writes only).
 *   A 429 may carry `retryAfter` (the header's text as given: seconds or an HTTP date) and
 *   `body: 'json'` (the API's own `{code, message}` instead of the CDN's plain text).
 * - `delay`: runs the route at once (the change is applied) and holds the answer back `ms`.
 * - `lose`: runs the route (the change is applied), then destroys the socket instead of answering.
 *   With `times` > 1 it keeps losing while the browser resends the request on a new connection,
 *   as Chromium does when a reused keep-alive connection closes without an answer.
 * - `refuse`: destroys the socket without running the route.
 */
export type Fault = { route: FaultRoute; times: number } & (
  | { kind: 'status'; status: FaultStatus; retryAfter?: string; body?: 'json' | 'text' }
  | { kind: 'delay'; ms: number }
  | { kind: 'lose' }
  | { kind: 'refuse' }
);

export interface FaultState {
  /** Every request but `/__control` has its socket destroyed at once, as if nothing listened. */
  down: boolean;
  /** Planned faults, first match wins; each one's `times` counts down to its removal. */
  faults: Fault[];
  /**
   * Plays a classic-contract server: `Idempotency-Key` is ignored, so a create whose answer is
   * lost and that the browser resends is made again (issue 18).
   */
  classic: boolean;
}

export interface Faults {
  setDown(down: boolean): void;
  setClassic(classic: boolean): void;
  classic(): boolean;
  /** Replaces the planned faults; `[]` clears them. */
  setFaults(faults: readonly Fault[]): void;
  /** Up, and no faults planned. */
  reset(): void;
  /** A copy of the current switches. */
  snapshot(): FaultState;
  /** What to do with a request: 'down', the fault it consumes (one of its `times`), or null. */
  take(method: string, path: string): 'down' | Fault | null;
}

export function createFaults(): Faults {
  const state: FaultState = { down: false, faults: [], classic: false };
  return {
    setDown(down) {
      state.down = down;
    },
    setClassic(classic) {
      state.classic = classic;
    },
    classic: () => state.classic,
    setFaults(faults) {
      state.faults = faults.map((fault) => ({ ...fault }));
    },
    reset() {
      state.down = false;
      state.faults = [];
      state.classic = false;
    },
    snapshot() {
      return structuredClone(state);
    },
    take(method, path) {
      if (state.down) return 'down';
      if (method === 'OPTIONS') return null;
      const index = state.faults.findIndex((fault) => routeMatches(fault.route, method, path));
      const fault = state.faults[index];
      if (!fault) return null;
      fault.times -= 1;
      if (fault.times <= 0) state.faults.splice(index, 1);
      return { ...fault };
    },
  };
}

const ROUTE_PATTERNS: Record<Exclude<FaultRoute, '*'>, [string, RegExp]> = {
  'GET /user/tokens': ['GET', /^\/user\/tokens$/],
  'POST /user/tokens': ['POST', /^\/user\/tokens$/],
  'DELETE /user/tokens/:id': ['DELETE', /^\/user\/tokens\/[^/]+$/],
};

function routeMatches(route: FaultRoute, method: string, path: string): boolean {
  if (route === '*') return true;
  const [routeMethod, pattern] = ROUTE_PATTERNS[route];
  return routeMethod === method && pattern.test(path);
}

// One fault state per running service, found from the Deps every route already receives.
const byDeps = new WeakMap<Deps, Faults>();

export function faultsOf(deps: Deps): Faults {
  let faults = byDeps.get(deps);
  if (!faults) {
    faults = createFaults();
    byDeps.set(deps, faults);
  }
  return faults;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;
const FAULT_KEYS: Record<Fault['kind'], readonly string[]> = {
  status: ['route', 'kind', 'times', 'status', 'retryAfter', 'body'],
  delay: ['route', 'kind', 'times', 'ms'],
  lose: ['route', 'kind', 'times'],
  refuse: ['route', 'kind', 'times'],
};

/** Validates the control route's `faults` array; a string is the 400 message. */
export function parseFaults(value: unknown): Fault[] | string {
  if (!Array.isArray(value)) return 'faults must be an array';
  const faults: Fault[] = [];
  for (const [i, item] of value.entries()) {
    const fault = parseFault(item);
    if (typeof fault === 'string') return `faults[${i}]: ${fault}`;
    faults.push(fault);
  }
  return faults;
}

function parseFault(item: unknown): Fault | string {
  if (!isObject(item)) return 'must be an object';
  const route = item.route === undefined ? '*' : FAULT_ROUTES.find((candidate) => candidate === item.route);
  if (!route) return `route must be one of ${FAULT_ROUTES.join(', ')}`;
  if (!isCount(item.times)) return 'times must be a positive integer';
  const times = item.times;
  const kind = item.kind;
  if (kind !== 'status' && kind !== 'delay' && kind !== 'lose' && kind !== 'refuse') {
    return 'kind must be one of status, delay, lose, refuse';
  }
  const extra = Object.keys(item).find((key) => !FAULT_KEYS[kind].includes(key));
  if (extra) return `unknown field ${extra} for kind ${kind}`;
  if (kind === 'status') {
    const status = FAULT_STATUSES.find((candidate) => candidate === item.status);
    if (!status) return `status must be one of ${FAULT_STATUSES.join(', ')}`;
    return parseRateLimitParts({ route, times, kind, status }, item);
  }
  if (kind === 'delay') {
    if (!isCount(item.ms) || item.ms > MAX_DELAY_MS) return `ms must be an integer from 1 to ${MAX_DELAY_MS}`;
    return { route, times, kind, ms: item.ms };
  }
  return { route, times, kind };
}

/** A 429's `retryAfter` (visible ASCII, as a header allows) and `body`; other statuses take neither. */
function parseRateLimitParts(
  fault: Fault & { kind: 'status' },
  item: Record<string, unknown>,
): Fault | string {
  const { retryAfter, body } = item;
  if ((retryAfter !== undefined || body !== undefined) && fault.status !== 429)
    return 'retryAfter and body go with status 429 only';
  if (
    retryAfter !== undefined &&
    (typeof retryAfter !== 'string' || !/^[\x20-\x7e]{1,100}$/.test(retryAfter))
  )
    return 'retryAfter must be a header value: seconds or an HTTP date';
  if (body !== undefined && body !== 'json' && body !== 'text') return "body must be 'json' or 'text'";
  return {
    ...fault,
    ...(retryAfter === undefined ? {} : { retryAfter }),
    ...(body === undefined ? {} : { body }),
  };
}

/** The answer of a `status` fault, with the body the original (or its CDN) sent for that status. */
export function faultReply(fault: Fault & { kind: 'status' }): Reply {
  switch (fault.status) {
    case 429: {
      const reply =
        fault.body === 'json'
          ? json(429, { code: 'ERROR_TOO_MANY_REQUESTS', message: 'Too many requests, slow down' })
          : tooManyRequests();
      return fault.retryAfter === undefined
        ? reply
        : { ...reply, headers: { ...reply.headers, 'Retry-After': fault.retryAfter } };
    }
    case 401:
      return noToken();
    case 403:
      return accountRestricted();
    case 503:
      return maintenance();
    case 410:
      return sunset();
    case 500:
      return dbError();
  }
}

/** Waits `ms`, or less if the connection closes first (the client gave up, or the service closed). */
export function holdBack(res: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.once('close', done);
  });
}
