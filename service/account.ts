// `npm run --silent account -- <email>`: prints a session credential for that account, alone on
// stdout. Asks the running service; with none listening, writes to DATA_DIR directly.
import { acquireLock, readLock } from './lock';
import { normalizeEmail, signIn } from './session';

const dataDir = process.env.DATA_DIR || '.data/service';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/** The credential from the service at `url`, or null when nothing listens there. */
async function viaService(url: string, email: string): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch(new URL('/auth/session', url), { method: 'POST', body: JSON.stringify({ email }) });
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') return null;
    return fail(`Cannot reach the service at ${url}: ${(error as Error).message}`);
  }
  const body = (await res.json().catch(() => null)) as { credential?: unknown; message?: unknown } | null;
  if (!res.ok || typeof body?.credential !== 'string') {
    return fail(
      `The service at ${url} answered ${res.status}: ${String(body?.message ?? 'not a reference service?')}`,
    );
  }
  return body.credential;
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
      return await signIn({ store: createStore(db) }, email);
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

const url = process.env.SERVICE_URL || `http://127.0.0.1:${process.env.PORT || 8787}`;
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
