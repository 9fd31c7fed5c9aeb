import { batch } from '@preact/signals';
import type { Session } from '../account';
import { sessionEndedError } from '../lib';
import type { PaintedList, Scope, TokenDatabase, TokenRecord } from '../store';
import { readList } from '../store';
import { onChange } from '../sync';
import type { CopyFormat } from './copy-format';
import type { TokensState } from './list-state';
import type { TokensDeps } from './types';

export interface StoreContext {
  db: TokenDatabase;
  scope: Scope;
  /**
   * The account's copy format, once read (a copy waits for it). The list is painted without
   * waiting for it: only a copy uses it, and its read ended after the list's (issue 14: 7 ms of
   * the popup's render waited for it).
   */
  format: Promise<void>;
}

/** A page's tie to the signed-in account's store, and to the changes others make to it. */
export interface StoreLink {
  /** The signed-in account's store, or null while signed out. */
  readonly context: StoreContext | null;
  /** This page, as named in engine calls, so it skips the broadcast of its own changes. */
  readonly self: string;
  /** Opens the store and paints what it holds; null when nobody is signed in. */
  open(): Promise<TokenRecord[] | null>;
  /** Paints the store again, without asking the service. */
  reload(): Promise<void>;
  /**
   * Reads the rest of the list when the page painted only its head (issue 14); at once when it
   * has the whole list. What works on every token (a create's name check, a fill's question)
   * waits for it.
   */
  complete(): Promise<void>;
  /** The revision of the list shown (ListRecord.rev); a sync's answer names the store's. */
  readonly rev: number | undefined;
  /** Takes tokens handed over whole (an engine in this context), at the store's revision `rev`. */
  shown(rev: number | undefined): void;
  /** Repaints whenever the background or another page changes the store. */
  follow(): void;
  /** The service said the session is over: stop following, keep the local data. */
  signOut(): void;
}

/** Paints from IndexedDB: the account's tokens (no secrets), its last sync and its own copy format. */
export function createStoreLink(deps: TokensDeps, s: TokensState): StoreLink {
  let context: StoreContext | null = null;
  let unsubscribe = (): void => {};
  let rev: number | undefined;
  const self = Math.random().toString(36).slice(2);

  async function open(): Promise<TokenRecord[] | null> {
    const shown = await readShown(deps);
    unsubscribe();
    if (!shown) {
      context = null;
      await showSignedOut(deps, s);
      return null;
    }
    const { session, scope } = shown;
    // Another account now (issue 15): what was said about the last one's tokens is not about these.
    const switched = context !== null && !sameScope(context.scope, scope);
    const db = await deps.openDb();
    context = { db, scope, format: takeFormat(s, shown.format, () => context?.scope === scope) };
    // One read of one record paints the list (no secrets in it: a copy reads its own).
    const list = await shown.list;
    rev = list.rev;
    completing = undefined;
    paint(s, list, session.email, switched);
    return list.tokens;
  }

  async function reload(): Promise<void> {
    if (!context) return;
    const list = await readList(context.db, context.scope);
    rev = list.rev;
    batch(() => {
      s.tokens.value = list.tokens;
      s.head.value = null;
      s.lastSyncedAt.value = list.syncedAt ?? s.lastSyncedAt.value;
    });
  }

  // One read of the rest per painted head; none once the whole list is shown.
  let completing: Promise<void> | undefined;
  function complete(): Promise<void> {
    if (!s.head.value) return Promise.resolve();
    completing ??= reload().catch(() => {});
    return completing;
  }

  function follow(): void {
    // The background (or another page) synced: show it without asking the service again.
    unsubscribe = onChange(
      () => context?.scope ?? null,
      () => void reload(),
      self,
    );
  }

  function signOut(): void {
    context = null;
    unsubscribe();
    s.state.value = 'signed-out';
  }

  return {
    get context() {
      return context;
    },
    self,
    get rev() {
      return rev;
    },
    shown(next) {
      rev = next;
    },
    open,
    reload,
    complete,
    follow,
    signOut,
  };
}

/**
 * The account's copy format, put in `s` once read while the page still shows that account
 * (`current`). A format chosen on the page while the read was on its way stays: the read is older.
 */
function takeFormat(
  s: TokensState,
  read: Promise<CopyFormat | undefined>,
  current: () => boolean,
): Promise<void> {
  const before = s.copyFormat.value;
  return read.then((format) => {
    if (current() && s.copyFormat.value === before) s.copyFormat.value = format ?? 'raw';
  });
}

/** The shown account's session, and the reads of what its rows show, made once it is known. */
async function readShown(deps: TokensDeps): Promise<{
  session: Session;
  scope: Scope;
  list: ReturnType<typeof readList>;
  format: Promise<CopyFormat | undefined>;
} | null> {
  const session = await deps.loadSession();
  if (!session) return null;
  const scope = { service: session.serviceUrl, account: session.account };
  return { session, scope, ...reads(deps, scope) };
}

/** What the rows of `scope` show: its list record, and its copy format, read side by side. */
function reads(deps: TokensDeps, scope: Scope) {
  return {
    list: deps.readList?.(scope) ?? deps.openDb().then((db) => readList(db, scope)),
    format: deps.loadCopyFormat?.(scope).catch(() => 'raw' as const) ?? Promise.resolve(undefined),
  };
}

/** Nobody is signed in; ended by the service (issue 18), a page opened later says so too. */
async function showSignedOut(deps: TokensDeps, s: TokensState): Promise<void> {
  const ended = s.error.value?.code !== 'signed-out' && (await deps.sessionEnded?.());
  batch(() => {
    if (ended) s.error.value = sessionEndedError();
    s.state.value = 'signed-out';
  });
}

const sameScope = (a: Scope, b: Scope): boolean => a.service === b.service && a.account === b.account;

/** Shows the list of the account signed in as `email`, read as the page opens (StoreLink.open). */
function paint(s: TokensState, list: PaintedList, email: string, switched: boolean): void {
  batch(() => {
    if (switched) forgetShown(s);
    s.tokens.value = list.tokens;
    // Only the list's head (issue 14): the rest is read after the page's first sync (complete).
    s.head.value = list.partial ?? null;
    s.lastSyncedAt.value = list.syncedAt;
    s.email.value = email;
    s.state.value = 'ready';
  });
}

function forgetShown(s: TokensState): void {
  s.notice.value = null;
  s.error.value = null;
  s.confirming.value = null;
  s.copiedId.value = null;
}
