import { browser } from 'wxt/browser';
import {
  addGrant,
  getToken,
  hasGrant,
  listGrants,
  listTokens,
  listUsage,
  openTokenDb,
  recordFill,
  type TokenDatabase,
} from './db';
import type { PageAnswer } from './fill-page';
import { t } from './i18n';
import type { RevealReply } from './reveal';
import { loadSession, type Session } from './session';
import { siteDefault } from './usage';

/** The keyboard command's name, as wxt.config.ts declares it under `commands`. */
export const FILL_COMMAND = 'fill-token';

/** What a fill came to: done, waiting for the person's yes to this origin, or why not. */
export type FillReply =
  | { kind: 'filled'; origin: string }
  /** The lock is on and locked: the popup asks for the passphrase. */
  | { kind: 'locked' }
  | { kind: 'confirm'; origin: string }
  | { kind: 'error'; message: string };

export interface FillDeps {
  loadSession(): Promise<Session | null>;
  openDb(): Promise<TokenDatabase>;
  /** Runs the fill script in the active tab (only looking when `secret` is null); null when it cannot. */
  runInTab(secret: string | null, origin: string | null): Promise<PageAnswer | null>;
  /** Opens the toolbar popup, where a question waits or a token can be picked. */
  openPopup(): Promise<void>;
  now(): number;
  /** The secret from the lock or the service (reveal.ts); the record's own secret when absent. */
  reveal?(id: string): Promise<RevealReply>;
}

/** A fill the context menu or the shortcut started, waiting for the person's yes in the popup. */
export interface PendingFill {
  id: string;
  origin: string;
}

/** The three triggers (issue 4): the popup's Fill button, the context menu and the shortcut. */
export interface Filler {
  fill(id: string, confirmed?: string): Promise<FillReply>;
  /** A menu or shortcut fill: a first fill on a site opens the popup to ask there, never the page. */
  fillFromPage(id: string): Promise<FillReply>;
  /** The shortcut: fills the site's remembered token, or opens the popup when there is none. */
  fillSiteDefault(): Promise<FillReply | null>;
  /** The question the popup should ask as it opens, once. */
  takePending(): PendingFill | null;
}

const error = (message: string): FillReply => ({ kind: 'error', message });

/**
 * Fills token `id` into the active tab. The first fill of a token on an origin waits for the
 * person to confirm that origin in the popup (`confirmed`); the yes is remembered per token and
 * origin. Every fill is recorded with its origin and time.
 */
export async function fillToken(deps: FillDeps, id: string, confirmed?: string): Promise<FillReply> {
  const session = await deps.loadSession();
  if (!session) return error(t('errFillSignIn'));
  const scope = { service: session.serviceUrl, account: session.account };
  // A connection per call, as the engine does: one kept by the background would be closed under
  // it by a newer version of the database.
  const db = await deps.openDb();
  try {
    const token = await getToken(db, scope, id);
    if (token?.state !== 'active') return error(t('errFillInactive'));
    const secret = deps.reveal ? await deps.reveal(id) : ({ ok: true, secret: token.secret } as const);
    if (!secret.ok) return secret.locked ? { kind: 'locked' } : error(secret.message);
    const probe = await deps.runInTab(null, null);
    if (!probe || !/^https?:\/\//.test(probe.origin)) return error(t('errFillTab'));
    if (!probe.found) return error(t('errFillNoField'));
    if (!(await hasGrant(db, scope, id, probe.origin))) {
      if (confirmed !== probe.origin) return { kind: 'confirm', origin: probe.origin };
      await addGrant(db, { ...scope, tokenId: id, origin: probe.origin, grantedAt: deps.now() });
    }
    const done = await deps.runInTab(secret.secret, probe.origin);
    if (!done?.found || done.origin !== probe.origin) return error(t('errFillChanged'));
    await recordFill(db, { ...scope, tokenId: id, origin: probe.origin, at: deps.now() });
    return { kind: 'filled', origin: probe.origin };
  } finally {
    db.close();
  }
}

export function createFiller(deps: FillDeps): Filler {
  let pending: PendingFill | null = null;

  async function fillFromPage(id: string): Promise<FillReply> {
    const reply = await fillToken(deps, id);
    if (reply.kind === 'confirm') pending = { id, origin: reply.origin };
    // The popup asks: the yes to a new site, or the passphrase.
    if (reply.kind === 'confirm' || reply.kind === 'locked') await deps.openPopup();
    return reply;
  }

  return {
    fill: (id, confirmed) => fillToken(deps, id, confirmed),
    fillFromPage,
    async fillSiteDefault() {
      const session = await deps.loadSession();
      const probe = session && (await deps.runInTab(null, null));
      let id: string | null = null;
      if (session && probe) {
        const db = await deps.openDb();
        const scope = { service: session.serviceUrl, account: session.account };
        const [usage, grants, tokens] = await Promise.all([
          listUsage(db, scope),
          listGrants(db, scope),
          listTokens(db, scope),
        ]).finally(() => db.close());
        const active = new Set(tokens.filter((t) => t.state === 'active').map((t) => t.id));
        id = siteDefault(usage, grants, probe.origin, active);
      }
      if (id === null) {
        await deps.openPopup();
        return null;
      }
      return fillFromPage(id);
    },
    takePending() {
      const question = pending;
      pending = null;
      return question;
    },
  };
}

/** Injects entrypoints/fill.ts into the focused window's active tab, then calls it. */
async function runInActiveTab(secret: string | null, origin: string | null): Promise<PageAnswer | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return null;
  const target = { tabId: tab.id };
  try {
    await browser.scripting.executeScript({ target, files: ['/fill.js'] });
    const [result] = await browser.scripting.executeScript({
      target,
      func: (s: string | null, o: string | null) => globalThis.w3sFill?.(s, o) ?? null,
      args: [secret, origin],
    });
    return (result?.result as PageAnswer | null | undefined) ?? null;
  } catch {
    // A page the extension may not script (the browser's own pages, another extension's).
    return null;
  }
}

export function backgroundFillDeps(reveal?: FillDeps['reveal']): FillDeps {
  return {
    reveal,
    loadSession,
    openDb: () => openTokenDb(),
    runInTab: runInActiveTab,
    // Chromium 127+ opens the popup from a menu click or a shortcut; elsewhere it may refuse.
    openPopup: () => browser.action.openPopup().catch(() => {}),
    now: Date.now,
  };
}
