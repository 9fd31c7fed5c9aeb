import type { IncomingHttpHeaders } from 'node:http';
import type { Deps, Handler, Req, UserHandler } from './context';
import {
  accountRestricted,
  magicTokenRequired,
  noToken,
  tokenBlocked,
  tokenNotFound,
  unrecognisedToken,
  userNotFound,
} from './errors';
import type { Reply } from './http';
import { isSignedBy, subjectOf } from './jwt';
import { hashCredential } from './session';
import type { SessionUser } from './store';

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

/** Who sent a request on an API-token route: the account, and the token unless it was a session. */
export interface Uploader {
  user: SessionUser;
  tokenId: string | null;
}

export type UploaderHandler = (req: Req, deps: Deps, uploader: Uploader, params: string[]) => Promise<Reply>;

/**
 * Routes the real JS client calls, like the original's `withApiOrMagicToken`: an API token is
 * looked up by its account and exact secret, deleted ones included, so a revoked token gets
 * ERROR_TOKEN_NOT_FOUND; a session credential is accepted too. `upload` routes also refuse a
 * restricted account (listing stays allowed).
 */
export function withApiToken(handler: UploaderHandler, { upload }: { upload: boolean }): Handler {
  return async (req, deps, params) => {
    const credential = bearer(req.headers);
    if (!credential) return noToken();
    const found = await identify(credential, deps);
    if ('status' in found) return found;
    if (upload && (await deps.store.tags(found.user.id)).HasAccountRestriction === 'true') {
      return accountRestricted();
    }
    return handler(req, deps, found, params);
  };
}

async function identify(credential: string, deps: Deps): Promise<Uploader | Reply> {
  if (isSignedBy(credential, deps.salt)) {
    const sub = subjectOf(credential);
    const key = sub ? await deps.store.findApiKey(sub, credential) : null;
    if (!key || key.deleted) return tokenNotFound();
    if (key.blocked) return tokenBlocked();
    return { user: key.user, tokenId: key.id };
  }
  const user = await deps.store.findSessionUser(hashCredential(credential), deps.now());
  return user ? { user, tokenId: null } : unrecognisedToken();
}
