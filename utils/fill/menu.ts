import { browser } from 'wxt/browser';
import type { Session } from '../account';
import { t } from '../lib';
import type { Scope, TokenRecord } from '../store';
import { listTokens, type TokenDatabase } from '../store';

const ROOT = 'fill';
const PREFIX = 'fill:';

export interface MenuItem {
  id: string;
  title: string;
  parentId?: string;
}

/**
 * The context menu on editable fields: "Fill API token" with one entry per active token of the
 * active account, by name. Each entry names its account (issue 15) as well as its token, so a
 * click after a switch to another account can never fill a token in the wrong account's scope.
 */
export function menuItems(
  tokens: readonly Pick<TokenRecord, 'id' | 'name' | 'state' | 'service' | 'account'>[],
): MenuItem[] {
  const active = tokens.filter((t) => t.state === 'active').sort((a, b) => a.name.localeCompare(b.name));
  if (active.length === 0) return [];
  return [
    { id: ROOT, title: t('menuFill') },
    ...active.map((t) => ({
      id: `${PREFIX}${JSON.stringify([t.service, t.account, t.id])}`,
      title: t.name,
      parentId: ROOT,
    })),
  ];
}

/** The token a menu entry fills, with its account's scope, or null for anything else. */
export function tokenOfMenuItem(menuItemId: string | number): { id: string; scope: Scope } | null {
  const id = String(menuItemId);
  if (!id.startsWith(PREFIX)) return null;
  try {
    const [service, account, token] = JSON.parse(id.slice(PREFIX.length)) as unknown[];
    if (typeof service !== 'string' || typeof account !== 'string' || typeof token !== 'string') return null;
    return { id: token, scope: { service, account } };
  } catch {
    return null;
  }
}

let queue: Promise<void> = Promise.resolve();

/**
 * Rebuilds the menu from the store, after each change: one rebuild at a time, because a
 * `removeAll` racing a `create` leaves duplicate ids behind.
 */
export function refreshFillMenu(deps: {
  loadSession(): Promise<Session | null>;
  openDb(): Promise<TokenDatabase>;
}): Promise<void> {
  queue = queue.then(async () => {
    const session = await deps.loadSession();
    let tokens: TokenRecord[] = [];
    if (session) {
      const db = await deps.openDb();
      tokens = await listTokens(db, { service: session.serviceUrl, account: session.account }).finally(() =>
        db.close(),
      );
    }
    await browser.contextMenus.removeAll();
    // Titles are shown with `&` as an access-key marker; `&&` shows one ampersand.
    for (const item of menuItems(tokens)) {
      browser.contextMenus.create({
        ...item,
        title: item.title.replaceAll('&', '&&'),
        contexts: ['editable'],
      });
    }
  });
  queue = queue.catch(() => {});
  return queue;
}
