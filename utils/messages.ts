import { browser } from 'wxt/browser';
import type { Session } from './account';
import type { AccountStatus } from './api';
import type { ClipboardGuard, CopiedMark } from './clipboard';
import { copiedMarkOf } from './clipboard';
import type { Filler, FillReply } from './fill';
import type { AppError, Result } from './lib';
import type { CheckReply, LockSettings, RevealReply, Vault, VaultReply, VaultStatus } from './lock';
import type { Scope } from './store';
import type { CreateReply, Engine, EngineReply } from './sync';

/** The background's lock, its secret reveal and the check that uses it, for handleMessage. */
export interface Locker {
  vault: Vault;
  reveal(id: string): Promise<RevealReply>;
  check(id: string): Promise<CheckReply>;
}

type Reply =
  | AppError
  | CheckReply
  | EngineReply
  | FillReply
  | Result<AccountStatus>
  | RevealReply
  | VaultReply
  | VaultStatus
  | string
  | null
  | undefined;

/**
 * The one messaging contract. Only the extension's own pages may send these: a content script
 * (issue 4's fill code) can never create, list or revoke.
 */
export type Message =
  | { type: 'tokens/sync'; now?: boolean; shown?: boolean; from?: string; opening?: boolean }
  | { type: 'tokens/create'; name: string; from?: string }
  | { type: 'tokens/revoke'; id: string; from?: string }
  /** The account's restriction and storage, fresh from the service (issue 7). */
  | { type: 'account/status' }
  /** Fill token `id` into the active tab; `confirmed`: the origin the person said yes to. */
  | { type: 'tokens/fill'; id: string; confirmed?: string; scope?: Scope }
  /**
   * A page copied a token of account `scope`: the background clears the clipboard after that
   * account's delay (never the text itself).
   */
  | ({ type: 'clipboard/copied'; scope?: Scope } & CopiedMark)
  /** One token's secret, for a copy: from the lock or the service when none is kept in the clear. */
  | { type: 'tokens/secret'; id: string }
  /** Check token (issue 13): the background asks the service with token `id`; only the verdict comes back. */
  | { type: 'tokens/check'; id: string }
  /** The lock (issue 5): only the background holds its key. */
  | { type: 'vault/status' }
  | { type: 'vault/unlock'; passphrase: string }
  | { type: 'vault/lock' }
  | { type: 'vault/enable'; passphrase: string }
  /** A new passphrase, and turning the lock off: both carry the current passphrase. */
  | { type: 'vault/change'; current: string; passphrase: string }
  | { type: 'vault/disable'; current: string }
  | { type: 'vault/forget'; passphrase: string }
  | { type: 'vault/configure'; settings: LockSettings }
  /** Signing in: the background seals the credential when the lock is on (refused while locked). */
  | { type: 'session/save'; session: Session };

/**
 * The messages a page sends only because a person did something (a click, a key, opening the
 * popup): the only ones that count as use for the idle lock. A page's start-up and automatic
 * syncs, its retry timers and its status reads are not use, or an open page would keep the lock
 * open for ever. A sync is the person's only with `now` (the "Sync now" button).
 */
const PERSON_ACTIONS: ReadonlySet<string> = new Set([
  'tokens/create',
  'tokens/revoke',
  'tokens/fill',
  'tokens/secret',
  'tokens/check',
  'clipboard/copied',
  'vault/unlock',
  'vault/lock',
  'vault/enable',
  'vault/change',
  'vault/disable',
  'vault/forget',
  'vault/configure',
  'session/save',
] satisfies Message['type'][]);

export function isPersonAction(message: unknown): boolean {
  const m = message as Partial<Message> | null;
  // A sync is the person's with "Sync now", or as they open a page (its first sync).
  if (m?.type === 'tokens/sync') return m.now === true || m.opening === true;
  return typeof m?.type === 'string' && PERSON_ACTIONS.has(m.type);
}
// The background's requests to its offscreen document go over utils/clipboard/channel.ts instead:
// that document then needs no `browser` at all, which keeps the popup's shared code in one chunk.

