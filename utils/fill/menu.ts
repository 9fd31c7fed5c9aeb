import { browser } from 'wxt/browser';
import type { Session } from '../account';
import { t } from '../lib';
import type { GrantRecord, Scope, TokenRecord } from '../store';
import { readMenuSource, type TokenDatabase } from '../store';
import type { Filler } from './filler';
import { onGrantsChange } from './menu-channel';

const ROOT = 'fill';
const PREFIX = 'fill:';
const SITE_PREFIX = 'fill-site';
const MORE = 'fill-more';
/** A line between the tokens and "More tokens…" (a menu entry's kind, not a message). */
const SEPARATOR = { type: 'separator' } as const;
/** Tokens shown on one site's page: its default and the ones last filled there, then the most recent. */
const SITE_ENTRIES = 3;
const RECENT_ENTRIES = 4;
/** Sites that get their own entries (the most recently allowed ones): bounds the menu whatever the grants. */
const MAX_SITES = 20;

export interface MenuItem {
  id: string;
  title: string;
  parentId?: string;
  type?: 'separator';
  /** Only on these pages (a site's own entries). */
  documentUrlPatterns?: string[];
}

/** A menu entry's id: the token with its account (issue 15), so a click after a switch fills nothing wrong. */
const entryKey = (scope: Scope, id: string): string => JSON.stringify([scope.service, scope.account, id]);

type MenuToken = Pick<TokenRecord, 'id' | 'name' | 'state' | 'createdMs'> &
  Partial<Pick<TokenRecord, 'lastFilledAt'>>;

// Fills and creates order the menu, not copies: a copy (written by the popup) then never changes it.
const lastUsed = (token: MenuToken): number => Math.max(token.lastFilledAt ?? 0, token.createdMs);

/** `origin/*` as a match pattern without the port (match patterns cannot name one), or null. */
function pagesOf(origin: string): string | null {
  try {
    const url = new URL(origin);
    return /^https?:$/.test(url.protocol) ? `${url.protocol}//${url.hostname}/*` : null;
  } catch {
    return null;
  }
}

/**
 * The context menu on editable fields, "Fill API token", the same size whatever the number of
 * tokens: on a site allowed before, its default and the tokens last filled there (up to three,
 * shown on that site's pages only); then the most recently used or made tokens; then "More
 * tokens…", which opens the popup with the whole list. Every entry names its account as well as its
 * token (issue 15): a click after a switch to another account can never fill in the wrong scope.
 */
export function menuItems(
  scope: Scope,
  tokens: readonly MenuToken[],
  grants: readonly GrantRecord[] = [],
): MenuItem[] {
  const active = new Map(
    tokens.filter((token) => token.state === 'active').map((token) => [token.id, token]),
  );
  if (active.size === 0) return [];
  const items: MenuItem[] = [{ id: ROOT, title: t('menuFill') }];
  const sites = new Map<string, GrantRecord[]>();
  for (const grant of [...grants].sort((a, b) => b.grantedAt - a.grantedAt)) {
    if (!active.has(grant.tokenId)) continue;
    sites.set(grant.origin, [...(sites.get(grant.origin) ?? []), grant]);
  }
  let site = 0;
  for (const [origin, granted] of sites) {
    const pattern = pagesOf(origin);
    if (!pattern) continue;
    if (site >= MAX_SITES) break;
    const rank = (g: GrantRecord): number =>
      g.siteDefault ? Number.POSITIVE_INFINITY : (active.get(g.tokenId)?.lastFilledAt ?? 0);
    for (const grant of granted.sort((a, b) => rank(b) - rank(a)).slice(0, SITE_ENTRIES)) {
      const token = active.get(grant.tokenId) as MenuToken;
      items.push({
        id: `${SITE_PREFIX}${site}:${entryKey(scope, token.id)}`,
        title: token.name,
        parentId: ROOT,
        documentUrlPatterns: [pattern],
      });
    }
    site += 1;
  }
  const recent = [...active.values()].sort((a, b) => lastUsed(b) - lastUsed(a)).slice(0, RECENT_ENTRIES);
  for (const token of recent)
    items.push({ id: `${PREFIX}${entryKey(scope, token.id)}`, title: token.name, parentId: ROOT });
  items.push({ id: `${MORE}-separator`, title: '', parentId: ROOT, ...SEPARATOR });
  items.push({ id: MORE, title: t('menuMoreTokens'), parentId: ROOT });
  return items;
}

