import { batch, computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { Session } from '../account';
import type { AppError, Result } from '../lib';
import { t } from '../lib';
import type { RevealReply } from '../lock';
import type { Fill } from '../messages';
import type { Scope, TokenRecord } from '../store';
import {
  annotateToken,
  getAccount,
  listTokens,
  markCopied,
  type TokenAnnotation,
  type TokenDatabase,
} from '../store';
import type { Engine, EngineReply, SyncResult } from '../sync';
import { onChange, retryDelay } from '../sync';
import { type CopyFormat, formatForCopy } from './copy-format';
import { checkName } from './names';
import { filterTokens, type SortKey, sortTokens } from './order';

export interface TokensDeps {
  loadSession(): Promise<Session | null>;
  openDb(): Promise<TokenDatabase>;
  /** Talks to the service and writes the store: the background's, through messages, in pages. */
  engine: Engine;
  copyText(text: string): Promise<Result<void>>;
  /** Fills a token into the active tab (the background's, through messages); popup only. */
  fill?: Fill;
  /** A menu or shortcut fill waiting for the person's yes (popup only). */
  pendingFill?: () => Promise<Omit<FillQuestion, 'name'> | null>;
  /** Asks the browser to let the extension reach a frame's origin; must run in the click. */
  requestFrame?: (origin: string) => Promise<boolean>;
  /** The remembered copy format (issue 7); raw when not given. */
  loadCopyFormat?(): Promise<CopyFormat>;
  saveCopyFormat?(format: CopyFormat): Promise<void>;
  now(): number;
  random?(): number;
  /** A secret not kept in the clear here (the lock, or none kept): asked of the background. */
  reveal?(id: string): Promise<RevealReply>;
  /** A copy or fill met the lock: the page asks for the passphrase. */
  onLocked?(): void;
}

export type ViewState = 'loading' | 'signed-out' | 'ready';
/** A fill waiting for the person's yes to a site the token was never filled into. */
export interface FillQuestion {
  id: string;
  name: string;
  origin: string;
  /** The page, when the field is in a frame of another origin (`origin`). */
  top?: string;
}
export type CreateOutcome = { ok: true; token: TokenRecord | null } | { ok: false; message: string };

const localFailure = (): AppError => ({
  code: 'local',
  message: t('errLocal'),
});
const signedOutError = (): AppError => ({ code: 'signed-out', message: t('errSignInToManage') });

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
  confirming: Signal<FillQuestion | null>;
  copyFormat: Signal<CopyFormat>;
  start(): Promise<void>;
  refresh(options?: { now?: boolean }): Promise<SyncResult>;
  create(name: string): Promise<CreateOutcome>;
  revoke(id: string): Promise<Result<void>>;
  copy(id: string): Promise<void>;
  /**
   * Fills token `id` into the active tab; `confirmed`: the origin the person has just said yes
   * to; `frame`: that origin is a frame's, which the browser must let the extension reach.
   */
  fill(id: string, confirmed?: string, frame?: boolean): Promise<void>;
  setCopyFormat(format: CopyFormat): void;
  /** Saves a note or a rotation on the token, on this device only. */
  annotate(id: string, patch: TokenAnnotation): Promise<void>;
}

