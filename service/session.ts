import { createHash, randomBytes } from 'node:crypto';
import { type Deps, jsonBody, type Req } from './context';
import { httpError } from './errors';
import { json, type Reply } from './http';

/** Opaque session credentials: only their SHA-256 hash is stored. */
export function newCredential(): string {
  return `w3ss_${randomBytes(32).toString('base64url')}`;
}

export function hashCredential(credential: string): string {
  return createHash('sha256').update(credential).digest('hex');
}

/** Trimmed and lower-cased, so `Ana@Example.org` and `ana@example.org` are one account; null if not an email. */
export function normalizeEmail(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const email = input.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 320 ? email : null;
}

/** Creates the account when needed and returns a new session credential for it. */
export async function signIn(deps: Pick<Deps, 'store'>, email: string): Promise<string> {
  const credential = newCredential();
  await deps.store.createSession(email, hashCredential(credential));
  return credential;
}

/**
 * `POST /auth/session {"email"}`: this project's stand-in for magic.link sign-in. It proves nothing
 * about the caller, so it is for a reference service on a developer's own machine only.
 */
export async function sessionRoute(req: Req, deps: Deps): Promise<Reply> {
  const body = await jsonBody(req);
  const email = normalizeEmail((body as { email?: unknown } | null | undefined)?.email);
  if (!email) return httpError(400, 'invalid email');
  return json(200, { credential: await signIn(deps, email), email });
}
