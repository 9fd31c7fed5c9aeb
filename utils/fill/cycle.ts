import type { GrantRecord } from '../store';

/** How long after a fill by the shortcut pressing it again fills the next token instead. */
export const CYCLE_WINDOW_MS = 5_000;

/**
 * Picks the token a press of the shortcut fills on `origin` at `now`; `first` is the site's
 * default; `account`: whose tokens `allowed` are (issue 15).
 */
export type CyclePick = (
  origin: string,
  first: string | null,
  allowed: ReadonlyArray<{ id: string; name: string }>,
  now: number,
  account?: string,
) => string | null;

interface LastPress {
  account: string;
  origin: string;
  id: string;
  at: number;
}

/**
 * The fill shortcut pressed again within a few seconds on the same site (issue 15): the next
 * token allowed there, in name order, round and round. A first press (or one after the window,
 * or on another site, or after a switch of account) fills the site's default as before. Returns a picker that remembers the
 * last press; `allowed` is every active token allowed on `origin`, with its name.
 */
export function createCycle(windowMs = CYCLE_WINDOW_MS): CyclePick {
  let last: LastPress | null = null;
  return (origin, first, allowed, now, account = '') => {
    const order = [...allowed].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const same = last && last.account === account && last.origin === origin;
    const again = same && last && now - last.at <= windowMs ? last.id : null;
    const at = again === null ? -1 : order.findIndex((token) => token.id === again);
    const id = at === -1 ? first : (order[(at + 1) % order.length]?.id ?? first);
    last = id === null ? null : { account, origin, id, at: now };
    return id;
  };
}

/** The active tokens allowed on `origin`: those the person said yes to filling there. */
export function allowedOn<T extends { id: string; name: string; state: string }>(
  tokens: readonly T[],
  grants: readonly GrantRecord[],
  origin: string,
): T[] {
  const here = new Set(grants.filter((grant) => grant.origin === origin).map((grant) => grant.tokenId));
  return tokens.filter((token) => token.state === 'active' && here.has(token.id));
}
