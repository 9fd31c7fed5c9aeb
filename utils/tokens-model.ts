import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import type { ApiClient } from './api';
import { applyServerList, getAccount, listTokens, markCopied, removeToken, type TokenDatabase } from './db';
import { checkName } from './names';
import type { Scope, TokenRecord } from './reconcile';
import type { AppError, Result } from './result';
import type { Session } from './session';
import { filterTokens, type SortKey, sortTokens } from './token-order';

export interface TokensDeps {
  loadSession(): Promise<Session | null>;
  /** Called when the service says the session is over (401): forget the credential, keep the data. */
  endSession(): Promise<void>;
  openDb(): Promise<TokenDatabase>;
  makeApi(session: Session): ApiClient;
  copyText(text: string): Promise<Result<void>>;
  now(): number;
}

export type ViewState = 'loading' | 'signed-out' | 'ready';
export type CreateOutcome = { ok: true; token: TokenRecord | null } | { ok: false; message: string };

interface Context {
  session: Session;
  scope: Scope;
  db: TokenDatabase;
  api: ApiClient;
}

/** Tokens of the signed-in account: paints from IndexedDB, then refreshes from the service. */
export function createTokensModel(deps: TokensDeps) {
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
  const visible: ReadonlySignal<TokenRecord[]> = computed(() =>
    sortTokens(filterTokens(tokens.value, query.value), sort.value),
  );
  let context: Context | null = null;
  let copiedTimer: ReturnType<typeof setTimeout> | undefined;

  async function start(): Promise<void> {
    const session = await deps.loadSession();
    if (!session) {
      context = null;
      state.value = 'signed-out';
      return;
    }
    const scope = { service: session.serviceUrl, account: session.account };
    const db = await deps.openDb();
    context = { session, scope, db, api: deps.makeApi(session) };
    const [local, account] = await Promise.all([listTokens(db, scope), getAccount(db, scope)]);
    batch(() => {
      tokens.value = local;
      lastSyncedAt.value = account?.lastSyncedAt ?? null;
      email.value = session.email;
      state.value = 'ready';
    });
    await refresh();
  }

  /** Runs `fn` for the signed-in account; a 401 from the service signs out and keeps local data. */
  async function signedIn<T>(fn: (ctx: Context) => Promise<Result<T>>): Promise<Result<T>> {
    if (!context)
      return { ok: false, error: { code: 'signed-out', message: 'Sign in to manage your tokens.' } };
    const result = await fn(context);
    if (!result.ok && result.error.code === 'signed-out') {
      context = null;
      await deps.endSession();
      state.value = 'signed-out';
    }
    return result;
  }

  async function refresh(): Promise<Result<TokenRecord[]>> {
    syncing.value = true;
    const result = await signedIn(async ({ api, db, scope }) => {
      const listed = await api.listTokens();
      if (!listed.ok) return listed;
      const now = deps.now();
      const after = await applyServerList(db, scope, listed.value, now);
      batch(() => {
        tokens.value = after;
        lastSyncedAt.value = now;
      });
      return { ok: true, value: after };
    });
    batch(() => {
      syncing.value = false;
      error.value = result.ok ? null : result.error;
    });
    return result;
  }

  async function create(rawName: string): Promise<CreateOutcome> {
    const check = checkName(
      rawName,
      tokens.value.map((token) => token.name),
    );
    if (!check.ok) return check;
    const created = await signedIn(({ api }) => api.createToken(check.name));
    if (!created.ok) return { ok: false, message: created.error.message };
    // The service answers with the id only; the secret comes with the next list.
    const listed = await refresh();
    const token = listed.ok ? (listed.value.find((t) => t.id === created.value.id) ?? null) : null;
    notice.value = `Created “${check.name}”.`;
    return { ok: true, token };
  }

  async function revoke(id: string): Promise<Result<void>> {
    const token = tokens.value.find((t) => t.id === id);
    const result = await signedIn(async ({ api, db, scope }) => {
      const revoked = await api.revokeToken(id);
      if (!revoked.ok) return revoked;
      // An empty 200 means the id was unknown or already deleted: gone either way.
      await removeToken(db, scope, id);
      return { ok: true, value: undefined };
    });
    if (result.ok) {
      batch(() => {
        tokens.value = tokens.value.filter((t) => t.id !== id);
        notice.value = `Revoked “${token?.name ?? 'token'}”.`;
      });
    }
    return result;
  }

  async function copy(id: string): Promise<void> {
    const token = tokens.value.find((t) => t.id === id);
    if (!token || !context) return;
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

export type TokensModel = ReturnType<typeof createTokensModel>;
