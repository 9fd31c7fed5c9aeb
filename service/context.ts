import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './http';
import type { Mailer } from './mail';
import type { RateLimiter, RateLimitOptions } from './rate-limit';
import type { SessionPolicy } from './session';
import type { Limit, SignInStore } from './sign-in-store';
import type { SessionUser, Store } from './store';
import type { UploadStore } from './uploads/store';

/** `MODE` of the original: read-write, read-only, or no database at all. */
export type Mode = 'rw' | 'r-' | '--';
export const MODES: readonly Mode[] = ['rw', 'r-', '--'];

/** Runtime switches: set at start-up, flipped by `setMode()` and the control route. */
export interface ServiceState {
  mode: Mode;
  sunset: boolean;
  rateLimit: RateLimitOptions;
  signInLimits: SignInLimits;
}

/** Limits of the sign-in routes, counted in the database (sign-in-store.ts). */
export interface SignInLimits {
  /** Codes asked for one email address. */
  codesPerEmail: Limit;
  /** Codes asked from one client address, whatever the email. */
  codesPerClient: Limit;
  /** Codes checked from one client address (wrong tries are also capped per code). */
  checksPerClient: Limit;
}

/** What every handler may use; one instance per running service. */
export interface Deps {
  store: Store;
  state: ServiceState;
  salt: string;
  limiter: RateLimiter;
  uploads: UploadStore;
  /** Largest CAR body `POST /car` takes; the real client sends chunks of at most 50 MiB. */
  maxCarBytes: number;
  /** Where a CAR waits while it is received (a temporary file per request). */
  tmpDir: string;
  signInStore: SignInStore;
  mailer: Mailer;
  sessions: SessionPolicy;
  /** The clock of sessions and codes; injectable so tests can age them. */
  now: () => Date;
  /** What `npm run account` must send (admin.ts); null when the service has no DATA_DIR. */
  adminSecret: string | null;
  log: (line: string) => void;
  /** State the control route's `reset` goes back to. */
  initialState: Readonly<ServiceState>;
}

export interface Req {
  method: string;
  path: string;
  /** The query string, without `?`. */
  query: string;
  headers: IncomingHttpHeaders;
  /** The client's address, as the socket saw it. */
  client: string;
  /** The account of the bearer credential, when server.ts already looked it up. */
  verified?: SessionUser | null;
  /** The request body as text; rejects past 1 MiB. */
  body(): Promise<string>;
  /** The request body as bytes; throws BodyTooLargeError past `limit`. */
  bytes(limit: number): AsyncIterable<Uint8Array>;
}

export type Handler = (req: Req, deps: Deps, params: string[]) => Promise<Reply>;
export type UserHandler = (req: Req, deps: Deps, user: SessionUser, params: string[]) => Promise<Reply>;

/** Parses a JSON body, or returns undefined when it is not JSON. */
export async function jsonBody(req: Req): Promise<unknown> {
  try {
    return JSON.parse(await req.body());
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
