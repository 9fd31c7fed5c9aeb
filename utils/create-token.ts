import { addCreateAttempt, getAccount } from './db';
import type { TokenRecord } from './reconcile';
import type { AppError } from './result';
import { type SyncContext, type SyncResult, syncAccount } from './sync';

export type CreateResult =
  | { ok: true; token: TokenRecord | null; sync: SyncResult }
  | { ok: false; message: string; sync: SyncResult | null };

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
 * Creates a token, never twice. The API is not idempotent, so a create whose answer was lost is
 * recorded as an attempt, and the next list settles it (same name, created after the attempt
 * began) before anything is sent again. Call under the sync lock.
 */
export async function createToken(ctx: SyncContext, name: string): Promise<CreateResult> {
  // Settle earlier lost attempts first: the token may already exist.
  const account = await getAccount(ctx.db, ctx.scope);
  if (account && account.createAttempts.length > 0) {
    const before = await syncAccount(ctx);
    if (!before.ok) return { ok: false, message: before.error.message, sync: before };
    const earlier = before.value.settled.find((s) => s.attempt.name === name && s.token);
    if (earlier) return { ok: true, token: earlier.token, sync: before };
  }

  const startedAt = ctx.now();
  const created = await ctx.api.createToken(name);
  if (!created.ok && !ambiguous(created.error))
    return { ok: false, message: created.error.message, sync: null };
  if (!created.ok) await addCreateAttempt(ctx.db, ctx.scope, { name, startedAt });

  // The service answers with the id only; the secret comes with the next list.
  const after = await syncAccount(ctx);
  if (!after.ok) {
    const message = created.ok
      ? `“${name}” was created, but the list could not be refreshed: ${after.error.message}`
      : `${created.error.message} Whether “${name}” was created will be checked before it is tried again.`;
    return created.ok ? { ok: true, token: null, sync: after } : { ok: false, message, sync: after };
  }
  if (created.ok) {
    const token = after.value.tokens.find((t) => t.id === created.value.id) ?? null;
    return { ok: true, token, sync: after };
  }
  const settled = after.value.settled.find(
    (s) => s.attempt.startedAt === startedAt && s.attempt.name === name,
  );
  if (settled?.token) return { ok: true, token: settled.token, sync: after };
  return {
    ok: false,
    message: `${created.error.message} Nothing was created; you can try again.`,
    sync: after,
  };
}
