import type { ApiToken } from '../api';
import { secretHint } from '../lib';
import type { Envelope } from '../lock';
import { planSync, revoked } from '../sync';
import { listDigest } from './digest';
import { headOf, joinRecords, revised, splitRecords, toRecord, withoutSecret } from './layout';
import { type CreateAttempt, REVOKED_KEEP_MS, type Scope, type TokenRecord } from './records';
import type {
  AccountRecord,
  GrantRecord,
  HeadRecord,
  ListRecord,
  TokenDatabase,
  TokenRow,
  UsageRecord,
} from './schema';

// Repository functions: every read and write of the other features, each in one transaction.
// Since v5 an account's tokens are two records (layout.ts): `lists` (what rows show) and
// `secrets`; a write rewrites the one it changes, and only when something changed. Since v6 a
// list's head (`heads`, what the popup paints first) is written with it (putList).

/** What one list from the service changed here. */
export interface ListApplied {
  /** Absent when the list was the one last applied (unchangedSync): nothing was built. */
  tokens?: TokenRecord[];
  dueRevokes: string[];
  settled: Array<{ attempt: CreateAttempt; token: TokenRecord | null }>;
  attempts: CreateAttempt[];
  /** Whether anything was written: false when the list matched what this device kept. */
  changed: boolean;
  /** The list record's revision after this (ListRecord.rev). */
  rev: number | undefined;
}

export type RevokeOutcome =
  | { id: string; kind: 'revoked' }
  | { id: string; kind: 'retry'; delayMs: number; error: string }
  | { id: string; kind: 'failed' };

const key = (scope: Scope): [string, string] => [scope.service, scope.account];

type Put<T> = { put(value: T): Promise<unknown> };
type ListStores = {
  lists: Put<ListRecord> & { get(key: [string, string]): Promise<ListRecord | undefined> };
  heads: Put<HeadRecord>;
};

/** A transaction's two stores a list is written to (putList). */
function listStores(tx: {
  objectStore(name: 'lists'): ListStores['lists'];
  objectStore(name: 'heads'): ListStores['heads'];
}): ListStores {
  return { lists: tx.objectStore('lists'), heads: tx.objectStore('heads') };
}

/**
 * Writes `list` and its head (HeadRecord, layout.ts `headOf`) in the caller's transaction: every
 * write of a list goes through here, so the head the popup paints first is never another list's.
 */
export function putList(
  stores: Pick<ListStores, 'heads'> & { lists: Put<ListRecord> },
  list: ListRecord,
): Promise<unknown> {
  return Promise.all([stores.lists.put(list), stores.heads.put(headOf(list))]);
}

/** What a page paints of an account's list: its tokens without their secrets, its last sync, its revision. */
export interface PaintedList {
  tokens: TokenRecord[];
  syncedAt: number | null;
  rev: number | undefined;
  /**
   * Present when only the list's head was read (HeadRecord, the popup's first paint): `tokens`
   * are its rows, and `live` is how many tokens the whole list has that are not revoked.
   */
  partial?: { live: number };
}

/** What a page paints: the account's tokens without their secrets, and its last sync; one `get`. */
export async function readList(db: TokenDatabase, scope: Scope): Promise<PaintedList> {
  return shownList(scope, await db.get('lists', key(scope)));
}

/**
 * What a page paints of `scope`'s list record, or of its head (readList, or the page's first
 * read of it). The record is the read's own copy, used once: its rows become the token records
 * in place (issue 14: copying each, as toRecord does, was most of the popup's own work with
 * 1,000 tokens).
 */
export function shownList(scope: Scope, list: ListRecord | HeadRecord | undefined): PaintedList {
  const shown = {
    tokens: (list?.rows ?? []).map((row) => recordInPlace(scope, row)),
    syncedAt: list?.syncedAt ?? null,
    rev: list?.rev,
  };
  return list && 'live' in list && !list.complete ? { ...shown, partial: { live: list.live } } : shown;
}

