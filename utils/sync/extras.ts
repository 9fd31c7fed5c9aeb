import { CLOCK_SKEW_MS, type CreateAttempt, type TokenRecord } from '../store';

// Issue 18: one click may make several tokens. Without an idempotency key a classic server acts on
// every request the browser resends after a reused connection closed without an answer, so a
// settled create counts every token that may be its result, keeps one and marks the rest.

export interface ClickResult {
  /** The token kept as the one created: the answered id, else the earliest candidate. */
  kept: TokenRecord | null;
  /** The other tokens this click may have made. */
  extras: TokenRecord[];
  /** Some extra's time cannot tell it from a token another client made meanwhile. */
  unsure: boolean;
}

/**
 * Every token that may be the result of `attempt`: its name, created since it began (the
 * service's clock may lag ours by CLOCK_SKEW_MS), not known on this device before it began, not
 * claimed by another attempt. Oldest first (ties by id), so every device keeps the same one.
 */
export function possibleResults(
  attempt: CreateAttempt,
  tokens: readonly TokenRecord[],
  claimed: ReadonlySet<string>,
  now: number,
): TokenRecord[] {
  return tokens
    .filter(
      (token) =>
        token.state !== 'revoked' &&
        token.name === attempt.name &&
        !claimed.has(token.id) &&
        token.createdMs >= attempt.startedAt - CLOCK_SKEW_MS &&
        // New in this list, or first seen after the attempt began (never in its very millisecond).
        (token.firstSeenAt > attempt.startedAt || token.firstSeenAt === now),
    )
    .sort((a, b) => a.createdMs - b.createdMs || a.id.localeCompare(b.id));
}

/**
 * Settles one click against a list: which token it made and which others it may have made.
 * `now` is when the list came back; a browser's resends all happen between the attempt and
 * then, so a candidate made outside that span (by the service's clock) may be someone else's.
 * `until`: when the next attempt of the same name began; tokens made since are not this click's
 * extras (they may be that attempt's own token).
 */
export function settleClick(
  attempt: CreateAttempt,
  tokens: readonly TokenRecord[],
  claimed: ReadonlySet<string>,
  now: number,
  until = Number.POSITIVE_INFINITY,
): ClickResult {
  const candidates = possibleResults(attempt, tokens, claimed, now);
  const answered = attempt.tokenId ? tokens.find((token) => token.id === attempt.tokenId) : undefined;
  const kept = answered ?? candidates[0] ?? null;
  const extras = candidates.filter((token) => token.id !== kept?.id && token.createdMs < until);
  const unsure = extras.some((token) => token.createdMs < attempt.startedAt || token.createdMs > now);
  return { kept, extras, unsure };
}
