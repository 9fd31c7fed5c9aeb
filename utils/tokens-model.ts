import { batch, computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { ApiClient } from './api';
import { retryDelay } from './backoff';
import { createToken } from './create-token';
import {
  getAccount,
  hurryRevokes,
  listTokens,
  markCopied,
  requestRevoke,
  settleCreateAttempt,
  type TokenDatabase,
} from './db';
import { withLock } from './lock';
import { checkName } from './names';
import type { Scope, TokenRecord } from './reconcile';
import type { AppError, Result } from './result';
import type { Session } from './session';
import { SYNC_LOCK, type SyncContext, type SyncReport, type SyncResult, syncAccount } from './sync';
import { announceChange, onChange } from './sync-channel';
import { filterTokens, type SortKey, sortTokens } from './token-order';

export interface TokensDeps {
  loadSession(): Promise<Session | null>;
  /** Called when the service says the session is over (401): forget the credential, keep the data. */
  endSession(): Promise<void>;
  openDb(): Promise<TokenDatabase>;
  makeApi(session: Session): ApiClient;
  copyText(text: string): Promise<Result<void>>;
  now(): number;
  random?(): number;
}

export type ViewState = 'loading' | 'signed-out' | 'ready';

const LOCAL_FAILURE: AppError = {
  code: 'local',
  message: 'The extension could not read or save its data on this device. Close this page and open it again.',
};
const SIGNED_OUT: AppError = { code: 'signed-out', message: 'Sign in to manage your tokens.' };
export type CreateOutcome = { ok: true; token: TokenRecord | null } | { ok: false; message: string };

export interface TokensModel {
  state: Signal<ViewState>;
  /** Every record of the account: active, pending revoke and revoked. */
  tokens: Signal<TokenRecord[]>;
  /** Active and pending-revoke tokens, searched and sorted. */
  visible: ReadonlySignal<TokenRecord[]>;
  /** Revoked tokens, newest first. */
  revoked: ReadonlySignal<TokenRecord[]>;
  query: Signal<string>;
  sort: Signal<SortKey>;
  syncing: Signal<boolean>;
  lastSyncedAt: Signal<number | null>;
  error: Signal<AppError | null>;
  notice: Signal<string | null>;
  copiedId: Signal<string | null>;
  email: Signal<string>;
  start(): Promise<void>;
  refresh(options?: { now?: boolean }): Promise<SyncResult>;
  create(name: string): Promise<CreateOutcome>;
  revoke(id: string): Promise<Result<void>>;
  copy(id: string): Promise<void>;
}

/** Tokens of the signed-in account: paints from IndexedDB, then syncs with the service. */
export function createTokensModel(deps: TokensDeps): TokensModel {
  const state = signal<ViewState>('loading');
  const tokens = signal<TokenRecord[]>([]);
  const query = signal('');
  const sort = signal<SortKey>('name');
  const syncing = signal(false);
  const lastSyncedAt = signal<number | null>(null);
  const error = signal<AppError | null>(null);
  const notice = signal<string | null>(null);
  const copiedId = signal<string | null>(null);
  const email = signal('');
  const live = computed(() => tokens.value.filter((t) => t.state !== 'revoked'));
  const visible = computed(() => sortTokens(filterTokens(live.value, query.value), sort.value));
  const revoked = computed(() =>
    tokens.value.filter((t) => t.state === 'revoked').sort((a, b) => (b.revokedAt ?? 0) - (a.revokedAt ?? 0)),
  );
  let context: SyncContext | null = null;
  let copiedTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failedSyncs = 0;
  const self = Math.random().toString(36).slice(2);
  let unsubscribe = (): void => {};

  async function start(): Promise<void> {
    const session = await deps.loadSession();
    unsubscribe();
    if (!session) {
      context = null;
      state.value = 'signed-out';
      return;
    }
    const scope: Scope = { service: session.serviceUrl, account: session.account };
    const db = await deps.openDb();
    context = { api: deps.makeApi(session), db, scope, now: deps.now, random: deps.random ?? Math.random };
    const [local, account] = await Promise.all([listTokens(db, scope), getAccount(db, scope)]);
    batch(() => {
      tokens.value = local;
      lastSyncedAt.value = account?.lastSyncedAt ?? null;
      email.value = session.email;
      state.value = 'ready';
    });
    // Another page or the background synced: show its result without asking the service again.
    unsubscribe = onChange(
      () => context?.scope ?? null,
      () => void reload(),
      self,
    );
    await refresh();
  }

  async function reload(): Promise<void> {
    if (!context) return;
    const [local, account] = await Promise.all([
      listTokens(context.db, context.scope),
      getAccount(context.db, context.scope),
    ]);
    batch(() => {
      tokens.value = local;
      lastSyncedAt.value = account?.lastSyncedAt ?? lastSyncedAt.value;
    });
  }

  /** Runs `fn` under the sync lock and takes in what it reports; a 401 signs out and keeps local data. */
  async function locked<T extends { sync: SyncResult | null }>(
    fn: (ctx: SyncContext) => Promise<T>,
  ): Promise<T | null> {
    const ctx = context;
    if (!ctx) return null;
    syncing.value = true;
    let outcome: T;
    try {
      outcome = await withLock(SYNC_LOCK, async () => {
        const result = await fn(ctx);
        if (result.sync?.ok) await showLostCreates(ctx, result.sync.value);
        return result;
      });
      if (outcome.sync) await absorb(ctx, outcome.sync);
    } catch {
      // IndexedDB closed under us (a newer version of the extension opened it) or broke: say so
      // plainly instead of spinning forever.
      batch(() => {
        syncing.value = false;
        error.value = LOCAL_FAILURE;
      });
      return null;
    }
    syncing.value = false;
    const sync = outcome.sync;
    if (sync && !sync.ok && sync.error.code === 'signed-out') {
      context = null;
      unsubscribe();
      await deps.endSession();
      state.value = 'signed-out';
    }
    return outcome;
  }

  /**
   * A create whose answer was lost turned out to have made its token (a sync found it): the page
   * now shows it, so say so and let the attempt go; a later create of that name makes a new one.
   */
  async function showLostCreates(ctx: SyncContext, report: SyncReport): Promise<void> {
    for (const attempt of report.attempts) {
      if (!attempt.tokenId) continue;
      await settleCreateAttempt(ctx.db, ctx.scope, attempt.startedAt, null);
      notice.value = `“${attempt.name}” was created by an earlier try whose answer was lost.`;
    }
  }

  async function absorb(ctx: SyncContext, sync: SyncResult): Promise<void> {
    clearTimeout(retryTimer);
    if (!sync.ok) {
      error.value = sync.error;
      if (sync.error.code === 'signed-out') return;
      // The service could not be reached: what this device changed (a revoke now pending) still
      // shows, and a page left open tries again, later after each failure.
      const local = await listTokens(ctx.db, ctx.scope);
      tokens.value = local;
      announceChange(ctx.scope, self);
      failedSyncs += 1;
      if (local.some((token) => token.state === 'pending-revoke')) {
        retryTimer = setTimeout(() => void refresh(), retryDelay(failedSyncs, sync.error, ctx.random));
      }
      return;
    }
    failedSyncs = 0;
    const refused = sync.value.refused[0];
    batch(() => {
      tokens.value = sync.value.tokens;
      lastSyncedAt.value = ctx.now();
      error.value = refused ? refused.error : null;
    });
    announceChange(ctx.scope, self);
    const next = sync.value.nextRetryAt;
    // While a page is open it retries on its own; the background's alarm covers the rest.
    if (next !== null) retryTimer = setTimeout(() => void refresh(), Math.max(1000, next - ctx.now()));
  }

  async function refresh(options: { now?: boolean } = {}): Promise<SyncResult> {
    const outcome = await locked(async (ctx) => {
      if (options.now) await hurryRevokes(ctx.db, ctx.scope, ctx.now());
      return { sync: await syncAccount(ctx) };
    });
    return outcome?.sync ?? { ok: false, error: context ? LOCAL_FAILURE : SIGNED_OUT };
  }

  async function create(rawName: string): Promise<CreateOutcome> {
    const check = checkName(
      rawName,
      live.value.map((token) => token.name),
    );
    if (!check.ok) return check;
    const outcome = await locked((ctx) => createToken(ctx, check.name));
    if (!outcome) return { ok: false, message: (context ? LOCAL_FAILURE : SIGNED_OUT).message };
    if (!outcome.ok) return { ok: false, message: outcome.message };
    notice.value = `Created “${check.name}”.`;
    return { ok: true, token: outcome.token };
  }

  async function revoke(id: string): Promise<Result<void>> {
    const token = tokens.value.find((t) => t.id === id);
    const outcome = await locked(async (ctx) => {
      await requestRevoke(ctx.db, ctx.scope, id, ctx.now());
      return { sync: await syncAccount(ctx) };
    });
    const sync = outcome?.sync;
    const name = token?.name ?? 'the token';
    if (!sync) return { ok: false, error: context ? LOCAL_FAILURE : SIGNED_OUT };
    const refused = sync.ok ? sync.value.refused.find((r) => r.id === id) : undefined;
    if (refused) return { ok: false, error: refused.error };
    const after = tokens.value.find((t) => t.id === id);
    notice.value =
      after?.state === 'revoked'
        ? `Revoked “${name}”.`
        : `Revoking “${name}” is pending: it will be sent again automatically until the service confirms it.`;
    return { ok: true, value: undefined };
  }

  async function copy(id: string): Promise<void> {
    const token = tokens.value.find((t) => t.id === id);
    if (token?.state !== 'active' || !context) return;
    const copied = await deps.copyText(token.secret);
    if (!copied.ok) {
      error.value = copied.error;
      return;
    }
    const at = deps.now();
    await markCopied(context.db, context.scope, id, at);
    clearTimeout(copiedTimer);
    batch(() => {
      tokens.value = tokens.value.map((t) => (t.id === id ? { ...t, lastCopiedAt: at } : t));
      copiedId.value = id;
      notice.value = `Copied “${token.name}” to the clipboard.`;
    });
    copiedTimer = setTimeout(() => {
      copiedId.value = null;
    }, 2000);
  }

  return {
    state,
    tokens,
    visible,
    revoked,
    query,
    sort,
    syncing,
    lastSyncedAt,
    error,
    notice,
    copiedId,
    email,
    start,
    refresh,
    create,
    revoke,
    copy,
  };
}
