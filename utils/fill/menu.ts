import { browser } from 'wxt/browser';
import type { Session } from '../account';
import { t } from '../lib';
import type { TokenRecord } from '../store';
import { listTokens, type TokenDatabase } from '../store';

const ROOT = 'fill';
const PREFIX = 'fill:';

export interface MenuItem {
  id: string;
  title: string;
  parentId?: string;
}

/** The context menu on editable fields: "Fill API token" with one entry per active token, by name. */
export function menuItems(tokens: readonly Pick<TokenRecord, 'id' | 'name' | 'state'>[]): MenuItem[] {
  const active = tokens.filter((t) => t.state === 'active').sort((a, b) => a.name.localeCompare(b.name));
  if (active.length === 0) return [];
  return [
    { id: ROOT, title: t('menuFill') },
    ...active.map((t) => ({ id: `${PREFIX}${t.id}`, title: t.name, parentId: ROOT })),
  ];
}

/** The token a menu entry fills, or null for anything else. */
export function tokenOfMenuItem(menuItemId: string | number): string | null {
  const id = String(menuItemId);
  return id.startsWith(PREFIX) ? id.slice(PREFIX.length) : null;
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
