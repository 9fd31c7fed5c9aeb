import type { ApiClient } from '../api';
import type { AppError } from '../lib';
import { protectList, type SecretPolicy } from '../lock';
import type { Scope, TokenRecord } from '../store';
import {
  applyList,
  applyRevokeOutcomes,
  type ListApplied,
  listTokens,
  type RevokeOutcome,
  type TokenDatabase,
} from '../store';
import { isRetryable, retryDelay } from './backoff';

export const SYNC_LOCK = 'w3s-token-sync';

export interface SyncContext {
  api: ApiClient;
  db: TokenDatabase;
  scope: Scope;
  now(): number;
  random(): number;
  /**
   * How listed secrets are kept (the lock, issue 5); in the clear when absent. A promise when the
   * engine reads it while the list is on its way (issue 14).
   */
  secrets?: SecretPolicy | Promise<SecretPolicy | undefined>;
}

export interface SyncReport {
  /**
   * The account's tokens after the sync, no secrets. Absent in a page's reply (utils/messages.ts):
   * a page reads the store when `changed` (one read), so a list of 10,000 never crosses a message;
   * absent too when the list was the one last applied (nothing was built: db.ts `unchangedSync`).
   */
  tokens?: TokenRecord[];
  settled: ListApplied['settled'];
  /** Create attempts kept after this sync (see CreateAttempt). */
  attempts: ListApplied['attempts'];
  /** Revokes the service refused for good (e.g. a delete restriction): the tokens are active again. */
  refused: Array<{ id: string; error: AppError }>;
  /** When the earliest pending revoke is due again, if any is left. */
  nextRetryAt: number | null;
  /** Whether this sync wrote anything: when not, nobody needs to repaint, rebuild or hear of it. */
  changed: boolean;
  /** A revoke went through: the service takes writes (whatever read-only state was seen is over). */
  wrote?: boolean;
  /**
   * The list record's revision after the sync (ListRecord.rev): a page showing another one reads
   * the list again, whoever wrote it (a broadcast it missed included).
   */
  rev?: number;
}

export type SyncResult = { ok: true; value: SyncReport } | { ok: false; error: AppError };

/**
 * One sync: list, merge in one transaction, then send the revokes that are due and record their
 * outcomes. Listing first means a revoke whose answer was lost is seen done, never sent twice.
 * `hurry`: pending revokes are due now ("Sync now"), in the same transaction. Call it under
 * `withLock(SYNC_LOCK, …)`.
 */
export async function syncAccount(ctx: SyncContext, options: { hurry?: boolean } = {}): Promise<SyncResult> {
  const listed = await ctx.api.listTokens();
  if (!listed.ok) return listed;
  let list: Awaited<ReturnType<typeof protectList>> = { remote: listed.value };
  const secrets = await ctx.secrets;
  if (secrets && secrets.mode !== 'plain') {
    // Sealing is not IndexedDB work: it happens before the sync's one transaction.
    list = await protectList(secrets, ctx.scope, listed.value, await listTokens(ctx.db, ctx.scope));
  }
  const applied = await applyList(ctx.db, ctx.scope, list.remote, ctx.now(), list.sealed, options.hurry);
  let tokens = applied.tokens;
  let rev = applied.rev;
  let wrote = false;
  const refused: SyncReport['refused'] = [];
  if (applied.dueRevokes.length > 0) {
    const byId = new Map((tokens ?? []).map((token) => [token.id, token]));
    const outcomes: RevokeOutcome[] = [];
    let stop: AppError | null = null;
    for (const id of applied.dueRevokes) {
      const attempts = (byId.get(id)?.pendingRevoke?.attempts ?? 0) + 1;
      if (stop) {
        // After a 429 or an ended session, the rest wait too: no hammering.
        if (stop.code !== 'signed-out') outcomes.push(retry(id, attempts, stop, ctx));
        continue;
      }
      const result = await ctx.api.revokeToken(id);
      if (result.ok) outcomes.push({ id, kind: 'revoked' });
      else if (result.error.code === 'signed-out') stop = result.error;
      else if (isRetryable(result.error)) {
        outcomes.push(retry(id, attempts, result.error, ctx));
        if (result.error.code === 'rate-limited') stop = result.error;
      } else {
        outcomes.push({ id, kind: 'failed' });
        refused.push({ id, error: result.error });
      }
    }
    wrote = outcomes.some((outcome) => outcome.kind === 'revoked');
    ({ tokens, rev } = await applyRevokeOutcomes(ctx.db, ctx.scope, outcomes, ctx.now()));
    if (stop?.code === 'signed-out') return { ok: false, error: stop };
  }
  return {
    ok: true,
    value: {
      ...(tokens && { tokens }),
      settled: applied.settled,
      attempts: applied.attempts,
      refused,
      // No tokens: the list was the one last applied, with no revoke waiting (applyList).
      nextRetryAt: tokens ? nextRetry(tokens) : null,
      changed: applied.changed || applied.dueRevokes.length > 0,
      wrote,
      ...(rev !== undefined && { rev }),
    },
  };
}

function retry(id: string, attempts: number, error: AppError, ctx: SyncContext): RevokeOutcome {
  return { id, kind: 'retry', delayMs: retryDelay(attempts, error, ctx.random), error: error.message };
}

export function nextRetry(tokens: readonly TokenRecord[]): number | null {
  let next: number | null = null;
  for (const token of tokens) {
    const at = token.pendingRevoke?.nextAttemptAt;
    if (at !== undefined && (next === null || at < next)) next = at;
  }
  return next;
}