/** `row` as a token record without its secret: toRecord, without the copy. */
function recordInPlace(scope: Scope, row: TokenRow): TokenRecord {
  const record = row as TokenRecord;
  record.service = scope.service;
  record.account = scope.account;
  record.secret = '';
  record.sealed = null;
  return record;
}

/** The account's tokens with their secrets (the engine and the lock need them; pages use readList). */
export async function listTokens(db: TokenDatabase, scope: Scope): Promise<TokenRecord[]> {
  const tx = db.transaction(['lists', 'secrets']);
  const [list, secrets] = await Promise.all([
    tx.objectStore('lists').get(key(scope)),
    tx.objectStore('secrets').get(key(scope)),
  ]);
  return joinRecords(scope, list, secrets);
}

export function getAccount(db: TokenDatabase, scope: Scope): Promise<AccountRecord | undefined> {
  return db.get('accounts', [scope.service, scope.account]);
}

/**
 * Applies a fresh list from the service: one transaction, whatever the number of tokens. Writes
 * only the records that changed: none when the list matches what this device keeps.
 */
export async function applyList(
  db: TokenDatabase,
  scope: Scope,
  remote: readonly ApiToken[],
  now: number,
  sealed?: ReadonlyMap<string, Envelope | null>,
  /** "Sync now": every pending revoke is due now (nothing written for it; the outcomes are). */
  hurry = false,
): Promise<ListApplied> {
  // The secrets in the clear (no lock) let the list be recognised next time (unchangedSync).
  const digest = sealed ? undefined : listDigest(remote);
  // Relaxed (issue 14): everything a sync writes is what the service listed, or follows from it
  // (a create's attempt settled), so a write lost to a power cut is made again by the next sync;
  // the writes that are the person's own intent (a revoke asked, a create's attempt) stay strict.
  const tx = db.transaction(['lists', 'heads', 'secrets', 'accounts'], 'readwrite', {
    durability: 'relaxed',
  });
  const [list, account] = await Promise.all([
    tx.objectStore('lists').get(key(scope)),
    tx.objectStore('accounts').get(key(scope)),
  ]);
  if (digest !== undefined && unchangedSync(list, account, digest, now)) {
    await tx.done;
    return { dueRevokes: [], settled: [], attempts: [], changed: false, rev: list?.rev };
  }
  const [secrets, headed] = await Promise.all([
    tx.objectStore('secrets').get(key(scope)),
    tx.objectStore('heads').getKey(key(scope)),
  ]);
  const kept = joinRecords(scope, list, secrets);
  const local = hurry ? kept.map((record) => hurried(record, now)) : kept;
  const plan = planSync(scope, local, remote, account?.createAttempts ?? [], now, sealed);
  const before = new Map(local.map((record) => [record.id, record]));
  const after = plan.put.length > 0 || plan.purge.length > 0 ? applyPlan(before, plan) : local;
  // A list without a revision (written before revisions) gets one, once; one without a head (v6), its head.
  const listChanged =
    !list || list.rev === undefined || headed === undefined || plan.put.length > 0 || plan.purge.length > 0;
  const secretsChanged = plan.put.some((record) => secretChanged(before.get(record.id), record));
  const attemptsChanged = JSON.stringify(account?.createAttempts ?? []) !== JSON.stringify(plan.attempts);
  const split = listChanged || secretsChanged ? splitRecords(scope, after, now) : null;
  const rev = split && listChanged ? split.list.rev : list?.rev;
  const listed = digest !== undefined && rev !== undefined ? { digest, rev } : undefined;
  const writes: Promise<unknown>[] = [];
  if (split && listChanged) writes.push(putList(listStores(tx), split.list));
  if (split && secretsChanged) writes.push(tx.objectStore('secrets').put(split.secrets));
  // The account keeps its last sync too (older readers): written with the list, never alone but
  // for its attempts, or to remember which list this is (not a change: nobody is told).
  const base = { email: '', ...account, ...scope, listed };
  if (attemptsChanged || listChanged)
    writes.push(
      tx.objectStore('accounts').put({ ...base, lastSyncedAt: now, createAttempts: plan.attempts }),
    );
  else if (!sameListed(account?.listed, listed))
    void tx
      .objectStore('accounts')
      .put({ ...base, lastSyncedAt: account?.lastSyncedAt ?? null, createAttempts: plan.attempts });
  await Promise.all(writes);
  await tx.done;
  // What the engine hands on (to pages, the menu, the badge) carries no secret: the rows as
  // written, or as kept when nothing was (a revoke hurried only here is shown hurried).
  const rows = split?.list.rows ?? (local === kept ? list?.rows : undefined);
  return {
    tokens: rows
      ? rows.map((row) => toRecord(scope, row))
      : after.map((record) => withoutSecret(scope, record)),
    dueRevokes: plan.dueRevokes,
    settled: plan.settled.map(({ attempt, token }) => ({
      attempt,
      token: token && withoutSecret(scope, token),
    })),
    attempts: plan.attempts,
    changed: writes.length > 0,
    rev,
  };
}

