import { batch } from '@preact/signals';
import type { AppError } from '../lib';
import type { EngineReply, SyncReport, SyncResult } from '../sync';
import { retryDelay } from '../sync';
import { localFailure, signedOutError } from './failures';
import type { TokensState } from './list-state';
import type { StoreLink } from './store-link';
import type { TokensDeps } from './types';

export const MAINTENANCE_RECHECK_MS = 30_000;

export interface SyncCalls {
  /** Runs one engine call and takes in its reply; a 401 signs out and keeps local data. */
  call<T extends EngineReply>(fn: () => Promise<T>): Promise<T | null>;
  /** `opening`: the page's first sync as it opens, which counts as the person's use (the lock's idle time). */
  refresh(options?: { now?: boolean; opening?: boolean }): Promise<SyncResult>;
  /**
   * Takes in the service's hold as the background recorded it (read with the page's first reads,
   * and again each time it changes: a sync's `/version` answers after the sync, issue 14). A page
   * left open asks a read-only service again in 30 s, as after a sync that met it.
   */
  held(hold: AppError | null): void;
}

/** Engine calls, sync now, and the retries of a page left open. */
export function createSyncCalls(deps: TokensDeps, s: TokensState, link: StoreLink): SyncCalls {
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failedSyncs = 0;

  async function call<T extends EngineReply>(fn: () => Promise<T>): Promise<T | null> {
    if (!link.context) return null;
    s.syncing.value = true;
    try {
      const reply = await fn();
      if (reply.hold !== undefined) s.hold.value = reply.hold;
      if (reply.sync) await absorb(reply.sync);
      const last = reply.notices.at(-1);
      if (last) s.notice.value = last;
      return reply;
    } catch {
      // The store closed under us (a newer version of the extension opened it) or the background
      // did not answer: say so plainly instead of spinning forever.
      s.error.value = localFailure();
      return null;
    } finally {
      s.syncing.value = false;
    }
  }

  async function absorb(sync: SyncResult): Promise<void> {
    clearTimeout(retryTimer);
    if (!sync.ok) {
      s.error.value = sync.error;
      if (sync.error.code === 'signed-out') {
        link.signOut();
        return;
      }
      // The service could not be reached: what this device changed (a revoke now pending) still
      // shows, and a page left open tries again, later after each failure.
      await link.reload();
      failedSyncs += 1;
      const pending = s.tokens.value.some((token) => token.state === 'pending-revoke');
      const delay = retryIn(deps, sync.error, pending, failedSyncs);
      if (delay !== null) retryAfter(delay);
      return;
    }
    failedSyncs = 0;
    await showSynced(deps, s, link, sync.value);
    // While a page is open it retries on its own, and asks a read-only service again every 30 s
    // (issue 18); the background's alarm covers the rest.
    const hold = s.hold.value;
    const recheck = hold?.code === 'maintenance' ? deps.now() + MAINTENANCE_RECHECK_MS : null;
    const next = earliest(sync.value.nextRetryAt, recheck);
    if (next !== null) {
      const at = Math.max(next, hold?.retryAt ?? 0);
      retryAfter(Math.max(1000, at - deps.now()));
    }
  }

  async function refresh(options: { now?: boolean; opening?: boolean } = {}): Promise<SyncResult> {
    const reply = await call(() =>
      deps.engine.sync({
        now: options.now === true,
        shown: true,
        from: link.self,
        ...(options.opening === true && { opening: true }),
      }),
    );
    return (
      reply?.sync ?? { ok: false, error: link.context ? (s.error.value ?? localFailure()) : signedOutError() }
    );
  }

  function held(hold: AppError | null): void {
    s.hold.value = hold;
    if (hold?.code === 'maintenance' && link.context) retryAfter(MAINTENANCE_RECHECK_MS);
  }

  function retryAfter(ms: number): void {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void refresh(), ms);
  }

  return { call, refresh, held };
}

/** When a page left open tries again: never before a rate limit's end; maintenance every 30 s (issue 18). */
function retryIn(deps: TokensDeps, error: AppError, pending: boolean, failedSyncs: number): number | null {
  if (error.retryAt !== undefined) return Math.max(1000, error.retryAt - deps.now());
  if (error.code === 'maintenance') return MAINTENANCE_RECHECK_MS;
  return pending ? retryDelay(failedSyncs, error, deps.random ?? Math.random) : null;
}

/** A sync went through: its tokens shown, or the store's when its revision is not the one shown. */
async function showSynced(
  deps: TokensDeps,
  s: TokensState,
  link: StoreLink,
  report: SyncReport,
): Promise<void> {
  const refused = report.refused[0];
  const { tokens, rev } = report;
  // From the background the answer carries no tokens: the list is read again only when the
  // store's revision is not the one shown (this sync, the background or another page wrote).
  if (tokens !== undefined) link.shown(rev);
  else if (rev === undefined || rev !== link.rev) await link.reload();
  batch(() => {
    if (tokens !== undefined) {
      s.tokens.value = tokens;
      s.head.value = null;
    }
    s.lastSyncedAt.value = deps.now();
    s.error.value = refused ? refused.error : null;
  });
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}
