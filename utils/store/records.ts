// The shapes this device keeps in IndexedDB (utils/store/db.ts): a token's record, its waiting
// revoke, and a create written down before it is sent. Sync (utils/sync/) fills them; every page
// reads them.
import type { Envelope } from '../lock';

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
  /**
   * v5: the secret's last characters, which the row shows; kept only while the secret is kept in
   * the clear (never while sealed or not kept, never of a revoked token). See layout.ts.
   */
  hint?: string;
  created: string;
  createdMs: number;
  hasUploads: boolean;
  /** Local only: when this device last copied the token. */
  lastCopiedAt: number | null;
  /** Local only: when this device last filled the token into a page (issue 7; absent before it). */
  lastFilledAt?: number | null;
  /** Local only: the person's note about the token (issue 7; absent until one is written). */
  note?: string;
  /**
   * Local only (issue 15): when the person wants to look at this token again, as the start of
   * that local day in ms. The service has no expiry; utils/review/ arms an alarm for the next one.
   */
  reviewBy?: number | null;
  /** Local only: a replacement made by Rotate, waiting for the person to confirm it works (issue 7). */
  rotatedTo?: string | null;
  /**
   * Local only (issue 18): one of several tokens a single create made (the browser resent a
   * request whose answer was lost). `of` is the token kept as the one created; `unsure` when the
   * timing cannot tell it from a token another client made. Cleared when the person keeps it.
   */
  extraOf?: { of: string; unsure: boolean } | null;
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
  /** Issue 18: the Idempotency-Key sent with this create and with every retry of it. */
  key?: string;
  /** Issue 18: when a list first settled it; the tokens it may have made are counted only then. */
  settledAt?: number;
}

/** Revoked tokens stay visible this long, then are purged. */
export const REVOKED_KEEP_MS = 30 * 24 * 3600_000;
/** How far the service's clock may lag ours when matching a lost create by its `created` time. */
export const CLOCK_SKEW_MS = 10 * 60_000;
