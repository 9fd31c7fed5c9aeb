import type { AppError } from '../lib';
import { t } from '../lib';
import type { TokenRecord } from '../store';
import { addCreateAttempt, getAccount, settleCreateAttempt } from '../store';
import { type SyncContext, type SyncResult, syncAccount } from './sync';

export type CreateResult =
  /** `lost`: the create's answer was lost (or too slow) and a list settled it. */
  | { ok: true; token: TokenRecord | null; sync: SyncResult; lost?: AppError }
  | { ok: false; message: string; sync: SyncResult | null };

const SERVICE_STATES: ReadonlySet<string> = new Set(['signed-out', 'maintenance', 'rate-limited', 'sunset']);

/** Answers after which the service may have created the token anyway: the answer was lost. */
function ambiguous(error: AppError): boolean {
  return (
    error.code === 'network' ||
    error.code === 'timeout' ||
    error.code === 'server' ||
    error.code === 'bad-response'
  );
}

/**
 * Creates a token, never twice. The classic API is not idempotent, so every create is written
 * down before it is sent; one whose answer is lost (or whose page closed) stays written down until
 * a list settles it (same name, created after the attempt began, not known here before), and a
 * retry of the same name gets the token it made. A browser's own resends may still have made more
 * than one: the list that settles the attempt marks those `extraOf` (utils/sync/extras.ts) and the
 * page asks the person about them. Call under the sync lock.
 */
export async function createToken(ctx: SyncContext, name: string): Promise<CreateResult> {
  const account = await getAccount(ctx.db, ctx.scope);
  if (account && account.createAttempts.length > 0) {
    // Earlier attempts first: the token may already exist.
    const before = await syncAccount(ctx);
    if (!before.ok) return { ok: false, message: before.error.message, sync: before };
    const earlier = before.value.attempts.find((attempt) => attempt.name === name && attempt.tokenId);
    const token =
      earlier && before.value.tokens?.find((t) => t.id === earlier.tokenId && t.state === 'active');
    if (earlier && token) {
      await settleCreateAttempt(ctx.db, ctx.scope, earlier.startedAt, null);
      return { ok: true, token, sync: before };
    }
  }

  const startedAt = ctx.now();
  // One key per attempt, sent again with every resend of it (docs/idempotency.md).
  const key = crypto.randomUUID();
  await addCreateAttempt(ctx.db, ctx.scope, { name, startedAt, key });
  const created = await ctx.api.createToken(name, key);
  if (!created.ok && ambiguous(created.error)) return settleLost(ctx, name, startedAt, created.error);
  if (!created.ok) {
    await settleCreateAttempt(ctx.db, ctx.scope, startedAt, null);
    // The service's state (a 401 ends the session, maintenance, a rate limit, the sunset) is told
    // once, by the page, as the sync's error. Other refusals are about this create only.
    if (SERVICE_STATES.has(created.error.code)) return { ok: false, message: '', sync: created };
    return { ok: false, message: created.error.message, sync: null };
  }
  // Made. Until the person is told, the attempt remembers the token: a page closing now still
  // answers a retry with it. (Without an id in the answer, a list would match it.)
  const id = created.value.id;
  if (id !== null) await settleCreateAttempt(ctx.db, ctx.scope, startedAt, id);
  // The service answers with the id only; the secret comes with the next list. If that list
  // fails, the token exists and its secret shows with the next sync.
  const after = await syncAccount(ctx);
  const token = after.ok ? (after.value.tokens?.find((t) => t.id === id) ?? null) : null;
  await settleCreateAttempt(ctx.db, ctx.scope, startedAt, null);
  return { ok: true, token, sync: after };
}

/** The answer was lost: the next list tells whether the service made the token. */
async function settleLost(
  ctx: SyncContext,
  name: string,
  startedAt: number,
  error: AppError,
): Promise<CreateResult> {
  const after = await syncAccount(ctx);
  if (!after.ok) {
    const message = t('createUnsettled', error.message, name);
    return { ok: false, message, sync: after };
  }
  const settled = after.value.settled.find((s) => s.attempt.startedAt === startedAt);
  if (settled?.token) {
    await settleCreateAttempt(ctx.db, ctx.scope, startedAt, null);
    return { ok: true, token: settled.token, sync: after, lost: error };
  }
  return { ok: false, message: t('nothingCreated', error.message), sync: after };
}
