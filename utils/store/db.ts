import type { ApiToken } from '../api';
import type { Envelope } from '../lock';
import { planSync, revoked } from '../sync';
import type { CreateAttempt, Scope, TokenRecord } from './records';
import type { AccountRecord, GrantRecord, TokenDatabase, UsageRecord } from './schema';

// Repository functions: every read and write of the other features, each in one transaction.

/** What one list from the service changed here. */
export interface ListApplied {
  tokens: TokenRecord[];
  dueRevokes: string[];
  settled: Array<{ attempt: CreateAttempt; token: TokenRecord | null }>;
  attempts: CreateAttempt[];
}

export type RevokeOutcome =
  | { id: string; kind: 'revoked' }
  | { id: string; kind: 'retry'; delayMs: number; error: string }
  | { id: string; kind: 'failed' };

export function listTokens(db: TokenDatabase, scope: Scope): Promise<TokenRecord[]> {
  return db.getAllFromIndex('tokens', 'by-scope', [scope.service, scope.account]);
}

export function getAccount(db: TokenDatabase, scope: Scope): Promise<AccountRecord | undefined> {
  return db.get('accounts', [scope.service, scope.account]);
}

/** Applies a fresh list from the service: one transaction, whatever the number of tokens. */
export async function applyList(
  db: TokenDatabase,
  scope: Scope,
  remote: readonly ApiToken[],
  now: number,
  sealed?: ReadonlyMap<string, Envelope | null>,
): Promise<ListApplied> {
  const tx = db.transaction(['tokens', 'accounts'], 'readwrite');
  const tokens = tx.objectStore('tokens');
  const accounts = tx.objectStore('accounts');
  const [local, account] = await Promise.all([
    tokens.index('by-scope').getAll([scope.service, scope.account]),
    accounts.get([scope.service, scope.account]),
  ]);
  const plan = planSync(scope, local, remote, account?.createAttempts ?? [], now, sealed);
  const byId = new Map(local.map((record) => [record.id, record]));
  for (const record of plan.put) byId.set(record.id, record);
  for (const id of plan.purge) byId.delete(id);
  await Promise.all([
    ...plan.put.map((record) => tokens.put(record)),
    ...plan.purge.map((id) => tokens.delete([scope.service, scope.account, id])),
    accounts.put({ email: '', ...account, ...scope, lastSyncedAt: now, createAttempts: plan.attempts }),
  ]);
  await tx.done;
  return {
    tokens: [...byId.values()],
    dueRevokes: plan.dueRevokes,
    settled: plan.settled,
    attempts: plan.attempts,
  };
}

/** Records what the service said to each revoke sent; returns the scope's tokens after it. */
export async function applyRevokeOutcomes(
  db: TokenDatabase,
  scope: Scope,
  outcomes: readonly RevokeOutcome[],
  now: number,
): Promise<TokenRecord[]> {
  const tx = db.transaction('tokens', 'readwrite');
  for (const outcome of outcomes) {
    const record = await tx.store.get([scope.service, scope.account, outcome.id]);
    if (record?.state !== 'pending-revoke' || !record.pendingRevoke) continue;
    if (outcome.kind === 'revoked') await tx.store.put(revoked(record, now, true));
    else if (outcome.kind === 'failed')
      await tx.store.put({ ...record, state: 'active', pendingRevoke: null });
    else {
      const attempts = record.pendingRevoke.attempts + 1;
      const pendingRevoke = {
        ...record.pendingRevoke,
        attempts,
        nextAttemptAt: now + outcome.delayMs,
        lastError: outcome.error,
      };
      await tx.store.put({ ...record, pendingRevoke });
    }
  }
  const after = await tx.store.index('by-scope').getAll([scope.service, scope.account]);
  await tx.done;
  return after;
}

/** Puts a revoke in the outbox: it survives the page, the service worker and the browser closing. */
export async function requestRevoke(db: TokenDatabase, scope: Scope, id: string, now: number): Promise<void> {
  const tx = db.transaction('tokens', 'readwrite');
  const record = await tx.store.get([scope.service, scope.account, id]);
  if (record?.state === 'active') {
    const pendingRevoke = { requestedAt: now, attempts: 0, nextAttemptAt: now, lastError: null };
    await tx.store.put({ ...record, state: 'pending-revoke', pendingRevoke });
  }
  await tx.done;
}

/** Makes every pending revoke due now ("Sync now" means now). */
export async function hurryRevokes(db: TokenDatabase, scope: Scope, now: number): Promise<void> {
  const tx = db.transaction('tokens', 'readwrite');
  for (const record of await tx.store.index('by-scope').getAll([scope.service, scope.account])) {
    if (record.pendingRevoke && record.pendingRevoke.nextAttemptAt > now) {
      await tx.store.put({ ...record, pendingRevoke: { ...record.pendingRevoke, nextAttemptAt: now } });
    }
  }
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
  const tx = db.transaction(['tokens', 'usage'], 'readwrite');
  const tokens = tx.objectStore('tokens');
  const record = await tokens.get([scope.service, scope.account, id]);
  if (record) {
    await tokens.put({ ...record, lastCopiedAt: at });
    await tx.objectStore('usage').add({ ...scope, tokenId: id, kind: 'copy', origin: null, at });
  }
  await tx.done;
}

/** Records a fill, and on the token when it was last filled (issue 7's "never used" needs it in the popup). */
export async function recordFill(db: TokenDatabase, use: Omit<UsageRecord, 'kind'>): Promise<void> {
  const tx = db.transaction(['tokens', 'usage'], 'readwrite');
  const tokens = tx.objectStore('tokens');
  const record = await tokens.get([use.service, use.account, use.tokenId]);
  if (record) await tokens.put({ ...record, lastFilledAt: use.at });
  await tx.objectStore('usage').add({ ...use, kind: 'fill' });
  await tx.done;
}

/** What a person may set on a token here: its note, its review date, the replacement a rotation made. */
export type TokenAnnotation = Partial<Pick<TokenRecord, 'note' | 'reviewBy' | 'rotatedTo' | 'extraOf'>>;

export async function annotateToken(
  db: TokenDatabase,
  scope: Scope,
  id: string,
  patch: TokenAnnotation,
): Promise<TokenRecord | undefined> {
  const tx = db.transaction('tokens', 'readwrite');
  const record = await tx.store.get([scope.service, scope.account, id]);
  const next = record && { ...record, ...patch };
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
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

export function getToken(db: TokenDatabase, scope: Scope, id: string): Promise<TokenRecord | undefined> {
  return db.get('tokens', [scope.service, scope.account, id]);
}

/** Every token record of every account: the lock seals and opens them all at once. */
export function listAllTokens(db: TokenDatabase): Promise<TokenRecord[]> {
  return db.getAll('tokens');
}

/**
 * Replaces the secrets of records, in one transaction: only `secret` and `sealed` change, so a
 * copy time written meanwhile stays. Records revoked meanwhile keep no secret.
 */
export async function putSecrets(
  db: TokenDatabase,
  changes: ReadonlyArray<Pick<TokenRecord, 'service' | 'account' | 'id' | 'secret' | 'sealed'>>,
): Promise<void> {
  const tx = db.transaction('tokens', 'readwrite');
  for (const change of changes) {
    const current = await tx.store.get([change.service, change.account, change.id]);
    if (!current || current.state === 'revoked') continue;
    await tx.store.put({ ...current, secret: change.secret, sealed: change.sealed });
  }
  await tx.done;
}
