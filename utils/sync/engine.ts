import type { Session } from '../account';
import type { ApiClient } from '../api';
import { type AccountStatus, fetchAccountStatus } from '../api';
import type { AppError, Result } from '../lib';
import { t } from '../lib';
import type { SecretPolicy } from '../lock';
import type { Scope, TokenRecord } from '../store';
import { requestRevoke, settleCreateAttempt, type TokenDatabase } from '../store';
import { announceChange } from './channel';
import { createToken } from './create-token';
import { createQuiet, type HoldStore, type Quiet } from './quiet';
import { SYNC_LOCK, type SyncContext, type SyncReport, type SyncResult, syncAccount } from './sync';
import { withLock } from './with-lock';

export interface EngineDeps {
  /** The account of `scope` (issue 15: several accounts), or the active one when absent. */
  loadSession(scope?: Scope): Promise<Session | null>;
  /** The service said `scope`'s session is over (401): forget that account's credential only, keep the data. */
  endSession(scope: Scope): Promise<void>;
  openDb(): Promise<TokenDatabase>;
  makeApi(session: Session): ApiClient;
  now(): number;
  random(): number;
  /** How a sync keeps secrets (the lock); read under the sync lock, so a lock turned on meanwhile counts. */
  secretPolicy?(): Promise<SecretPolicy>;
  /** Where rate-limit waits and read-only states outlive the background (utils/sync/quiet.ts); memory if absent. */
  holds?: HoldStore;
  /** Called after every call that wrote to the store, with the account's tokens when a sync listed them. */
  changed?(scope: Scope, tokens: readonly TokenRecord[] | null): void;
}

/** What every engine call answers: the sync it ran (null when none ran) and sentences for the person. */
export interface EngineReply {
  sync: SyncResult | null;
  notices: string[];
  /**
   * Why writes to the service are off now (a rate limit's wait, maintenance, the sunset), null when
   * they are on, absent when no account was asked about (issue 18).
   */
  hold?: AppError | null;
}

export type CreateReply = EngineReply & {
  created: { ok: true; tokenId: string | null } | { ok: false; message: string };
};

/**
 * Everything that talks to the service and writes the store, one call at a time under the sync
 * lock. It runs in the background (pages reach it through utils/messages.ts), so a revoke or a
 * create goes on when the popup closes mid-request.
 */
export interface Engine {
  /**
   * `now`: pending revokes are due at once. `shown`: a page will show the result (see
   * showLostCreates). `from`: the calling page, which takes in the reply and skips the broadcast.
   * `account`: that signed-in account (the background's rounds); the active one when absent.
   * `early`: answer once the list is applied, without waiting for `/version` (a page's sync): its
   * answer changes the service's hold afterwards, which open pages follow in storage.
   */
  sync(options?: {
    now?: boolean;
    shown?: boolean;
    from?: string;
    account?: Scope;
    early?: boolean;
    /** A page's first sync as it opens: the person's doing (the lock's idle time), nothing else here. */
    opening?: boolean;
  }): Promise<EngineReply>;
  create(name: string, from?: string): Promise<CreateReply>;
  revoke(id: string, from?: string): Promise<EngineReply>;
  /** The account's restriction and storage (issue 7): read-only, so outside the lock. */
  account(): Promise<Result<AccountStatus>>;
  /**
   * Why the shown account's service takes no writes now (a rate limit's wait, read-only), as last
   * seen, asking the service nothing. Pages work out the same from the stored record themselves
   * (`holdOf`, utils/page-deps.ts), so the popup asks the background nothing for it as it opens.
   */
  hold(): Promise<AppError | null>;
}

const signedOutError = (): AppError => ({ code: 'signed-out', message: t('errSignInToManage') });
const signedOut = (): EngineReply => ({ sync: { ok: false, error: signedOutError() }, notices: [] });
const lockedError = (): AppError => ({ code: 'locked', message: t('errLockedSync') });

