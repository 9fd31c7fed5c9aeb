import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { bearer } from './auth';
import type { Deps, Mode, Req } from './context';
import { openDb } from './db';
import { internalError, tooManyRequests } from './errors';
import { type Fault, type FaultState, faultReply, faultsOf, holdBack } from './faults';
import { corsHeaders, preflight, type Reply, readBody, readBytes, send } from './http';
import { acquireLock } from './lock';
import { createRateLimiter } from './rate-limit';
import { dispatch, routesFor } from './routes';
import { hashCredential, normalizeEmail, signIn } from './session';
import { createStore } from './store';
import { createUploadStore } from './uploads/store';

export interface ServiceOptions {
  /** 0 picks a free port; default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** PGlite data directory; undefined keeps everything in memory. Ignored with `databaseUrl`. */
  dataDir?: string;
  /** `postgres://…`: a PostgreSQL server, which several services may share, instead of PGlite. */
  databaseUrl?: string;
  /** Largest `POST /car` body; default 100 MiB (the client sends chunks of at most 50 MiB). */
  maxCarBytes?: number;
  /** API token signing secret (`SALT`); default: one generated and kept in the database. */
  salt?: string;
  /** Enables `POST /__control`. */
  control?: boolean;
  /** One line per request; default console.log. */
  log?: (line: string) => void;
  /** Default 30 requests per 10 s per credential (or per IP without one). */
  rateLimit?: { max: number; windowMs: number };
}

export interface RunningService {
  url: string;
  port: number;
  /** Creates the account if needed and returns a new session credential for it. */
  createAccount(email: string): Promise<string>;
  setMode(mode: Mode): void;
  /** As `POST /__control` `{"down": …}`: every request but `/__control` has its socket destroyed. */
  setDown(down: boolean): void;
  /** As `POST /__control` `{"faults": […]}`: replaces the planned faults (service/faults.ts). */
  setFaults(faults: readonly Fault[]): void;
  /** The fault switches now: `down`, and the planned faults with the `times` they have left. */
  faults(): FaultState;
  close(): Promise<void>;
}

export async function startService(opts: ServiceOptions = {}): Promise<RunningService> {
  const log = opts.log ?? console.log;
  // PGlite has one process per directory; a PostgreSQL server takes any number.
  const lock = opts.dataDir && !opts.databaseUrl ? acquireLock(opts.dataDir) : null;
  const db = await openDb({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl }).catch(
    (error: unknown) => {
      lock?.release();
      throw error;
    },
  );
  const store = createStore(db);
  const initialState = {
    mode: 'rw' as Mode,
    sunset: false,
    rateLimit: opts.rateLimit ?? { max: 30, windowMs: 10_000 },
  };
  const deps: Deps = {
    store,
    salt: opts.salt ?? (await store.secret()),
    state: structuredClone(initialState),
    initialState,
    limiter: createRateLimiter(db),
    uploads: createUploadStore(db),
    maxCarBytes: opts.maxCarBytes ?? 100 * 1024 * 1024,
    tmpDir: tmpdir(),
  };
  const routes = routesFor(opts.control === true);
  const faults = faultsOf(deps);

  async function respond(req: IncomingMessage, path: string): Promise<Reply> {
    const method = req.method ?? 'GET';
    // Preflights are not counted, so a 429 never hides behind a failed CORS check.
    if (method === 'OPTIONS') return preflight(req.headers);
    // The CDN counted per credential, else per address. Control calls are exempt so tests can
    // always reach the switches.
    if (!(opts.control && path === '/__control')) {
      const credential = bearer(req.headers);
      const key = credential ? `c:${hashCredential(credential)}` : `ip:${req.socket.remoteAddress ?? ''}`;
      if (!(await deps.limiter.hit(key, deps.state.rateLimit))) return tooManyRequests();
    }
    const request: Req = {
      method,
      path,
      query: (req.url ?? '').split('?').slice(1).join('?'),
      headers: req.headers,
      body: () => readBody(req),
      bytes: (limit) => readBytes(req, limit),
    };
    return dispatch(routes, request, deps);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    // Not `new URL(req.url, base)`: it reads `//user/tokens` as a host name.
    const path = (req.url ?? '/').split('?', 1)[0] || '/';
    res.once('close', () => {
      const ms = Math.round(performance.now() - started);
      // A socket destroyed by fault injection never sent a status.
      log(`${req.method} ${redact(path)} ${res.headersSent ? res.statusCode : 'dropped'} ${ms}ms`);
    });
    // Fault injection (service/faults.ts); the control route itself is never faulted.
    const fault = opts.control && path === '/__control' ? null : faults.take(req.method ?? 'GET', path);
    if (fault === 'down' || fault?.kind === 'refuse') {
      res.destroy();
      return;
    }
    let reply: Reply;
    if (fault?.kind === 'status') reply = faultReply(fault.status);
    else {
      try {
        reply = await respond(req, path);
      } catch (error) {
        // Our own bug: say which, never with request data (it may hold a credential).
        log(
          `internal error on ${req.method} ${redact(path)}: ${error instanceof Error ? error.name : 'unknown'}`,
        );
        reply = internalError();
      }
    }
    // The change is applied by now: `lose` drops the answer, `delay` sends it late.
    if (fault?.kind === 'lose') {
      res.destroy();
      return;
    }
    if (fault?.kind === 'delay') await holdBack(res, fault.ms);
    if (res.destroyed) return;
    await send(res, reply, corsHeaders(req.headers));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8787, opts.host ?? '127.0.0.1', resolve);
  }).catch(async (error: unknown) => {
    await db.close();
    lock?.release();
    throw error;
  });

  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  lock?.update({ pid: process.pid, url });
  let closing: Promise<void> | undefined;

  return {
    url,
    port,
    async createAccount(email) {
      const normalized = normalizeEmail(email);
      if (!normalized) throw new Error('invalid email');
      return signIn(deps, normalized);
    },
    setMode(mode) {
      deps.state.mode = mode;
    },
    setDown(down) {
      faults.setDown(down);
    },
    setFaults(planned) {
      faults.setFaults(planned);
    },
    faults() {
      return faults.snapshot();
    },
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await db.close();
        lock?.release();
      })();
      return closing;
    },
  };
}

// A path segment long enough to be a credential or an API token (a client passing a secret
// where an id belongs) is never written to the log. Ids are at most 20 digits.
function redact(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment.length > 24 ? ':redacted' : segment))
    .join('/');
}
