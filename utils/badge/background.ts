import { browser } from 'wxt/browser';
import { onSessionChange, type Session } from '../account';
import { onLockChange } from '../lock';
import { dueForReview, type ReviewFacts } from '../review';
import { readList, type Scope, type TokenDatabase, type TokenRecord } from '../store';
import { onChange } from '../sync';
import { type Attention, type Badge, badgeOf } from './badge';

export interface BadgeDeps {
  loadSession(): Promise<Session | null>;
  openDb(): Promise<TokenDatabase>;
  /** Whether the passphrase lock is on and locked (utils/lock's vault status). */
  isLocked(): Promise<boolean>;
}

type Counted = Pick<TokenRecord, 'state'> & ReviewFacts;

/** The waiting revokes and the tokens due for review among `tokens`. */
const countsOf = (tokens: readonly Counted[], now: number): Omit<Attention, 'locked'> => ({
  pendingRevokes: tokens.filter((token) => token.state === 'pending-revoke').length,
  dueReviews: dueForReview(tokens, now).length,
});

/** The signed-in account (null: nobody) and its waiting revokes and due reviews, from its list record (one `get`, no secrets). */
async function readCounts(
  deps: BadgeDeps,
  now = Date.now(),
): Promise<{ scope: Scope | null; counts: Omit<Attention, 'locked'> }> {
  const session = await deps.loadSession();
  if (!session) return { scope: null, counts: { pendingRevokes: 0, dueReviews: 0 } };
  const scope = { service: session.serviceUrl, account: session.account };
  const db = await deps.openDb();
  const list = await readList(db, scope).finally(() => db.close());
  return { scope, counts: countsOf(list.tokens, now) };
}

/** Reads what needs attention now: the signed-in account's waiting revokes and due reviews, and the lock. */
export async function readAttention(deps: BadgeDeps, now = Date.now()): Promise<Attention> {
  const [{ counts }, locked] = await Promise.all([readCounts(deps, now), deps.isLocked()]);
  return { ...counts, locked };
}

export interface BadgeWatch {
  /** The engine wrote the account's records: `tokens` as it left them (null: read them). */
  tokensChanged(tokens: readonly Counted[] | null): Promise<void>;
}

/**
 * Keeps the toolbar badge true, reading only what may have changed: the waiting revokes and due
 * reviews when the engine wrote (from the tokens it hands over), someone signed in or out, a page
 * wrote the account's records itself, or a review date came due (null: read them); the lock's state when the lock's own keys change; never
 * on the other storage writes (the lock's activity on every use, the clipboard's mark, settings).
 * The browser is told only when the badge differs. One update at a time, so an older reading
 * never lands after a newer one.
 */
export function watchBadge(deps: BadgeDeps): BadgeWatch {
  let queue: Promise<void> = Promise.resolve();
  const now: Attention = { pendingRevokes: 0, locked: false, dueReviews: 0 };
  let shown = '';
  let scope: Scope | null = null;
  const counts = async (): Promise<Omit<Attention, 'locked'>> => {
    const read = await readCounts(deps);
    scope = read.scope;
    return read.counts;
  };
  const update = (read: () => Promise<Partial<Attention>>): Promise<void> => {
    queue = queue
      .then(async () => {
        Object.assign(now, await read());
        const badge = badgeOf(now);
        if (JSON.stringify(badge) === shown) return;
        shown = JSON.stringify(badge);
        await show(badge);
      })
      .catch(() => {});
    return queue;
  };
  onSessionChange(() => void update(counts));
  onLockChange(() => void update(async () => ({ locked: await deps.isLocked() })));
  // A page's own write (a review date, a note, an import), not the engine's: read the account again.
  onChange(
    () => scope,
    () => void update(counts),
    '',
    true,
  );
  void update(async () => ({ ...(await counts()), locked: await deps.isLocked() }));
  return {
    tokensChanged: (tokens) => update(async () => (tokens ? countsOf(tokens, Date.now()) : await counts())),
  };
}

async function show(badge: Badge): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: badge.color });
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setTitle({ title: badge.title });
}