/**
 * Whether a sync of `digest` can change nothing (issue 14), read from the list's rows without
 * their secrets: the service gave this very list last time, the list record is the one that sync
 * left (every other write gives it a new revision), no create waits to be settled, no revoke
 * waits, and no revoked token is old enough to be forgotten. Most syncs are this one.
 */
function unchangedSync(
  list: ListRecord | undefined,
  account: AccountRecord | undefined,
  digest: string,
  now: number,
): boolean {
  if (!list || !account?.listed || account.createAttempts.length > 0) return false;
  if (account.listed.digest !== digest || account.listed.rev !== list.rev) return false;
  return list.rows.every(
    (row) =>
      !row.pendingRevoke &&
      row.state !== 'pending-revoke' &&
      (row.state !== 'revoked' || (row.revokedAt ?? now) >= now - REVOKED_KEEP_MS),
  );
}

/** Whether `record` keeps another secret than `previous` (none: a token new here). */
function secretChanged(previous: TokenRecord | undefined, record: TokenRecord): boolean {
  return (
    !previous ||
    previous.secret !== record.secret ||
    JSON.stringify(previous.sealed) !== JSON.stringify(record.sealed)
  );
}

const sameListed = (a: AccountRecord['listed'], b: AccountRecord['listed']): boolean =>
  a?.digest === b?.digest && a?.rev === b?.rev;

function applyPlan(
  before: ReadonlyMap<string, TokenRecord>,
  plan: ReturnType<typeof planSync>,
): TokenRecord[] {
  const byId = new Map(before);
  for (const record of plan.put) byId.set(record.id, record);
  for (const id of plan.purge) byId.delete(id);
  return [...byId.values()];
}

function hurried(record: TokenRecord, now: number): TokenRecord {
  const waiting = record.pendingRevoke;
  return waiting && waiting.nextAttemptAt > now
    ? { ...record, pendingRevoke: { ...waiting, nextAttemptAt: now } }
    : record;
}

/** Records what the service said to each revoke sent; returns the scope's tokens after it, and the list's revision. */
export async function applyRevokeOutcomes(
  db: TokenDatabase,
  scope: Scope,
  outcomes: readonly RevokeOutcome[],
  now: number,
): Promise<{ tokens: TokenRecord[]; rev: number | undefined }> {
  const tx = db.transaction(['lists', 'heads', 'secrets'], 'readwrite');
  const [list, secrets] = await Promise.all([
    tx.objectStore('lists').get(key(scope)),
    tx.objectStore('secrets').get(key(scope)),
  ]);
  const byOutcome = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
  let changed = false;
  let gone = false;
  const after = joinRecords(scope, list, secrets).map((record) => {
    const outcome = byOutcome.get(record.id);
    if (!outcome || record.state !== 'pending-revoke' || !record.pendingRevoke) return record;
    changed = true;
    gone ||= outcome.kind === 'revoked';
    if (outcome.kind === 'revoked') return revoked(record, now, true);
    if (outcome.kind === 'failed') return { ...record, state: 'active' as const, pendingRevoke: null };
    const pendingRevoke = {
      ...record.pendingRevoke,
      attempts: record.pendingRevoke.attempts + 1,
      nextAttemptAt: now + outcome.delayMs,
      lastError: outcome.error,
    };
    return { ...record, pendingRevoke };
  });
  let rev = list?.rev;
  if (changed && list) {
    // The secrets record changes only when a revoked token's secret goes.
    const split = splitRecords(scope, after, list.syncedAt);
    rev = split.list.rev;
    await Promise.all([
      putList(listStores(tx), split.list),
      gone && tx.objectStore('secrets').put(split.secrets),
    ]);
  }
  await tx.done;
  return { tokens: after.map((record) => withoutSecret(scope, record)), rev };
}

