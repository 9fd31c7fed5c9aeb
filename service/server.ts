import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearer } from './auth';
import type { Mode, Req, SignInLimits } from './context';
import { openDb } from './db';
import { createDeps } from './deps';
import { internalError, misdirected, originNotAllowed, tooManyRequests } from './errors';
import { type Fault, type FaultState, faultReply, faultsOf, holdBack } from './faults';
import { allowedHosts, isAllowedHost, isAllowedOrigin } from './guard';
import { corsHeaders, preflight, type Reply, readBody, readBytes, send } from './http';
import { isSignedBy } from './jwt';
import { acquireLock } from './lock';
import { dispatch, routesFor } from './routes';
import { hashCredential, normalizeEmail, signIn } from './session';

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
  /** Default 30 requests per 10 s per verified credential (or per client address without one). */
  rateLimit?: { max: number; windowMs: number };
  /** Limits of the sign-in routes; default DEFAULT_SIGN_IN_LIMITS (sign-in.ts). */
  signInLimits?: Partial<SignInLimits>;
  /** Public URLs the service is reached at (`PUBLIC_URL`): their hosts are answered besides loopback. */
  publicUrls?: readonly string[];
  /** Web origins allowed to call from a browser (`CORS_ORIGINS`), besides extension pages. */
  corsOrigins?: readonly string[];
  /** Session lifetime in seconds (`SESSION_TTL`); default 30 days. */
  sessionTtlSeconds?: number;
  /** Live sessions one account keeps (`MAX_SESSIONS`); the oldest end first. Default 10. */
  maxSessions?: number;
  /** Sends sign-in codes by mail (`SMTP_URL`); without it they are printed with `printCode`. */
  smtpUrl?: string;
  /** The From of sign-in mail (`MAIL_FROM`). */
  mailFrom?: string;
  /** Where a sign-in code is printed when there is no SMTP_URL; default console.log. */
  printCode?: (line: string) => void;
  /** The clock of sessions and codes; default the real one. */
  now?: () => Date;
}

export interface RunningService {
  url: string;
  port: number;
  /** Where sign-in codes go, in words ("this service's console", or the inbox). */
  codesGoTo: string;
  /** Creates the account if needed and returns a new session credential for it (in-process only). */
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
  const deps = await createDeps(opts, db);
  const routes = routesFor(opts.control === true, deps.adminSecret !== null);
  const faults = faultsOf(deps);
  const corsOrigins = new Set(opts.corsOrigins ?? []);
  let hosts = new Set<string>();

  async function respond(req: IncomingMessage, path: string): Promise<Reply> {
    const method = req.method ?? 'GET';
    // Preflights are not counted, so a 429 never hides behind a failed CORS check.
    if (method === 'OPTIONS') return preflight(req.headers);
    const client = req.socket.remoteAddress ?? '';
    const request: Req = {
      method,
      path,
      query: (req.url ?? '').split('?').slice(1).join('?'),
      headers: req.headers,
      client,
      body: () => readBody(req),
      bytes: (limit) => readBytes(req, limit),
    };
    // The CDN counted per credential, else per address. Only a verified credential gets its own
    // count: a live session, or an API token this service signed (its signature cannot be made
    // up without the salt, and the real client's token is what the original's CDN counted). A
    // made-up bearer counts against its address, or anyone could get a fresh allowance per
    // request. Control calls are exempt so tests can always reach the switches.
    if (!(opts.control && path === '/__control')) {
      const credential = bearer(req.headers);
      const signed = credential !== null && isSignedBy(credential, deps.salt);
      if (credential && !signed) {
        request.verified = await deps.store.findSessionUser(hashCredential(credential), deps.now());
      }
      const key =
        credential && (signed || request.verified) ? `c:${hashCredential(credential)}` : `ip:${client}`;
      if (!(await deps.limiter.hit(key, deps.state.rateLimit))) return tooManyRequests();
    }
    return dispatch(routes, request, deps);
  }

  /** The front door: a foreign Host (DNS rebinding) or a foreign web page is refused before anything runs. */
  function refusal(req: IncomingMessage): Reply | null {
    if (!isAllowedHost(req.headers.host, hosts)) return misdirected();
    const origin = req.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, corsOrigins)) return originNotAllowed();
    return null;
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
    const refused = refusal(req);
    if (refused) {
      send(res, refused, corsHeaders(undefined));
      return;
    }
    // Fault injection (service/faults.ts); the control route itself is never faulted.
    const fault = opts.control && path === '/__control' ? null : faults.take(req.method ?? 'GET', path);
    if (fault === 'down' || fault?.kind === 'refuse') {
      res.destroy();
      return;
    }
    let reply: Reply;
    if (fault?.kind === 'status') reply = faultReply(fault);
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
    await send(res, reply, corsHeaders(req.headers.origin));
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
  hosts = allowedHosts(port, opts.host ?? '127.0.0.1', opts.publicUrls ?? []);
  lock?.update({ pid: process.pid, url });
  let closing: Promise<void> | undefined;

  return {
    url,
    port,
    codesGoTo: deps.mailer.where,
    async createAccount(email) {
      const normalized = normalizeEmail(email);
      if (!normalized) throw new Error('invalid email');
      return (await signIn(deps, normalized)).credential;
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
