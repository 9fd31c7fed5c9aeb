import { tmpdir } from 'node:os';
import { ensureAdminSecret } from './admin';
import type { Deps, Mode } from './context';
import type { openDb } from './db';
import { createMailer } from './mail';
import { createRateLimiter } from './rate-limit';
import type { ServiceOptions } from './server';
import { DEFAULT_SESSIONS } from './session';
import { DEFAULT_SIGN_IN_LIMITS } from './sign-in';
import { createSignInStore } from './sign-in-store';
import { createStore } from './store';
import { createUploadStore } from './uploads/store';

/** Everything the handlers of one running service share, built from its options and database. */
export async function createDeps(
  opts: ServiceOptions,
  db: Awaited<ReturnType<typeof openDb>>,
): Promise<Deps> {
  const store = createStore(db);
  const log = opts.log ?? console.log;
  const initialState = {
    mode: 'rw' as Mode,
    sunset: false,
    rateLimit: opts.rateLimit ?? { max: 30, windowMs: 10_000 },
    signInLimits: { ...DEFAULT_SIGN_IN_LIMITS, ...opts.signInLimits },
  };
  return {
    store,
    salt: opts.salt ?? (await store.secret()),
    state: structuredClone(initialState),
    initialState,
    limiter: createRateLimiter(db),
    uploads: createUploadStore(db),
    maxCarBytes: opts.maxCarBytes ?? 100 * 1024 * 1024,
    tmpDir: tmpdir(),
    signInStore: createSignInStore(db),
    mailer: createMailer({ smtpUrl: opts.smtpUrl, from: opts.mailFrom, print: opts.printCode }),
    sessions: {
      ttlSeconds: opts.sessionTtlSeconds ?? DEFAULT_SESSIONS.ttlSeconds,
      max: opts.maxSessions ?? DEFAULT_SESSIONS.max,
    },
    now: opts.now ?? (() => new Date()),
    adminSecret: opts.dataDir ? ensureAdminSecret(opts.dataDir) : null,
    log,
  };
}
