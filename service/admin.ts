import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Deps, jsonBody, type Req } from './context';
import { httpError } from './errors';
import { json, type Reply } from './http';
import { normalizeEmail, signIn } from './session';

// `npm run account` proves it runs on this machine, as the user who runs the service, by reading a
// secret the service keeps in DATA_DIR, readable by that user only (mode 0600). The route that takes
// it also answers loopback clients only (routes.ts). Processes sharing DATA_DIR share the secret.

const FILE = 'admin.secret';
export const ADMIN_HEADER = 'x-admin-secret';

/** The secret in `dataDir`, created on first use; its mode is (re)set to 0600 either way. */
export function ensureAdminSecret(dataDir: string): string {
  const path = join(dataDir, FILE);
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, randomBytes(32).toString('base64url'), { mode: 0o600 });
  try {
    // A hard link never replaces a file: the first process to start wins, the others read its secret.
    linkSync(partial, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(partial, { force: true });
  }
  chmodSync(path, 0o600);
  return readAdminSecret(dataDir) ?? '';
}

/** The secret a service on `dataDir` accepts, or null when there is none to read. */
export function readAdminSecret(dataDir: string): string | null {
  try {
    return readFileSync(join(dataDir, FILE), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function sameSecret(given: string, expected: string): boolean {
  // Hashes have one length, so the comparison takes the same time whatever was sent.
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * `POST /__admin/session {"email"}` with `X-Admin-Secret`: a session for that account, created if
 * new. Answers as `POST /auth/email/verify` does.
 */
export async function adminSessionRoute(req: Req, deps: Deps): Promise<Reply> {
  const given = req.headers[ADMIN_HEADER];
  if (!deps.adminSecret || typeof given !== 'string' || !sameSecret(given, deps.adminSecret)) {
    return httpError(403, 'wrong or missing administrator secret');
  }
  const body = await jsonBody(req);
  const email = normalizeEmail((body as { email?: unknown } | null | undefined)?.email);
  if (!email) return httpError(400, 'invalid email');
  const { credential, expires } = await signIn(deps, email);
  return json(200, { credential, email, expires });
}
