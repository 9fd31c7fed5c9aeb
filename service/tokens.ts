import { type Deps, jsonBody, type Req, type UserHandler } from './context';
import { deleteRestricted, httpError, idempotencyKeyReused } from './errors';
import { faultsOf } from './faults';
import { emptyJson, json } from './http';
import { MAX_IDEMPOTENCY_KEY } from './idempotency';
import { signApiToken } from './jwt';

// Handlers of packages/api/src/user.js, quirks kept: see /work/shared/api-contract.md.

/** `GET /user/tokens`: a bare, unordered array with every secret in full. */
export const listTokens: UserHandler = async (_req, deps, user) =>
  json(200, await deps.store.listTokens(user.id));

/** `POST /user/tokens`: any non-empty string name (no trim, no cap); answers the id only. */
export const createToken: UserHandler = async (req, deps, user) => {
  const body = await jsonBody(req);
  const name = (body as { name?: unknown } | null | undefined)?.name;
  if (typeof name !== 'string' || name === '') return httpError(400, 'invalid name');
  const secret = signApiToken({ sub: user.issuer, iat: Date.now(), name }, deps.salt);
  const key = idempotencyKey(req, deps);
  if (key === null) return json(201, { _id: await deps.store.createToken(user.id, name, secret) });
  if (key.length > MAX_IDEMPOTENCY_KEY) return httpError(400, 'Idempotency-Key too long');
  const once = await deps.store.createTokenOnce(user.id, name, secret, key);
  return once.kind === 'reused' ? idempotencyKeyReused() : json(201, { _id: once.id });
};

/** This project's extension (docs/idempotency.md); a `classic` service (test switch) ignores it. */
function idempotencyKey(req: Req, deps: Deps): string | null {
  const value = req.headers['idempotency-key'];
  const key = Array.isArray(value) ? value[0] : value;
  if (key === undefined || key === '' || faultsOf(deps).classic()) return null;
  return key;
}

/**
 * `DELETE /user/tokens/:id`: soft delete. An id that matched nothing live of this user's answers
 * 200 with no body; a non-numeric one fails in Postgres and surfaces as 500 ERROR_DB.
 */
export const deleteToken: UserHandler = async (_req, deps, user, [id = '']) => {
  const tags = await deps.store.tags(user.id);
  if (tags.HasDeleteRestriction === 'true') return deleteRestricted();
  const deleted = await deps.store.deleteToken(user.id, id);
  return deleted === null ? emptyJson(200) : json(200, { _id: deleted });
};