/** What a page shows of the signed-in account: paints from IndexedDB, then asks the engine to sync. */
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
  const confirming = signal<FillQuestion | null>(null);
  const copyFormat = signal<CopyFormat>('raw');
  const live = computed(() => tokens.value.filter((t) => t.state !== 'revoked'));
  // Sorted once per change of the list or the order; a search only filters, which keeps the order.
  const sorted = computed(() => sortTokens(live.value, sort.value));
  const visible = computed(() => filterTokens(sorted.value, query.value));
  const revoked = computed(() =>
    tokens.value.filter((t) => t.state === 'revoked').sort((a, b) => (b.revokedAt ?? 0) - (a.revokedAt ?? 0)),
  );
  let context: { db: TokenDatabase; scope: Scope } | null = null;
  let copiedTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failedSyncs = 0;
  let unsubscribe = (): void => {};
  /** This page, as named in engine calls, so it skips the broadcast of its own changes. */
  const self = Math.random().toString(36).slice(2);

  async function start(): Promise<void> {
    const session = await deps.loadSession();
    unsubscribe();
    if (!session) {
      context = null;
      state.value = 'signed-out';
      return;
    }
    context = { db: await deps.openDb(), scope: { service: session.serviceUrl, account: session.account } };
    const [local, account, format] = await Promise.all([
      listTokens(context.db, context.scope),
      getAccount(context.db, context.scope),
      deps.loadCopyFormat?.().catch(() => 'raw' as const),
    ]);
    batch(() => {
      copyFormat.value = format ?? 'raw';
      tokens.value = local;
      lastSyncedAt.value = account?.lastSyncedAt ?? null;
      email.value = session.email;
      state.value = 'ready';
    });
    const question = await deps.pendingFill?.().catch(() => null);
    const asked = question && local.find((t) => t.id === question.id);
    if (question && asked) confirming.value = { ...question, name: asked.name };
    // The background (or another page) synced: show it without asking the service again.
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

  /** Runs one engine call and takes in its reply; a 401 signs out and keeps local data. */
  async function call<T extends EngineReply>(fn: () => Promise<T>): Promise<T | null> {
    if (!context) return null;
    syncing.value = true;
    try {
      const reply = await fn();
      if (reply.sync) await absorb(reply.sync);
      const last = reply.notices.at(-1);
      if (last) notice.value = last;
      return reply;
    } catch {
      // The store closed under us (a newer version of the extension opened it) or the background
      // did not answer: say so plainly instead of spinning forever.
      error.value = localFailure();
      return null;
    } finally {
      syncing.value = false;
    }
  }

  async function absorb(sync: SyncResult): Promise<void> {
    clearTimeout(retryTimer);
    if (!sync.ok) {
      error.value = sync.error;
      if (sync.error.code === 'signed-out') {
        context = null;
        unsubscribe();
        state.value = 'signed-out';
        return;
      }
      // The service could not be reached: what this device changed (a revoke now pending) still
      // shows, and a page left open tries again, later after each failure.
      await reload();
      failedSyncs += 1;
      if (tokens.value.some((token) => token.state === 'pending-revoke')) {
        retryTimer = setTimeout(
          () => void refresh(),
          retryDelay(failedSyncs, sync.error, deps.random ?? Math.random),
        );
      }
      return;
    }
    failedSyncs = 0;
    const refused = sync.value.refused[0];
    batch(() => {
      tokens.value = sync.value.tokens;
      lastSyncedAt.value = deps.now();
      error.value = refused ? refused.error : null;
    });
    const next = sync.value.nextRetryAt;
    // While a page is open it retries on its own; the background's alarm covers the rest.
    if (next !== null) retryTimer = setTimeout(() => void refresh(), Math.max(1000, next - deps.now()));
  }

  async function refresh(options: { now?: boolean } = {}): Promise<SyncResult> {
    const reply = await call(() => deps.engine.sync({ now: options.now === true, shown: true, from: self }));
    return reply?.sync ?? { ok: false, error: context ? (error.value ?? localFailure()) : signedOutError() };
  }

  async function create(rawName: string): Promise<CreateOutcome> {
    const check = checkName(
      rawName,
      live.value.map((token) => token.name),
    );
    if (!check.ok) return check;
    const reply = await call(() => deps.engine.create(check.name, self));
    if (!reply) return { ok: false, message: (context ? localFailure() : signedOutError()).message };
    if (!reply.created.ok) return { ok: false, message: reply.created.message };
    const id = reply.created.tokenId;
    return { ok: true, token: tokens.value.find((t) => t.id === id) ?? null };
  }

  async function revoke(id: string): Promise<Result<void>> {
    const name = tokens.value.find((t) => t.id === id)?.name ?? t('theToken');
    const reply = await call(() => deps.engine.revoke(id, self));
    const sync = reply?.sync;
    if (!sync) return { ok: false, error: context ? localFailure() : signedOutError() };
    const refused = sync.ok ? sync.value.refused.find((r) => r.id === id) : undefined;
    if (refused) return { ok: false, error: refused.error };
    if (!sync.ok && sync.error.code === 'signed-out') return { ok: false, error: sync.error };
    notice.value =
      tokens.value.find((t) => t.id === id)?.state === 'revoked'
        ? t('revokedNotice', name)
        : t('revokePendingNotice', name);
    return { ok: true, value: undefined };
  }

  async function copy(id: string): Promise<void> {
    const token = tokens.value.find((t) => t.id === id);
    if (token?.state !== 'active' || !context) return;
    let secret = token.secret;
    if (!secret) {
      const revealed = await deps.reveal?.(id).catch(() => null);
      if (!revealed?.ok) {
        if (revealed?.locked) deps.onLocked?.();
        else error.value = revealed ? { code: 'local', message: revealed.message } : localFailure();
        return;
      }
      secret = revealed.secret;
    }
    const copied = await deps.copyText(formatForCopy(secret, copyFormat.value));
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
      notice.value = t('copiedNotice', token.name);
    });
    copiedTimer = setTimeout(() => {
      copiedId.value = null;
    }, 2000);
  }

  async function fill(id: string, confirmed?: string, frame = false): Promise<void> {
    const token = tokens.value.find((t) => t.id === id);
    confirming.value = null;
    if (token?.state !== 'active' || !deps.fill) return;
    // Asked first, while the click still counts as a gesture; the prompt may close the popup, so
    // the fill goes to the background in the same turn and finishes there once allowed.
    if (frame && confirmed) void deps.requestFrame?.(confirmed).catch(() => false);
    const reply = await deps
      .fill(id, confirmed)
      .catch(() => ({ kind: 'error', message: localFailure().message }) as const);
    const host = 'origin' in reply ? new URL(reply.origin).host : '';
    if (reply.kind === 'confirm')
      confirming.value = { id, name: token.name, origin: reply.origin, top: reply.top };
    else if (reply.kind === 'locked') deps.onLocked?.();
    else
      notice.value =
        reply.kind === 'filled'
          ? t('filledNotice', token.name, host)
          : reply.kind === 'waiting'
            ? t('fillWaitingNotice', host, token.name)
            : reply.message;
  }

  function setCopyFormat(format: CopyFormat): void {
    copyFormat.value = format;
    void deps.saveCopyFormat?.(format);
  }

  async function annotate(id: string, patch: TokenAnnotation): Promise<void> {
    if (!context) return;
    const next = await annotateToken(context.db, context.scope, id, patch);
    if (next) tokens.value = tokens.value.map((t) => (t.id === id ? next : t));
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
    confirming,
    copyFormat,
    start,
    refresh,
    create,
    revoke,
    copy,
    fill,
    setCopyFormat,
    annotate,
  };
}