/** Fills token `id` of `scope`'s account (the one the page shows); `confirmed`: the origin said yes to. */
export type Fill = (id: string, confirmed?: string, scope?: Scope) => Promise<FillReply>;

interface Sender {
  id?: string;
  url?: string;
}

/** A page of this extension (popup, options), not a content script in some web page. */
export function isExtensionPage(sender: Sender, extensionId: string, pageOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(pageOrigin);
}

/** Answers one message with the engine, the filler or the clipboard guard; anything else gets no answer. */
export function handleMessage(
  engine: Engine,
  message: unknown,
  filler?: Pick<Filler, 'fill'>,
  clipboard?: Pick<ClipboardGuard, 'copied'>,
  locker?: Locker,
): Promise<Reply> | undefined {
  const m = message as (Partial<Message> & { from?: unknown }) | null;
  if (locker && typeof m?.type === 'string' && /^(vault|session)\/|^tokens\/(secret|check)$/.test(m.type))
    return handleLockMessage(locker, m as Message);
  const from = typeof m?.from === 'string' ? m.from : '';
  switch (m?.type) {
    case 'tokens/sync':
      return engine.sync({ now: m.now === true, shown: m.shown === true, from, early: true }).then(lean);
    case 'tokens/create':
      return typeof m.name === 'string' ? engine.create(m.name, from).then(lean) : undefined;
    case 'tokens/revoke':
      return typeof m.id === 'string' ? engine.revoke(m.id, from).then(lean) : undefined;
    case 'account/status':
      return engine.account();
    case 'tokens/fill':
      if (typeof m.id !== 'string' || !filler) return undefined;
      return filler.fill(
        m.id,
        typeof m.confirmed === 'string' ? m.confirmed : undefined,
        scopeOf(m.scope) ?? undefined,
      );
    case 'clipboard/copied': {
      const mark = copiedMarkOf(m);
      return mark && clipboard ? clipboard.copied(mark, scopeOf(m.scope)).then(() => null) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * An engine reply as it goes to a page: without the account's tokens, which the page reads from
 * the store when the sync changed them. A message is serialised twice (JSON, through the browser);
 * 10,000 tokens made it cost more than the sync itself (issue 14).
 */
export function lean<T extends EngineReply>(reply: T): T {
  if (!reply.sync?.ok || reply.sync.value.tokens === undefined) return reply;
  const { tokens: _kept, ...value } = reply.sync.value;
  return { ...reply, sync: { ok: true, value } };
}

function handleLockMessage({ vault, reveal, check }: Locker, m: Message): Promise<Reply> | undefined {
  const text = (value: unknown): value is string => typeof value === 'string' && value !== '';
  switch (m.type) {
    case 'tokens/secret':
      return text(m.id) ? reveal(m.id) : undefined;
    case 'tokens/check':
      return text(m.id) ? check(m.id) : undefined;
    case 'vault/status':
      return vault.status().then((status) => ({ ok: true, status }));
    case 'vault/unlock':
      return text(m.passphrase) ? vault.unlock(m.passphrase) : undefined;
    case 'vault/lock':
      return vault.lock();
    case 'vault/enable':
      return text(m.passphrase) ? vault.enable(m.passphrase) : undefined;
    case 'vault/change':
      return text(m.current) && text(m.passphrase) ? vault.change(m.current, m.passphrase) : undefined;
    case 'vault/disable':
      return text(m.current) ? vault.disable(m.current) : undefined;
    case 'vault/forget':
      return text(m.passphrase) ? vault.forget(m.passphrase) : undefined;
    case 'vault/configure':
      return typeof m.settings?.idleMinutes === 'number' ? vault.configure(m.settings) : undefined;
    case 'session/save':
      return text(m.session?.credential) ? vault.saveSession(m.session) : undefined;
    default:
      return undefined;
  }
}

/** The lock, as seen from a page. Every call but `reveal` answers with the lock's state. */
export interface LockClient {
  status(): Promise<VaultReply>;
  unlock(passphrase: string): Promise<VaultReply>;
  reveal(id: string): Promise<RevealReply>;
  lock(): Promise<VaultReply>;
  enable(passphrase: string): Promise<VaultReply>;
  change(current: string, passphrase: string): Promise<VaultReply>;
  disable(current: string): Promise<VaultReply>;
  forget(passphrase: string): Promise<VaultReply>;
  configure(settings: LockSettings): Promise<VaultReply>;
  /** Stores the session, sealed by the background when the lock is on; answers why not, or null. */
  saveSession(session: Session): Promise<string | null>;
}

/** What the popup needs of the lock: its state, unlocking, and one secret for a copy. */
export type UnlockClient = Pick<LockClient, 'status' | 'unlock' | 'reveal'>;

/** The popup's lock client: the options page's other calls stay out of the popup's bundle. */
export function unlockClient(
  send: (message: Message) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
): UnlockClient {
  const call = send as <T>(message: Message) => Promise<T>;
  return {
    status: () => call({ type: 'vault/status' }),
    unlock: (passphrase) => call({ type: 'vault/unlock', passphrase }),
    reveal: (id) => call({ type: 'tokens/secret', id }),
  };
}

export function lockClient(
  send: (message: Message) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
): LockClient {
  const call = send as <T>(message: Message) => Promise<T>;
  return {
    ...unlockClient(send),
    lock: () => call({ type: 'vault/lock' }),
    enable: (passphrase) => call({ type: 'vault/enable', passphrase }),
    change: (current, passphrase) => call({ type: 'vault/change', current, passphrase }),
    disable: (current) => call({ type: 'vault/disable', current }),
    forget: (passphrase) => call({ type: 'vault/forget', passphrase }),
    configure: (settings) => call({ type: 'vault/configure', settings }),
    saveSession: (session) => call({ type: 'session/save', session }),
  };
}

/**
 * The background's engine, as seen from a page. Without `hold`: a page reads the service's
 * standing state from storage itself (holdOf), asking the background nothing as it opens (issue 14).
 */
export function engineClient(
  send: (message: Message) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
): PageEngine {
  return {
    sync: (options = {}) => send({ type: 'tokens/sync', ...options }) as Promise<EngineReply>,
    create: (name, from) => send({ type: 'tokens/create', name, from }) as Promise<CreateReply>,
    revoke: (id, from) => send({ type: 'tokens/revoke', id, from }) as Promise<EngineReply>,
    account: () => send({ type: 'account/status' }) as Promise<Result<AccountStatus>>,
  };
}

/** The engine's calls a page makes through messages (engineClient). */
export type PageEngine = Omit<Engine, 'hold'>;

/** The background's filler, as seen from the popup. */
export function fillClient(
  send: (message: Message) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
): Fill {
  return (id, confirmed, scope) => send({ type: 'tokens/fill', id, confirmed, scope }) as Promise<FillReply>;
}

/** Check token, as seen from a page: the verdict, never the secret. */
export function checkClient(
  send: (message: Message) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
): (id: string) => Promise<CheckReply> {
  return (id) => send({ type: 'tokens/check', id }) as Promise<CheckReply>;
}

/** Tells the background about a copy of a token of `scope`, so it clears the clipboard after that account's delay. */
export function clipboardClient(
  send: (message: Message) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
): (mark: CopiedMark, scope?: Scope) => Promise<unknown> {
  // An absent scope is left out of the message (sendMessage drops undefined fields).
  return (mark, scope) => send({ type: 'clipboard/copied', ...mark, scope });
}

/** A scope a page named, as two strings, or null. */
function scopeOf(value: unknown): Scope | null {
  const v = value as Partial<Scope> | null | undefined;
  return typeof v?.service === 'string' && typeof v.account === 'string'
    ? { service: v.service, account: v.account }
    : null;
}