/**
 * Rewrites the account's list record with `edit` applied to its rows, in `tx`; writes nothing
 * when `edit` changed no row (it returns the same object for a row it leaves).
 */
async function editRows(
  stores: ListStores,
  scope: Scope,
  edit: (row: ListRecord['rows'][number]) => ListRecord['rows'][number],
): Promise<ListRecord['rows'][number][]> {
  const list = await stores.lists.get(key(scope));
  if (!list) return [];
  let changed = false;
  const rows = list.rows.map((row) => {
    const next = edit(row);
    if (next !== row) changed = true;
    return next;
  });
  if (changed) await putList(stores, revised({ ...list, rows }));
  return rows;
}

/** Puts a revoke in the outbox: it survives the page, the service worker and the browser closing. */
export async function requestRevoke(db: TokenDatabase, scope: Scope, id: string, now: number): Promise<void> {
  const tx = db.transaction(['lists', 'heads'], 'readwrite');
  await editRows(listStores(tx), scope, (row) =>
    row.id === id && row.state === 'active'
      ? {
          ...row,
          state: 'pending-revoke',
          pendingRevoke: { requestedAt: now, attempts: 0, nextAttemptAt: now, lastError: null },
        }
      : row,
  );
  await tx.done;
}

/** Makes every pending revoke due now ("Sync now" means now). */
export async function hurryRevokes(db: TokenDatabase, scope: Scope, now: number): Promise<void> {
  const tx = db.transaction(['lists', 'heads'], 'readwrite');
  await editRows(listStores(tx), scope, (row) =>
    row.pendingRevoke && row.pendingRevoke.nextAttemptAt > now
      ? { ...row, pendingRevoke: { ...row.pendingRevoke, nextAttemptAt: now } }
      : row,
  );
  await tx.done;
}

export async function addCreateAttempt(
  db: TokenDatabase,
  scope: Scope,
  attempt: CreateAttempt,
): Promise<void> {
  const tx = db.transaction('accounts', 'readwrite');
  const account = await tx.store.get([scope.service, scope.account]);
  const base = account ?? { ...scope, email: '', lastSyncedAt: null, createAttempts: [] };
  await tx.store.put({ ...base, createAttempts: [...base.createAttempts, attempt] });
  await tx.done;
}

/**
 * Settles the attempt that began at `startedAt`: forgotten (`tokenId` null: nothing was made, or
 * its token was handed to the person), or marked with the token it made until that is handed out.
 */
export async function settleCreateAttempt(
  db: TokenDatabase,
  scope: Scope,
  startedAt: number,
  tokenId: string | null,
): Promise<void> {
  const tx = db.transaction('accounts', 'readwrite');
  const account = await tx.store.get([scope.service, scope.account]);
  if (account) {
    const createAttempts = account.createAttempts.flatMap((attempt) => {
      if (attempt.startedAt !== startedAt) return [attempt];
      return tokenId === null ? [] : [{ ...attempt, tokenId }];
    });
    await tx.store.put({ ...account, createAttempts });
  }
  await tx.done;
}

