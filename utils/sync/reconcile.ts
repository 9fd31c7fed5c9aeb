import type { ApiToken } from '../api';
import type { Envelope } from '../lock';
import { CLOCK_SKEW_MS, type CreateAttempt, REVOKED_KEEP_MS, type Scope, type TokenRecord } from '../store';

export interface SyncPlan {
  put: TokenRecord[];
  /** Revoked records older than REVOKED_KEEP_MS. */
  purge: string[];
  /** Pending revokes that are due and still listed by the service. */
  dueRevokes: string[];
  /** Attempts still open before this list, settled by it: the token made, or null when it never reached the service. */
  settled: Array<{ attempt: CreateAttempt; token: TokenRecord | null }>;
  /** The attempts to keep: those that made a token that still lives. */
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
    const next: TokenRecord = {
      ...(previous ?? newRecord(scope, token.id, now)),
      name: token.name,
      secret: token.secret,
      sealed: sealed ? (sealed.get(token.id) ?? null) : null,
      created: token.created,
      createdMs: Date.parse(token.created),
      hasUploads: token.hasUploads,
    };
    after.set(next.id, next);
    if (!previous || !sameServerFields(previous, next)) plan.put.push(next);
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

  const claimed = new Set(attempts.flatMap((attempt) => (attempt.tokenId ? [attempt.tokenId] : [])));
  for (const attempt of attempts) {
    if (attempt.tokenId) {
      // Kept while its token lives, until a page shows that token or a retry of the name gets it.
      if (after.has(attempt.tokenId)) plan.attempts.push(attempt);
      continue;
    }
    const token = matchAttempt(attempt, [...after.values()], byId, claimed);
    if (token) {
      claimed.add(token.id);
      plan.attempts.push({ ...attempt, tokenId: token.id });
    }
    plan.settled.push({ attempt, token });
  }
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

/** The attempt's token: same name, created after the attempt began, and not known here before it. */
function matchAttempt(
  attempt: CreateAttempt,
  candidates: readonly TokenRecord[],
  before: ReadonlyMap<string, TokenRecord>,
  claimed: ReadonlySet<string>,
): TokenRecord | null {
  const matches = candidates.filter((token) => {
    const known = before.get(token.id);
    return (
      token.name === attempt.name &&
      !claimed.has(token.id) &&
      token.createdMs >= attempt.startedAt - CLOCK_SKEW_MS &&
      !(known && known.firstSeenAt <= attempt.startedAt)
    );
  });
  matches.sort((a, b) => a.createdMs - b.createdMs);
  return matches[0] ?? null;
}

function sameServerFields(a: TokenRecord, b: TokenRecord): boolean {
  return (
    a.name === b.name &&
    a.secret === b.secret &&
    (a.sealed === null) === (b.sealed === null) &&
    a.created === b.created &&
    a.hasUploads === b.hasUploads
  );
}
