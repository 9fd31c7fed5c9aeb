import { adminSessionRoute } from './admin';
import { withApiToken, withUser } from './auth';
import type { Deps, Handler, Req, ServiceState } from './context';
import { controlRoute } from './control';
import { isDbError } from './db';
import { dbError, httpError, maintenance, notFound, sunset } from './errors';
import { isLoopback } from './guard';
import { BodyTooLargeError, type Reply } from './http';
import { sendCodeRoute, signOutRoute, verifyCodeRoute } from './sign-in';
import { createToken, deleteToken, listTokens } from './tokens';
import { carRoute, deleteUploadRoute, getCarRoute, statusRoute, uploadsRoute } from './uploads/routes';
import { accountRoute, infoRoute } from './user';
import { versionRoute } from './version';

/** `read` routes stop when the database is off (`--`), `write` routes also in read-only mode and after the sunset. */
type Access = 'public' | 'read' | 'write';

interface Route {
  method: string;
  pattern: RegExp;
  access: Access;
  handler: Handler;
  /** Answered to loopback clients only; 404 for anyone else, as if it did not exist. */
  local?: boolean;
}

const ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/version$/, access: 'public', handler: versionRoute },
  // Sign-in works in read-only mode and after the sunset, as magic.link did for the original.
  { method: 'POST', pattern: /^\/auth\/email$/, access: 'read', handler: sendCodeRoute },
  { method: 'POST', pattern: /^\/auth\/email\/verify$/, access: 'read', handler: verifyCodeRoute },
  { method: 'DELETE', pattern: /^\/auth\/session$/, access: 'read', handler: signOutRoute },
  { method: 'GET', pattern: /^\/user\/tokens$/, access: 'read', handler: withUser(listTokens) },
  { method: 'POST', pattern: /^\/user\/tokens$/, access: 'write', handler: withUser(createToken) },
  { method: 'DELETE', pattern: /^\/user\/tokens\/([^/]+)$/, access: 'write', handler: withUser(deleteToken) },
  { method: 'GET', pattern: /^\/user\/account$/, access: 'read', handler: withUser(accountRoute) },
  { method: 'GET', pattern: /^\/user\/info$/, access: 'read', handler: withUser(infoRoute) },
  { method: 'POST', pattern: /^\/car$/, access: 'write', handler: withApiToken(carRoute, { upload: true }) },
  {
    method: 'GET',
    pattern: /^\/user\/uploads$/,
    access: 'read',
    handler: withApiToken(uploadsRoute, { upload: false }),
  },
  {
    method: 'DELETE',
    pattern: /^\/user\/uploads\/([^/]+)$/,
    access: 'write',
    handler: withApiToken(deleteUploadRoute, { upload: false }),
  },
  { method: 'GET', pattern: /^\/status\/([^/]+)$/, access: 'read', handler: statusRoute },
  { method: 'GET', pattern: /^\/car\/([^/]+)$/, access: 'read', handler: getCarRoute },
];

const CONTROL: Route = {
  method: 'POST',
  pattern: /^\/__control$/,
  access: 'public',
  handler: controlRoute,
  local: true,
};
// `npm run account` on a running service (admin.ts); only a service with a DATA_DIR has a secret.
const ADMIN: Route = {
  method: 'POST',
  pattern: /^\/__admin\/session$/,
  access: 'read',
  handler: adminSessionRoute,
  local: true,
};

export function routesFor(control: boolean, admin: boolean): readonly Route[] {
  return [...ROUTES, ...(control ? [CONTROL] : []), ...(admin ? [ADMIN] : [])];
}

// Mode and sunset are checked before authentication, as the original's middleware order did.
function gate(access: Access, state: ServiceState): Reply | null {
  if (access === 'public') return null;
  if (state.mode === '--' || (access === 'write' && state.mode !== 'rw')) return maintenance();
  if (access === 'write' && state.sunset) return sunset();
  return null;
}

/** Finds the route for a request and runs it; database failures become 500 ERROR_DB, without Postgres' text. */
export async function dispatch(routes: readonly Route[], req: Req, deps: Deps): Promise<Reply> {
  for (const route of routes) {
    const match = route.method === req.method ? route.pattern.exec(req.path) : null;
    if (!match || (route.local && !isLoopback(req.client))) continue;
    const params = match.slice(1).map(decodeParam);
    try {
      return gate(route.access, deps.state) ?? (await route.handler(req, deps, params));
    } catch (error) {
      if (isDbError(error)) return dbError();
      if (error instanceof BodyTooLargeError) return httpError(413, error.message);
      throw error;
    }
  }
  return notFound();
}

function decodeParam(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}
