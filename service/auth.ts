import type { IncomingHttpHeaders } from 'node:http';
import type { Deps, Handler, UserHandler } from './context';
import { magicTokenRequired, noToken, userNotFound } from './errors';
import { isSignedBy } from './jwt';
import { hashCredential } from './session';

/** The credential of an `Authorization: Bearer …` header; the prefix is case-insensitive. */
export function bearer(headers: IncomingHttpHeaders): string | null {
  const match = /^bearer\s+(.+)$/i.exec(headers.authorization ?? '');
  return match?.[1]?.trim() || null;
}

/**
 * Session-only routes, like the original's `withMagicToken`: an API token this service signed is
 * recognised and refused with ERROR_MAGIC_TOKEN_REQUIRED before any account lookup.
 */
export function withUser(handler: UserHandler): Handler {
  return async (req, deps: Deps, params) => {
    const credential = bearer(req.headers);
    if (!credential) return noToken();
    if (isSignedBy(credential, deps.salt)) return magicTokenRequired();
    const user =
      req.verified !== undefined
        ? req.verified
        : await deps.store.findSessionUser(hashCredential(credential), deps.now());
    if (!user) return userNotFound();
    return handler(req, deps, user, params);
  };
}
