import type { Session } from '../account';
import { t } from '../lib';
import type { RevealReply } from '../lock';
import {
  addGrant,
  getToken,
  hasGrant,
  listGrants,
  listTokens,
  listUsage,
  recordFill,
  type TokenDatabase,
} from '../store';
import { siteDefault } from '../tokens';
import { allowedOn, createCycle } from './cycle';
import { type FrameAnswer, framePattern, pickFrame } from './frames';
import type { PageAnswer } from './page';

/** The keyboard command's name, as wxt.config.ts declares it under `commands`. */
export const FILL_COMMAND = 'fill-token';

/**
 * What a fill came to: done; waiting for the person's yes to this origin (`top`: the page, when
 * the field is in a frame of another origin); yes given, waiting for the browser to let the
 * extension reach that frame; or why not.
 */
export type FillReply =
  | { kind: 'filled'; origin: string }
  /** The lock is on and locked: the popup asks for the passphrase. */
  | { kind: 'locked' }
  | { kind: 'confirm'; origin: string; top?: string }
  | { kind: 'waiting'; origin: string }
  | { kind: 'error'; message: string };

export interface FillDeps {
  loadSession(): Promise<Session | null>;
  openDb(): Promise<TokenDatabase>;
  /** Runs the fill script, only looking, in every frame of the active tab it may script; null when it cannot. */
  probe(): Promise<FrameAnswer[] | null>;
  /** Fills `secret` into frame `frameId` of the active tab if it is still at `origin`. */
  fillFrame(frameId: number, secret: string, origin: string): Promise<PageAnswer | null>;
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
  /** The page, when `origin` is a frame's. */
  top?: string;
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
  /** The browser granted `origins` (match patterns): finishes the frame fill waiting for one. */
  granted(origins: readonly string[]): Promise<FillReply | null>;
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
    const answers = await deps.probe();
    const top = answers?.find((a) => a.frameId === 0);
    if (!answers || !top || !/^https?:\/\//.test(top.origin)) return error(t('errFillTab'));
    const target = pickFrame(answers);
    if (!target) return error(t('errFillNoField'));
    const { origin, frameId } = target;
    const granted = await hasGrant(db, scope, id, origin);
    // A field in a frame the extension may not reach yet is asked about like a new site: the
    // yes, given in the popup, is also when the popup asks the browser for that frame's origin.
    if (!granted || frameId === null) {
      if (confirmed !== origin)
        return { kind: 'confirm', origin, ...(origin === top.origin ? {} : { top: top.origin }) };
      if (!granted) await addGrant(db, { ...scope, tokenId: id, origin, grantedAt: deps.now() });
      if (frameId === null) return { kind: 'waiting', origin };
    }
    const done = await deps.fillFrame(frameId, secret.secret, origin);
    if (!done?.found || done.origin !== origin) return error(t('errFillChanged'));
    await recordFill(db, { ...scope, tokenId: id, origin, at: deps.now() });
    return { kind: 'filled', origin };
  } finally {
    db.close();
  }
}

export function createFiller(deps: FillDeps): Filler {
  let pending: PendingFill | null = null;
  // A yes to a frame the browser has yet to let the extension reach (the prompt may close the popup).
  let waiting: PendingFill | null = null;
  const pick = createCycle();

  async function fill(id: string, confirmed?: string): Promise<FillReply> {
    const reply = await fillToken(deps, id, confirmed);
    waiting = reply.kind === 'waiting' ? { id, origin: reply.origin } : null;
    return reply;
  }

  async function fillFromPage(id: string): Promise<FillReply> {
    const reply = await fill(id);
    if (reply.kind === 'confirm') pending = { id, origin: reply.origin, top: reply.top };
    // The popup asks: the yes to a new site, or the passphrase.
    if (reply.kind === 'confirm' || reply.kind === 'locked') await deps.openPopup();
    return reply;
  }

  return {
    fill,
    fillFromPage,
    async fillSiteDefault() {
      const session = await deps.loadSession();
      const top = session && (await deps.probe())?.find((a) => a.frameId === 0);
      let id: string | null = null;
      if (session && top) {
        const db = await deps.openDb();
        const scope = { service: session.serviceUrl, account: session.account };
        const [usage, grants, tokens] = await Promise.all([
          listUsage(db, scope),
          listGrants(db, scope),
          listTokens(db, scope),
        ]).finally(() => db.close());
        const active = new Set(tokens.filter((t) => t.state === 'active').map((t) => t.id));
        // Pressed again within seconds: the next token allowed here (cycle.ts).
        id = pick(
          top.origin,
          siteDefault(usage, grants, top.origin, active),
          allowedOn(tokens, grants, top.origin),
          deps.now(),
        );
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
    async granted(origins) {
      const question = waiting;
      if (!question || !origins.includes(framePattern(question.origin))) return null;
      waiting = null;
      return fill(question.id, question.origin);
    },
  };
}