/** The engine's one way to call the service for the signed-in account (see `run` below). */
function createRun(deps: EngineDeps, quiet: Quiet) {
  /**
   * Runs `fn` for the signed-in account under the lock; a 401 ends the session and keeps the data.
   * While a rate limit's wait lasts, nothing is sent to that service (utils/sync/quiet.ts).
   */
  return async function run<T extends EngineReply>(
    fn: (ctx: SyncContext) => Promise<T>,
    from = '',
    /** What is kept on this device even while the service is not asked (a revoke waits). */
    local?: (db: TokenDatabase, scope: Scope) => Promise<void>,
    account?: Scope,
    /** A sync that wrote nothing tells nobody; a create or a revoke always wrote. */
    onlyIfChanged = false,
  ): Promise<T | EngineReply> {
    // Asked while the session is read (issue 14). The background's connection is kept between
    // calls (keptTokenDb: its `close` does nothing, and a newer version or a deletion elsewhere
    // makes the next call open again); any other opener gives a connection for this call only.
    const opening = deps.openDb();
    try {
      // The session is read once: every write of this call goes to that one account's scope.
      const session = await deps.loadSession(account);
      if (!session) return signedOut();
      if (!session.credential) return { sync: { ok: false, error: lockedError() }, notices: [] };
      const scope: Scope = { service: session.serviceUrl, account: session.account };
      const held = await quiet.check(scope.service, deps.now());
      if (held) {
        if (local) await local(await opening, scope);
        if (local) tell(deps, scope, from, null);
        return {
          sync: { ok: false, error: held },
          notices: [],
          hold: await quiet.hold(scope.service, deps.now()),
        };
      }
      const api = deps.makeApi(session);
      const ctx: SyncContext = { api, db: await opening, scope, now: deps.now, random: deps.random };
      // The lock's policy is read under the sync lock (a lock turned on meanwhile counts), while
      // the list is on its way.
      const reply = await withLock(SYNC_LOCK, () => fn({ ...ctx, secrets: policyOf(deps) }));
      return await settle(deps, quiet, reply, scope, from, onlyIfChanged);
    } finally {
      void opening.then((db) => db.close()).catch(() => {});
    }
  };
}

/** The secret policy, asked now and awaited where a sync needs it; a failure fails that sync. */
function policyOf(deps: EngineDeps): Promise<SecretPolicy | undefined> | undefined {
  const policy = deps.secretPolicy?.();
  // Awaited by the sync that lists; a create that fails before it lists never awaits it.
  policy?.catch(() => {});
  return policy;
}

/** After a call: the service's standing state noted, a 401 ends that account, the others told. */
async function settle<T extends EngineReply>(
  deps: EngineDeps,
  quiet: Quiet,
  answered: T,
  scope: Scope,
  from: string,
  onlyIfChanged: boolean,
): Promise<T | EngineReply> {
  let reply = answered;
  // A revoke went through: whatever read-only state was seen is over (issue 18).
  if (reply.sync?.ok && reply.sync.value.wrote) await quiet.writable(scope.service, 'any');
  if (reply.sync) {
    const error = await quiet.note(
      scope.service,
      reply.sync.ok ? null : reply.sync.error,
      deps.now(),
      deps.random,
    );
    if (error && !reply.sync.ok) reply = { ...reply, sync: { ok: false, error } };
  }
  if (reply.sync && !reply.sync.ok && reply.sync.error.code === 'signed-out') await deps.endSession(scope);
  // Nothing changed, nothing to show: no broadcast, no menu or badge work.
  const changed = reply.notices.length > 0 || (reply.sync?.ok === true && reply.sync.value.changed);
  if (!onlyIfChanged || changed)
    tell(deps, scope, from, reply.sync?.ok ? (reply.sync.value.tokens ?? null) : null);
  return { ...reply, hold: await quiet.hold(scope.service, deps.now()) };
}

