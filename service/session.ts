import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from './context';

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

/** How long sessions live and how many one account keeps. */
export interface SessionPolicy {
  ttlSeconds: number;
  max: number;
}

export const DEFAULT_SESSIONS: SessionPolicy = { ttlSeconds: 30 * 24 * 3600, max: 10 };

/**
 * Creates the account when needed and a new session for it (ending the oldest past the cap).
 * Only callers that proved who they are reach this: a verified code, the admin secret, or code
 * running in the service's own process.
 */
export async function signIn(
  deps: Pick<Deps, 'store' | 'now' | 'sessions'>,
  email: string,
): Promise<{ credential: string; expires: string }> {
  const credential = newCredential();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.sessions.ttlSeconds * 1000);
  await deps.store.createSession(email, hashCredential(credential), {
    now,
    expiresAt,
    maxSessions: deps.sessions.max,
  });
  return { credential, expires: expiresAt.toISOString() };
}
