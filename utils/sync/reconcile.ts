import type { ApiToken } from '../api/shapes';
import type { Envelope } from '../lock/crypto-envelope';

export interface Scope {
  /** Normalised service URL. */
  service: string;
  /** The account's id on that service (`/user/info` `_id`, or a credential fingerprint). */
  account: string;
}

/** A revoke asked for on this device that the service has not confirmed yet (the outbox). */
export interface PendingRevoke {
  requestedAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

export type TokenState = 'active' | 'pending-revoke' | 'revoked';

/** One token as kept on this device: what the service said, plus what only this device knows. */
export interface TokenRecord extends Scope {
  id: string;
  name: string;
  /**
   * Emptied once the token is revoked: a dead secret is still nothing to keep. Also empty while
   * the lock is on (the secret is in `sealed`) or with "keep no secrets on this device".
   */
  secret: string;
  /** v4: the secret encrypted under the lock's data key (vault.ts); null when not sealed. */
  sealed: Envelope | null;
  created: string;
  createdMs: number;
  hasUploads: boolean;
  /** Local only: when this device last copied the token. */
  lastCopiedAt: number | null;
  /** Local only: when this device last filled the token into a page (issue 7; absent before it). */
  lastFilledAt?: number | null;
  /** Local only: the person's note about the token (issue 7; absent until one is written). */
  note?: string;
  /** Local only: a replacement made by Rotate, waiting for the person to confirm it works (issue 7). */
  rotatedTo?: string | null;
  /** Local only: when this device first saw the token. */
  firstSeenAt: number;
  state: TokenState;
  pendingRevoke: PendingRevoke | null;
  /** When the revoke was confirmed here, or when the token was first missing from the service. */
  revokedAt: number | null;
  /** Revoked from this device (true) or found gone from the service, "revoked elsewhere" (false). */
  revokedHere: boolean;
}

/**
 * A create written down before it is sent (so a page closing mid-request leaves a trace), kept
 * while its answer is unknown. A list settles it: the token it made (`tokenId`, kept a while so a
 * retry of the same name returns it instead of making a second one), or nothing.
 */
export interface CreateAttempt {
  name: string;
  startedAt: number;
  tokenId?: string;
}

/** Revoked tokens stay visible this long, then are purged. */
export const REVOKED_KEEP_MS = 30 * 24 * 3600_000;
/** How far the service's clock may lag ours when matching a lost create by its `created` time. */
export const CLOCK_SKEW_MS = 10 * 60_000;

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
