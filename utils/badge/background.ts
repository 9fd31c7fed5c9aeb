import { browser } from 'wxt/browser';
import type { Session } from '../account';
import { listTokens, type TokenDatabase } from '../store';
import { onAnyChange } from '../sync';
import { type Attention, type Badge, badgeOf } from './badge';

export interface BadgeDeps {
  /** Every signed-in account (issue 15): each one's waiting revokes count. */
  listSessions(): Promise<Session[]>;
  openDb(): Promise<TokenDatabase>;
  /** Whether the passphrase lock is on and locked (utils/lock's vault status). */
  isLocked(): Promise<boolean>;
}

/** Reads what needs attention now: every signed-in account's waiting revokes, and the lock. */
export async function readAttention(deps: BadgeDeps): Promise<Attention> {
  const [sessions, locked] = await Promise.all([deps.listSessions(), deps.isLocked()]);
  if (sessions.length === 0) return { pendingRevokes: 0, locked };
  const db = await deps.openDb();
  let pendingRevokes = 0;
  try {
    for (const session of sessions) {
      const tokens = await listTokens(db, { service: session.serviceUrl, account: session.account });
      pendingRevokes += tokens.filter((token) => token.state === 'pending-revoke').length;
    }
  } finally {
    db.close();
  }
  return { pendingRevokes, locked };
}

async function show(badge: Badge): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: badge.color });
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setTitle({ title: badge.title });
}

/**
 * Keeps the toolbar badge true: now, whenever the engine announces a change to the account's
 * records (a revoke queued, confirmed or given up), and whenever extension storage changes (the
 * lock keeps its key in `storage.session`; signing in or out writes `storage.local`).
 * One update at a time, so an older reading never lands after a newer one.
 */
export function watchBadge(deps: BadgeDeps): () => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  const refresh = (): Promise<void> => {
    queue = queue.then(async () => show(badgeOf(await readAttention(deps)))).catch(() => {});
    return queue;
  };
  onAnyChange(() => void refresh());
  browser.storage.onChanged.addListener(() => void refresh());
  void refresh();
  return refresh;
}
