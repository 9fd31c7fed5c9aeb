// `npm run --silent account -- <email>`: prints a session credential for that account, alone on
// stdout. A local administrator command: with a service running on DATA_DIR it proves it is local
// with the secret that service keeps in DATA_DIR (admin.ts), readable only by the user running it;
// with none running, it opens DATA_DIR itself. No open route hands out credentials.
import { ADMIN_HEADER, readAdminSecret } from './admin';
import { optionsFromEnv } from './config';
import { acquireLock, readLock } from './lock';
import { DEFAULT_SESSIONS, normalizeEmail, signIn } from './session';

const options = (() => {
  try {
    return optionsFromEnv();
  } catch (error) {
    return fail((error as Error).message, 2);
  }
})();
const dataDir = options.dataDir ?? '.data/service';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/** The credential from the service at `url`, or null when nothing listens there. */
async function viaService(url: string, email: string): Promise<string | null> {
  const secret = readAdminSecret(dataDir);
  const target = new URL('/__admin/session', url);
  // A service listening on every address is reached, and answers, on loopback.
  if (target.hostname === '0.0.0.0') target.hostname = '127.0.0.1';
  if (target.hostname === '[::]') target.hostname = '[::1]';
  let res: Response;
  try {
    res = await fetch(target, {
      method: 'POST',
      headers: secret ? { [ADMIN_HEADER]: secret } : {},
      body: JSON.stringify({ email }),
    });
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') return null;
    return fail(`Cannot reach the service at ${url}: ${(error as Error).message}`);
  }
  const body = (await res.json().catch(() => null)) as { credential?: unknown; message?: unknown } | null;
  if (res.ok && typeof body?.credential === 'string') return body.credential;
  if (!secret)
    return fail(`No ${dataDir}/admin.secret to prove to the service at ${url} that this is its machine.`);
  return fail(
    `The service at ${url} answered ${res.status}: ${String(body?.message ?? 'not a reference service?')}` +
      ` (is it running on another DATA_DIR than ${dataDir}?)`,
  );
}

async function direct(email: string): Promise<string> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  // A PostgreSQL server takes any number of clients; a PGlite directory only one process.
  const lock = databaseUrl ? null : acquireLock(dataDir);
  try {
    // Loaded only here: the database driver takes a moment to import and the usual path never needs it.
    const [{ openDb }, { createStore }] = await Promise.all([import('./db'), import('./store')]);
    const db = await openDb({ dataDir, databaseUrl });
    try {
      const sessions = {
        ttlSeconds: options.sessionTtlSeconds ?? DEFAULT_SESSIONS.ttlSeconds,
        max: options.maxSessions ?? DEFAULT_SESSIONS.max,
      };
      const deps = { store: createStore(db), now: () => new Date(), sessions };
      return (await signIn(deps, email)).credential;
    } finally {
      await db.close();
    }
  } finally {
    lock?.release();
  }
}

const input = process.argv[2];
if (!input) fail('Usage: npm run --silent account -- <email>', 2);
const email = normalizeEmail(input);
if (!email) fail(`Not an email address: ${input}`, 2);

const url = process.env.SERVICE_URL || `http://127.0.0.1:${options.port}`;
// A service on another port may hold DATA_DIR: ask it rather than open the dir behind its back.
const running = readLock(dataDir)?.url;
const credential = (await viaService(url, email)) ?? (running && (await viaService(running, email)));
if (credential) {
  process.stdout.write(`${credential}\n`);
} else {
  const where = process.env.DATABASE_URL ? 'the DATABASE_URL database' : dataDir;
  console.error(`No service at ${url}: created the account in ${where} directly.`);
  process.stdout.write(`${await direct(email)}\n`);
}
