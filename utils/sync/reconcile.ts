import type { ApiToken } from '../api';
import type { Envelope } from '../lock';
import { type CreateAttempt, REVOKED_KEEP_MS, type Scope, type TokenRecord } from '../store';
import { settleClick } from './extras';

export interface SyncPlan {
  put: TokenRecord[];
  /** Revoked records older than REVOKED_KEEP_MS. */
  purge: string[];
  /** Pending revokes that are due and still listed by the service. */
  dueRevokes: string[];
  /** Attempts still open before this list, settled by it: the token made, or null when it never reached the service. */
  settled: Array<{ attempt: CreateAttempt; token: TokenRecord | null }>;
  /** The attempts to keep: those that made a token that still lives (settled, see CreateAttempt). */
  attempts: CreateAttempt[];
}

/**
 * Merges a fresh list from the service into this device's records. The service decides which
 * tokens exist; this device keeps its own fields, its pending revokes and its revoked history.
 * A revoked token never comes back. Pure: the caller applies the plan in one transaction.
 */
export function planSync(
  scope: Scope,
  local: readonly TokenRecord[],
  remote: readonly ApiToken[],
  attempts: readonly CreateAttempt[],
  now: number,
  /** With the lock on or no secrets kept: `remote` carries no secret, and this the sealed ones by id. */
  sealed?: ReadonlyMap<string, Envelope | null>,
): SyncPlan {
  const byId = new Map(local.map((record) => [record.id, record]));
  const listed = new Set<string>();
  const plan: SyncPlan = { put: [], purge: [], dueRevokes: [], settled: [], attempts: [] };
  const after = new Map<string, TokenRecord>();

  for (const token of remote) {
    listed.add(token.id);
    const previous = byId.get(token.id);
    if (previous?.state === 'revoked') continue;
    const kept = sealed ? (sealed.get(token.id) ?? null) : null;
    // Most syncs change nothing: a token the service lists as this device keeps it is taken as
    // it is, with nothing built for it (issue 14).
    const same = previous !== undefined && sameServerFields(previous, token, kept);
    const next: TokenRecord = same
      ? previous
      : {
          ...(previous ?? newRecord(scope, token.id, now)),
          name: token.name,
          secret: token.secret,
          sealed: kept,
          created: token.created,
          createdMs: Date.parse(token.created),
          hasUploads: token.hasUploads,
        };
    after.set(next.id, next);
    if (!same) plan.put.push(next);
    if (next.pendingRevoke && next.pendingRevoke.nextAttemptAt <= now) plan.dueRevokes.push(next.id);
  }

  for (const record of local) {
    if (listed.has(record.id)) continue;
    if (record.state === 'revoked') {
      if ((record.revokedAt ?? now) < now - REVOKED_KEEP_MS) plan.purge.push(record.id);
      continue;
    }
    // Gone from the service: revoked elsewhere, or our own pending revoke went through unseen.
    plan.put.push(revoked(record, now, record.state === 'pending-revoke'));
  }

  settleAttempts(plan, attempts, after, now);
  return plan;
}

export function revoked(record: TokenRecord, at: number, here: boolean): TokenRecord {
  return {
    ...record,
    state: 'revoked',
    secret: '',
    sealed: null,
    pendingRevoke: null,
    revokedAt: at,
    revokedHere: here,
  };
}

function newRecord(scope: Scope, id: string, now: number): TokenRecord {
  return {
    ...scope,
    id,
    name: '',
    secret: '',
    sealed: null,
    created: '',
    createdMs: 0,
    hasUploads: false,
    lastCopiedAt: null,
    firstSeenAt: now,
    state: 'active',
    pendingRevoke: null,
    revokedAt: null,
    revokedHere: false,
  };
}

/**
 * Settles the attempts no list has settled yet (issue 18): the token each made, and the extras a
 * resent request made, marked `extraOf` so the person can be told and asked. Oldest first; an
 * attempt's extras are only tokens made before the next attempt of its name began.
 */
function settleAttempts(
  plan: SyncPlan,
  attempts: readonly CreateAttempt[],
  after: Map<string, TokenRecord>,
  now: number,
): void {
  const claimed = new Set(attempts.flatMap((attempt) => (attempt.tokenId ? [attempt.tokenId] : [])));
  const ordered = [...attempts].sort((a, b) => a.startedAt - b.startedAt);
  for (const [i, attempt] of ordered.entries()) {
    if (attempt.settledAt !== undefined) {
      // Kept while its token lives, until a page shows that token or a retry of the name gets it.
      if (attempt.tokenId && after.has(attempt.tokenId)) plan.attempts.push(attempt);
      continue;
    }
    const next = ordered.slice(i + 1).find((later) => later.name === attempt.name);
    const own = new Set([...claimed].filter((id) => id !== attempt.tokenId));
    const { kept, extras, unsure } = settleClick(attempt, [...after.values()], own, now, next?.startedAt);
    if (kept) {
      claimed.add(kept.id);
      plan.attempts.push({ ...attempt, tokenId: kept.id, settledAt: now });
    }
    const of = kept?.id ?? attempt.tokenId;
    for (const extra of of ? extras : []) {
      claimed.add(extra.id);
      const marked: TokenRecord = { ...extra, extraOf: { of: of as string, unsure } };
      after.set(marked.id, marked);
      const at = plan.put.findIndex((record) => record.id === marked.id);
      if (at >= 0) plan.put[at] = marked;
      else plan.put.push(marked);
    }
    plan.settled.push({ attempt, token: kept });
  }
}

function sameServerFields(kept: TokenRecord, listed: ApiToken, sealed: Envelope | null): boolean {
  return (
    kept.name === listed.name &&
    kept.secret === listed.secret &&
    (kept.sealed === null) === (sealed === null) &&
    kept.created === listed.created &&
    kept.hasUploads === listed.hasUploads
  );
}