export async function markCopied(db: TokenDatabase, scope: Scope, id: string, at: number): Promise<void> {
  const tx = db.transaction(['lists', 'heads', 'usage'], 'readwrite');
  const rows = await editRows(listStores(tx), scope, (row) =>
    row.id === id ? { ...row, lastCopiedAt: at } : row,
  );
  if (rows.some((row) => row.id === id))
    await tx.objectStore('usage').add({ ...scope, tokenId: id, kind: 'copy', origin: null, at });
  await tx.done;
}

/** Records a fill, and on the token when it was last filled (issue 7's "never used" needs it in the popup). */
export async function recordFill(db: TokenDatabase, use: Omit<UsageRecord, 'kind'>): Promise<void> {
  const tx = db.transaction(['lists', 'heads', 'usage'], 'readwrite');
  const scope = { service: use.service, account: use.account };
  await editRows(listStores(tx), scope, (row) =>
    row.id === use.tokenId ? { ...row, lastFilledAt: use.at } : row,
  );
  await tx.objectStore('usage').add({ ...use, kind: 'fill' });
  await tx.done;
}

/** What a person may set on a token here: its note, its review date, the replacement a rotation made. */
export type TokenAnnotation = Partial<Pick<TokenRecord, 'note' | 'reviewBy' | 'rotatedTo' | 'extraOf'>>;

/** Returns the token as pages hold it (no secret), or undefined when it is not kept here. */
export async function annotateToken(
  db: TokenDatabase,
  scope: Scope,
  id: string,
  patch: TokenAnnotation,
): Promise<TokenRecord | undefined> {
  const tx = db.transaction(['lists', 'heads'], 'readwrite');
  const rows = await editRows(listStores(tx), scope, (row) => (row.id === id ? { ...row, ...patch } : row));
  await tx.done;
  const row = rows.find((r) => r.id === id);
  return row && toRecord(scope, row);
}

/** Sets or clears (null) a token's review date, the way a note is written (annotateToken). */
export function setReviewBy(
  db: TokenDatabase,
  scope: Scope,
  id: string,
  reviewBy: number | null,
): Promise<TokenRecord | undefined> {
  return annotateToken(db, scope, id, { reviewBy });
}

/** Every copy and fill of the account's tokens, oldest first. */
export function listUsage(db: TokenDatabase, scope: Scope): Promise<UsageRecord[]> {
  return db.getAllFromIndex('usage', 'by-scope', [scope.service, scope.account]);
}

export async function hasGrant(
  db: TokenDatabase,
  scope: Scope,
  tokenId: string,
  origin: string,
): Promise<boolean> {
  return (await db.getKey('grants', [scope.service, scope.account, tokenId, origin])) !== undefined;
}

export async function addGrant(db: TokenDatabase, grant: GrantRecord): Promise<void> {
  await db.put('grants', grant);
}

export function listGrants(db: TokenDatabase, scope: Scope): Promise<GrantRecord[]> {
  return db.getAllFromIndex('grants', 'by-scope', [scope.service, scope.account]);
}

/** Makes `tokenId` (granted on `origin`) the shortcut's token there, or none with null. */
export async function setSiteDefault(
  db: TokenDatabase,
  scope: Scope,
  origin: string,
  tokenId: string | null,
): Promise<void> {
  const tx = db.transaction('grants', 'readwrite');
  for (const grant of await tx.store.index('by-scope').getAll([scope.service, scope.account])) {
    if (grant.origin !== origin) continue;
    const { siteDefault: _was, ...rest } = grant;
    await tx.store.put(grant.tokenId === tokenId ? { ...rest, siteDefault: true } : rest);
  }
  await tx.done;
}

export async function removeGrant(db: TokenDatabase, grant: GrantRecord): Promise<void> {
  await db.delete('grants', [grant.service, grant.account, grant.tokenId, grant.origin]);
}

/** One token with its secret: what a copy or a fill reads, and only then. */
export async function getToken(
  db: TokenDatabase,
  scope: Scope,
  id: string,
): Promise<TokenRecord | undefined> {
  const tx = db.transaction(['lists', 'secrets']);
  const [list, secrets] = await Promise.all([
    tx.objectStore('lists').get(key(scope)),
    tx.objectStore('secrets').get(key(scope)),
  ]);
  const row = list?.rows.find((r) => r.id === id);
  return row && toRecord(scope, row, secrets?.secrets[id]);
}

