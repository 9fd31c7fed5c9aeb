import type { ReadonlySignal, Signal } from '@preact/signals';
import type { Session } from '../account';
import type { AppError, Result } from '../lib';
import type { RevealReply } from '../lock';
import type { Fill, PageEngine } from '../messages';
import type { readList, Scope, TokenAnnotation, TokenDatabase, TokenRecord } from '../store';
import type { SyncResult } from '../sync';
import type { CopyFormat } from './copy-format';
import type { ExtraGroup } from './extras';
import type { SortKey } from './order';

// The page model's shapes: what it needs (TokensDeps) and what it offers the pages (TokensModel).

export interface TokensDeps {
  loadSession(): Promise<Session | null>;
  /** Whether the service ended the last session to go (a 401), not a sign-out here (issue 18). */
  sessionEnded?(): Promise<boolean>;
  openDb(): Promise<TokenDatabase>;
  /** What the rows of `scope` show (store readList); a page's first script may have read it already. */
  readList?(scope: Scope): ReturnType<typeof readList>;
  /** Talks to the service and writes the store: the background's, through messages, in pages. */
  engine: PageEngine;
  /**
   * Why the shown account's service takes no writes now (a rate limit's wait, read-only), as the
   * background last recorded it (issue 18); null when it takes them. Pages read it from storage.
   */
  loadHold?(): Promise<AppError | null>;
  /** Writes `text` to the clipboard; `scope`: the account of the token copied (its clipboard delay). */
  copyText(text: string, scope?: Scope): Promise<Result<void>>;
  /** Fills a token into the active tab (the background's, through messages); popup only. */
  fill?: Fill;
  /** A menu or shortcut fill waiting for the person's yes (popup only). */
  pendingFill?: () => Promise<Omit<FillQuestion, 'name'> | null>;
  /** Asks the browser to let the extension reach a frame's origin; must run in the click. */
  requestFrame?: (origin: string) => Promise<boolean>;
  /** The copy format remembered for account `scope` (issues 7, 15); raw when not given. */
  loadCopyFormat?(scope: Scope): Promise<CopyFormat>;
  saveCopyFormat?(scope: Scope, format: CopyFormat): Promise<void>;
  now(): number;
  random?(): number;
  /** A secret not kept in the clear here (the lock, or none kept): asked of the background. */
  reveal?(id: string): Promise<RevealReply>;
  /** The name typed under Create and not yet created, kept over a sign-in again (issue 18). */
  loadDraft?(): Promise<string>;
  saveDraft?(name: string): Promise<void>;
  /** A copy or fill met the lock: the page asks for the passphrase. */
  onLocked?(): void;
  /**
   * Resolves once the page has painted what it holds (issue 14): the sync, the one question to the
   * background as a page opens, and the question a fill left go after the list is on screen.
   */
  painted?(): Promise<void>;
  /** Calls `listener` when the background's record of the services' holds changes (issue 18). */
  followHold?(listener: () => void): () => void;
}

export type ViewState = 'loading' | 'signed-out' | 'ready';
/** A fill waiting for the person's yes to a site the token was never filled into. */
export interface FillQuestion {
  id: string;
  name: string;
  origin: string;
  /** The page, when the field is in a frame of another origin (`origin`). */
  top?: string;
  /** That frame's address, named in the question. */
  url?: string;
  /** The page or frame is over plain http to another machine: the question warns. */
  insecure?: boolean;
}
export type CreateOutcome = { ok: true; token: TokenRecord | null } | { ok: false; message: string };

export interface TokensModel {
  state: Signal<ViewState>;
  /** Every record of the account: active, pending revoke and revoked. */
  tokens: Signal<TokenRecord[]>;
  /** Active and pending-revoke tokens, searched and sorted. */
  visible: ReadonlySignal<TokenRecord[]>;
  /** Revoked tokens, newest first. */
  revoked: ReadonlySignal<TokenRecord[]>;
  /**
   * How many rows the list has on screen: `visible`'s length, or, while `tokens` are only the
   * list's head (the popup's first paint, issue 14), how many tokens the whole list has that are
   * not revoked; `visible` is then its first rows.
   */
  shownCount: ReadonlySignal<number>;
  query: Signal<string>;
  sort: Signal<SortKey>;
  syncing: Signal<boolean>;
  /**
   * True while the page's opening work runs (start(): the list, then the first sync and the
   * question a fill left). What can wait, waits for it: the rows either side of the list's first
   * screenful (issue 14), drawn during the sync, held its answer back.
   */
  opening: Signal<boolean>;
  lastSyncedAt: Signal<number | null>;
  error: Signal<AppError | null>;
  /** Why writes are off at the service now (rate limit, maintenance, sunset: issue 18), or null. */
  hold: Signal<AppError | null>;
  notice: Signal<string | null>;
  /** The name typed under Create: kept while the page lives, and over a sign-in again. */
  draft: Signal<string>;
  setDraft(name: string): void;
  copiedId: Signal<string | null>;
  email: Signal<string>;
  confirming: Signal<FillQuestion | null>;
  copyFormat: Signal<CopyFormat>;
  start(): Promise<void>;
  /**
   * Reads the rest of the list now when only its head is shown (issue 14): a search, another
   * order, a scroll past it. The page's opening reads it after its first sync in any case.
   */
  complete(): Promise<void>;
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
  /** Tokens one click made beyond the one it was for (issue 18): revoke them, or keep them. */
  revokeExtras(group: ExtraGroup): Promise<Result<void>>;
  keepExtras(group: ExtraGroup): Promise<void>;
}
