import { browser } from 'wxt/browser';
import { onSessionChange, type Session } from '../account';
import { onLockChange } from '../lock';
import { dueForReview, type ReviewFacts, watchReviews } from '../review';
import { readList, type Scope, type TokenDatabase, type TokenRecord } from '../store';
import { onAnyChange } from '../sync';
import { type Attention, type Badge, badgeOf } from './badge';

export interface BadgeDeps {
  /** Every signed-in account (issue 15): each one's waiting revokes and due reviews count. */
  listSessions(): Promise<Session[]>;
  openDb(): Promise<TokenDatabase>;
  /** Whether the passphrase lock is on and locked (utils/lock's vault status). */
  isLocked(): Promise<boolean>;
}

type Counted = Pick<TokenRecord, 'state'> & ReviewFacts;
type Counts = Omit<Attention, 'locked'>;

const scopeKey = (scope: Scope): string => JSON.stringify([scope.service, scope.account]);

/** The waiting revokes and the tokens due for review among `tokens`. */
const countsOf = (tokens: readonly Counted[], now: number): Counts => ({
  pendingRevokes: tokens.filter((token) => token.state === 'pending-revoke').length,
  dueReviews: dueForReview(tokens, now).length,
});

/** Every signed-in account's counts, from its list record (one `get` each, no secrets). */
async function readCounts(deps: BadgeDeps, now = Date.now()): Promise<Map<string, Counts>> {
  const sessions = await deps.listSessions();
  const counts = new Map<string, Counts>();
  if (sessions.length === 0) return counts;
  const db = await deps.openDb();
  try {
    for (const session of sessions) {
      const scope = { service: session.serviceUrl, account: session.account };
      counts.set(scopeKey(scope), countsOf((await readList(db, scope)).tokens, now));
    }
  } finally {
    db.close();
  }
  return counts;
}

const sum = (counts: ReadonlyMap<string, Counts>): Counts => {
  const total = { pendingRevokes: 0, dueReviews: 0 };
  for (const one of counts.values()) {
    total.pendingRevokes += one.pendingRevokes;
    total.dueReviews += one.dueReviews ?? 0;
  }
  return total;
};

/** Reads what needs attention now: every signed-in account's waiting revokes and due reviews, and the lock. */
export async function readAttention(deps: BadgeDeps, now = Date.now()): Promise<Attention> {
  const [counts, locked] = await Promise.all([readCounts(deps, now), deps.isLocked()]);
  return { ...sum(counts), locked };
}

export interface BadgeWatch {
  /** The engine wrote `scope`'s records: `tokens` as it left them (null: read every account). */
  tokensChanged(scope: Scope | null, tokens: readonly Counted[] | null): Promise<void>;
}

/**
 * Keeps the toolbar badge true, reading only what may have changed: the counts of an account when
 * the engine wrote it (from the tokens it hands over), every account's when someone signed in or
 * out, a page wrote records itself (a review date, a note, an import) or a review came due; the
 * lock's state when the lock's own keys change; never on the other storage writes (the lock's
 * activity on every use, the clipboard's mark, settings). The browser is told only when the badge
 * differs. One update at a time, so an older reading never lands after a newer one.
 */
export function watchBadge(deps: BadgeDeps): BadgeWatch {
  let queue: Promise<void> = Promise.resolve();
  let counts = new Map<string, Counts>();
  let locked = false;
  let shown = '';
  const update = (read: () => Promise<void>): Promise<void> => {
    queue = queue
      .then(async () => {
        await read();
        const badge = badgeOf({ ...sum(counts), locked });
        if (JSON.stringify(badge) === shown) return;
        shown = JSON.stringify(badge);
        await show(badge);
      })
      .catch(() => {});
    return queue;
  };
  const readAll = async (): Promise<void> => {
    counts = await readCounts(deps);
  };
  const readLock = async (): Promise<void> => {
    locked = await deps.isLocked();
  };
  onSessionChange(() => void update(readAll));
  onLockChange(() => void update(readLock));
  // A page's own write, not the engine's (whose tokens come through tokensChanged).
  onAnyChange(() => void update(readAll), true);
  void update(async () => {
    await Promise.all([readAll(), readLock()]);
  });
  return {
    tokensChanged: (scope, tokens) =>
      update(async () => {
        if (scope && tokens) counts.set(scopeKey(scope), countsOf(tokens, Date.now()));
        else await readAll();
      }),
  };
}

async function show(badge: Badge): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: badge.color });
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setTitle({ title: badge.title });
}

/**
 * The badge, and the review alarm (issue 15) that makes it count the tokens coming due: one alarm
 * for the next due date of any account; when it fires, the badge reads the accounts again.
 */
export function watchAttention(deps: BadgeDeps & { loadSession(): Promise<Session | null> }): BadgeWatch {
  const badge = watchBadge(deps);
  const reviews = watchReviews({
    loadSession: deps.loadSession,
    openDb: deps.openDb,
    now: Date.now,
    onDue: () => badge.tokensChanged(null, null),
  });
  return {
    tokensChanged: (scope, tokens) => {
      if (scope) reviews.tokensChanged(scope, tokens);
      return badge.tokensChanged(scope, tokens);
    },
  };
}