export function createEngine(deps: EngineDeps): Engine {
  const quiet = createQuiet(deps.holds);
  const run = createRun(deps, quiet);

  return {
    sync: (options = {}) =>
      run(
        async (ctx) => {
          const sync = await syncAccount(ctx, { hurry: options.now === true });
          // Known before any click (issue 18): `/version` says whether the service takes writes.
          // Asked once the list has answered: alongside, it slowed the list's answer by 5–9 ms
          // (issue 14). A page's sync answers without it (`early`): a changed hold is written to
          // storage, which open pages follow (TokensDeps.followHold); the background's rounds,
          // which schedule themselves by the hold, wait for it.
          const writable = sync.ok
            ? ctx.api
                .version()
                .catch(() => null)
                .then((version) => checkWritable(ctx, quiet, version))
            : null;
          if (options.early) void writable?.catch(() => {});
          else await writable;
          const notices = options.shown && sync.ok ? await showLostCreates(ctx, sync.value) : [];
          return { sync, notices };
        },
        options.from,
        undefined,
        options.account,
        true,
      ),
    async create(name, from) {
      const reply = await run(async (ctx): Promise<CreateReply> => {
        const result = await createToken(ctx, name);
        if (!result.ok)
          return { sync: result.sync, notices: [], created: { ok: false, message: result.message } };
        const tokenId = result.token?.id ?? null;
        // A create went through: whatever read-only state was seen is over.
        await quiet.writable(ctx.scope.service, 'any');
        // Extras of this click are told by the page's own message about them, one message at a time.
        const done = result.lost ? t('createdLostReply', name) : t('createdNotice', name);
        const notices = extrasOf(result.sync, tokenId) > 0 ? [] : [done];
        return { sync: result.sync, notices, created: { ok: true, tokenId } };
      }, from);
      return 'created' in reply
        ? (reply as CreateReply)
        : {
            ...reply,
            created: {
              ok: false,
              message: reply.sync?.ok === false ? reply.sync.error.message : t('errSignInToManage'),
            },
          };
    },
    revoke: (id, from) =>
      run(
        async (ctx) => {
          await requestRevoke(ctx.db, ctx.scope, id, ctx.now());
          return { sync: await syncAccount(ctx), notices: [] };
        },
        from,
        (db, scope) => requestRevoke(db, scope, id, deps.now()),
      ),
    async hold() {
      const session = await deps.loadSession();
      return session ? quiet.hold(session.serviceUrl, deps.now()) : null;
    },
    async account() {
      const session = await deps.loadSession();
      if (!session) return { ok: false, error: signedOutError() };
      if (!session.credential) return { ok: false, error: lockedError() };
      const held = await quiet.check(session.serviceUrl, deps.now());
      if (held) return { ok: false, error: held };
      const scope: Scope = { service: session.serviceUrl, account: session.account };
      return fetchAccountStatus(deps.makeApi(session), scope, deps.now());
    },
  };
}

/** `/version`'s mode (`rw`, `r-`, `--`): without `w` the service is read-only for maintenance. */
async function checkWritable(
  ctx: SyncContext,
  quiet: Quiet,
  version: Awaited<ReturnType<SyncContext['api']['version']>> | null,
): Promise<void> {
  // A service without `/version` (or whose answer was lost) tells its state with its next write's answer.
  if (!version?.ok) return;
  if (version.value.mode.includes('w')) await quiet.writable(ctx.scope.service, 'maintenance');
  else
    await quiet.note(
      ctx.scope.service,
      { code: 'maintenance', message: t('readOnlyNotice') },
      ctx.now(),
      ctx.random,
    );
}

/**
 * After a call that wrote: the other open pages show what changed without asking the service
 * again, and the background's own followers (menu, badge) get the tokens the sync already holds,
 * so they read nothing (`null`: they read for themselves).
 */
function tell(deps: EngineDeps, scope: Scope, from: string, tokens: readonly TokenRecord[] | null): void {
  announceChange(scope, from, true);
  deps.changed?.(scope, tokens);
}

function extrasOf(sync: SyncResult, tokenId: string | null): number {
  if (!sync.ok || tokenId === null) return 0;
  return (sync.value.tokens ?? []).filter(
    (token) => token.extraOf?.of === tokenId && token.state === 'active',
  ).length;
}

/**
 * A create whose answer was lost turned out to have made its token (a sync found it): the page
 * now shows it, so say so and let the attempt go; a later create of that name makes a new one.
 */
async function showLostCreates(ctx: SyncContext, report: SyncReport): Promise<string[]> {
  const notices: string[] = [];
  for (const attempt of report.attempts) {
    if (!attempt.tokenId) continue;
    await settleCreateAttempt(ctx.db, ctx.scope, attempt.startedAt, null);
    notices.push(t('lostCreateNotice', attempt.name));
  }
  return notices;
}