/** The token a menu entry fills, with its account's scope, or null for anything else ("More tokens…" included). */
export function tokenOfMenuItem(menuItemId: string | number): { id: string; scope: Scope } | null {
  const id = String(menuItemId);
  const key = id.startsWith(PREFIX)
    ? id.slice(PREFIX.length)
    : id.startsWith(SITE_PREFIX)
      ? id.slice(id.indexOf(':') + 1)
      : null;
  if (key === null) return null;
  try {
    const [service, account, token] = JSON.parse(key) as unknown[];
    if (typeof service !== 'string' || typeof account !== 'string' || typeof token !== 'string') return null;
    return { id: token, scope: { service, account } };
  } catch {
    return null;
  }
}

/** Whether a menu entry is "More tokens…". */
export const isMoreTokens = (menuItemId: string | number): boolean => String(menuItemId) === MORE;

export interface FillMenu {
  /**
   * Rebuilds the menu if what it shows changed. `tokens`: the account `of`'s tokens as a sync just
   * wrote them, so the sync's own transaction stays the only one (the grants are remembered); the
   * menu shows the shown account's tokens only, so another account's change leaves it alone.
   */
  refresh(tokens?: readonly TokenRecord[], of?: Scope): Promise<void>;
}

/** The background's menu: one rebuild at a time, because a `removeAll` racing a `create` leaves duplicate ids. */
export function createFillMenu(deps: {
  loadSession(): Promise<Session | null>;
  openDb(): Promise<TokenDatabase>;
}): FillMenu {
  let queue: Promise<void> = Promise.resolve();
  let built = '';
  let grants: { scope: Scope; grants: GrantRecord[] } | null = null;

  async function source(scope: Scope, tokens?: readonly TokenRecord[]): Promise<MenuItem[]> {
    const known = grants?.scope.service === scope.service && grants.scope.account === scope.account;
    if (tokens && known && grants) return menuItems(scope, tokens, grants.grants);
    const db = await deps.openDb();
    const read = await readMenuSource(db, scope).finally(() => db.close());
    grants = { scope, grants: read.grants };
    return menuItems(scope, read.tokens, read.grants);
  }

  async function rebuild(tokens?: readonly TokenRecord[], of?: Scope): Promise<void> {
    const session = await deps.loadSession();
    const scope = session && { service: session.serviceUrl, account: session.account };
    if (of && (of.service !== scope?.service || of.account !== scope.account)) return;
    const items = scope ? await source(scope, tokens) : [];
    const shown = JSON.stringify(items);
    if (shown === built) return;
    await browser.contextMenus.removeAll();
    built = shown;
    // Titles are shown with `&` as an access-key marker; `&&` shows one ampersand.
    for (const item of items) {
      browser.contextMenus.create({
        ...item,
        title: item.title.replaceAll('&', '&&'),
        contexts: ['editable'],
      });
    }
  }

  const refresh = (tokens?: readonly TokenRecord[], of?: Scope): Promise<void> => {
    queue = queue.then(() => rebuild(tokens, of)).catch(() => {});
    return queue;
  };
  // The options page changed a grant: the remembered ones are stale.
  onGrantsChange(() => {
    grants = null;
    void refresh();
  });
  return { refresh };
}

/**
 * The filler, with the menu following its fills: a fill writes when and where a token was filled
 * (and a first yes on a site a grant), which is what the menu orders by. Nothing else a page asks
 * of the background changes the menu, so nothing else rebuilds it.
 */
export function withMenuAfterFills(filler: Filler, menu: FillMenu): Filler {
  const after = <T>(reply: Promise<T>): Promise<T> =>
    reply.then((value) => {
      if ((value as { kind?: string } | null)?.kind === 'filled') void menu.refresh();
      return value;
    });
  return {
    ...filler,
    fill: (id, confirmed, scope) => after(filler.fill(id, confirmed, scope)),
    fillFromPage: (id, scope) => after(filler.fillFromPage(id, scope)),
    fillSiteDefault: () => after(filler.fillSiteDefault()),
    granted: (origins) => after(filler.granted(origins)),
  };
}
