import type { ServerResponse } from 'node:http';
import type { Deps } from './context';
import { dbError, maintenance, sunset, tooManyRequests } from './errors';
import type { Reply } from './http';

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

export const FAULT_STATUSES = [500, 503, 410, 429] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

/** Longest `delay` accepted, so a forgotten fault cannot hold a request for ever. */
export const MAX_DELAY_MS = 600_000;

/**
 * One planned fault: it hits the next `times` requests of `route` ('*', also when `route` is left
 * out of the control body: any request but preflights and `/__control`), then is gone.
 * - `status`: answers the error without running the route (429: plain text, no Retry-After;
 *   503 ERROR_MAINTENANCE; 410 ERROR_FEATURE_HAS_BEEN_SUNSET; 500 ERROR_DB).
 * - `delay`: runs the route at once (the change is applied) and holds the answer back `ms`.
 * - `lose`: runs the route (the change is applied), then destroys the socket instead of answering.
 *   With `times` > 1 it keeps losing while the browser resends the request on a new connection,
 *   as Chromium does when a reused keep-alive connection closes without an answer.
 * - `refuse`: destroys the socket without running the route.
 */
export type Fault = { route: FaultRoute; times: number } & (
  | { kind: 'status'; status: FaultStatus }
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
  status: ['route', 'kind', 'times', 'status'],
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
    return { route, times, kind, status };
  }
  if (kind === 'delay') {
    if (!isCount(item.ms) || item.ms > MAX_DELAY_MS) return `ms must be an integer from 1 to ${MAX_DELAY_MS}`;
    return { route, times, kind, ms: item.ms };
  }
  return { route, times, kind };
}

/** The answer of a `status` fault, with the body the original (or its CDN) sent for that status. */
export function faultReply(status: FaultStatus): Reply {
  switch (status) {
    case 429:
      return tooManyRequests();
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
