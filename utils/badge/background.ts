import { browser } from 'wxt/browser';
import { onSessionChange, type Session } from '../account';
import { onLockChange } from '../lock';
import { readList, type TokenDatabase, type TokenRecord } from '../store';
import { type Attention, type Badge, badgeOf } from './badge';

export interface BadgeDeps {
  loadSession(): Promise<Session | null>;
  openDb(): Promise<TokenDatabase>;
  /** Whether the passphrase lock is on and locked (utils/lock's vault status). */
  isLocked(): Promise<boolean>;
}

const pendingOf = (tokens: readonly Pick<TokenRecord, 'state'>[]): number =>
  tokens.filter((token) => token.state === 'pending-revoke').length;

/** The signed-in account's waiting revokes, from its list record (one `get`, no secrets). */
async function readPending(deps: BadgeDeps): Promise<number> {
  const session = await deps.loadSession();
  if (!session) return 0;
  const db = await deps.openDb();
  const list = await readList(db, { service: session.serviceUrl, account: session.account }).finally(() =>
    db.close(),
  );
  return pendingOf(list.tokens);
}

/** Reads what needs attention now: the signed-in account's waiting revokes and the lock. */
export async function readAttention(deps: BadgeDeps): Promise<Attention> {
  const [pendingRevokes, locked] = await Promise.all([readPending(deps), deps.isLocked()]);
  return { pendingRevokes, locked };
}

export interface BadgeWatch {
  /** The engine wrote the account's records: `tokens` as it left them (null: read them). */
  tokensChanged(tokens: readonly Pick<TokenRecord, 'state'>[] | null): Promise<void>;
}

/**
 * Keeps the toolbar badge true, reading only what may have changed: the waiting revokes when the
 * engine wrote (from the tokens it hands over) or someone signed in or out, the lock's state when
 * the lock's own keys change; never on the other storage writes (the lock's activity on every
 * use, the clipboard's mark, settings). The browser is told only when the badge differs.
 * One update at a time, so an older reading never lands after a newer one.
 */
export function watchBadge(deps: BadgeDeps): BadgeWatch {
  let queue: Promise<void> = Promise.resolve();
  const now: Attention = { pendingRevokes: 0, locked: false };
  let shown = '';
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
  onSessionChange(() => void update(async () => ({ pendingRevokes: await readPending(deps) })));
  onLockChange(() => void update(async () => ({ locked: await deps.isLocked() })));
  void update(() => readAttention(deps));
  return {
    tokensChanged: (tokens) =>
      update(async () => ({ pendingRevokes: tokens ? pendingOf(tokens) : await readPending(deps) })),
  };
}

async function show(badge: Badge): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: badge.color });
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setTitle({ title: badge.title });
}
