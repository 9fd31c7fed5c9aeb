import { browser } from 'wxt/browser';
import type { Session } from '../account';
import { dueForReview } from '../review';
import { listTokens, type TokenDatabase } from '../store';
import { onChange } from '../sync';
import { type Attention, type Badge, badgeOf } from './badge';

export interface BadgeDeps {
  loadSession(): Promise<Session | null>;
  openDb(): Promise<TokenDatabase>;
  /** Whether the passphrase lock is on and locked (utils/lock's vault status). */
  isLocked(): Promise<boolean>;
}

/** Reads what needs attention now: the signed-in account's waiting revokes and due reviews, and the lock. */
export async function readAttention(deps: BadgeDeps, now = Date.now()): Promise<Attention> {
  const [session, locked] = await Promise.all([deps.loadSession(), deps.isLocked()]);
  if (!session) return { pendingRevokes: 0, locked, dueReviews: 0 };
  const db = await deps.openDb();
  const tokens = await listTokens(db, { service: session.serviceUrl, account: session.account }).finally(() =>
    db.close(),
  );
  return {
    pendingRevokes: tokens.filter((token) => token.state === 'pending-revoke').length,
    locked,
    dueReviews: dueForReview(tokens, now).length,
  };
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
  let scope: { service: string; account: string } | null = null;
  const refresh = (): Promise<void> => {
    queue = queue
      .then(async () => {
        const session = await deps.loadSession();
        scope = session && { service: session.serviceUrl, account: session.account };
        await show(badgeOf(await readAttention(deps)));
      })
      .catch(() => {});
    return queue;
  };
  onChange(
    () => scope,
    () => void refresh(),
  );
  browser.storage.onChanged.addListener(() => void refresh());
  void refresh();
  return refresh;
}