/** Only a token's secret as kept here ('' when sealed or not kept): a page's copy, one `get`. */
export async function getSecret(db: TokenDatabase, scope: Scope, id: string): Promise<string> {
  return (await db.get('secrets', key(scope)))?.secrets[id]?.secret ?? '';
}

/** Every token record of every account: the lock seals and opens them all at once. */
export async function listAllTokens(db: TokenDatabase): Promise<TokenRecord[]> {
  const tx = db.transaction(['lists', 'secrets']);
  const [lists, secrets] = await Promise.all([
    tx.objectStore('lists').getAll(),
    tx.objectStore('secrets').getAll(),
  ]);
  const secretsOf = new Map(secrets.map((record) => [JSON.stringify(key(record)), record]));
  return lists.flatMap((list) => joinRecords(list, list, secretsOf.get(JSON.stringify(key(list)))));
}

/**
 * Replaces the secrets of records, in one transaction: only secrets change, so a copy time
 * written meanwhile stays. Records revoked meanwhile keep no secret.
 */
export async function putSecrets(
  db: TokenDatabase,
  changes: ReadonlyArray<Pick<TokenRecord, 'service' | 'account' | 'id' | 'secret' | 'sealed'>>,
): Promise<void> {
  const tx = db.transaction(['lists', 'heads', 'secrets'], 'readwrite');
  const byScope = new Map<string, (typeof changes)[number][]>();
  for (const change of changes) {
    const scopeKey = JSON.stringify(key(change));
    byScope.set(scopeKey, [...(byScope.get(scopeKey) ?? []), change]);
  }
  for (const [scopeKey, scoped] of byScope) {
    const [service, account] = JSON.parse(scopeKey) as [string, string];
    const scope = { service, account };
    const [list, record] = await Promise.all([
      tx.objectStore('lists').get(key(scope)),
      tx.objectStore('secrets').get(key(scope)),
    ]);
    const live = new Set(list?.rows.filter((row) => row.state !== 'revoked').map((row) => row.id));
    const secrets = { ...record?.secrets };
    const hints = new Map<string, string | undefined>();
    for (const change of scoped) {
      if (!live.has(change.id)) continue;
      hints.set(change.id, secretHint(change.secret));
      if (change.secret === '' && change.sealed === null) delete secrets[change.id];
      else secrets[change.id] = { secret: change.secret, sealed: change.sealed };
    }
    await tx.objectStore('secrets').put({ ...scope, secrets });
    // A row shows the hint of a secret kept in the clear only: sealing one takes its hint away.
    const shown = new Map(list?.rows.map((row) => [row.id, row.hint]));
    if (list && [...hints].some(([id, hint]) => shown.get(id) !== hint))
      await putList(listStores(tx), revised({ ...list, rows: list.rows.map((row) => withHint(row, hints)) }));
  }
  await tx.done;
}

function withHint(row: TokenRow, hints: ReadonlyMap<string, string | undefined>): TokenRow {
  if (!hints.has(row.id)) return row;
  const { hint: _old, ...rest } = row;
  const hint = hints.get(row.id);
  return hint === undefined ? rest : { ...rest, hint };
}

/** What the context menu shows, in one transaction: the account's tokens (no secrets) and grants. */
export async function readMenuSource(
  db: TokenDatabase,
  scope: Scope,
): Promise<{ tokens: TokenRecord[]; grants: GrantRecord[] }> {
  const tx = db.transaction(['lists', 'grants']);
  const [list, grants] = await Promise.all([
    tx.objectStore('lists').get(key(scope)),
    tx.objectStore('grants').index('by-scope').getAll(key(scope)),
  ]);
  return { tokens: (list?.rows ?? []).map((row) => toRecord(scope, row)), grants };
}
