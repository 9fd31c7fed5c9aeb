import type { Session } from '../account';
import { t } from '../lib';
import type { RevealReply } from '../lock';
import {
  addGrant,
  getToken,
  hasGrant,
  listGrants,
  listUsage,
  readList,
  recordFill,
  type Scope,
  type TokenDatabase,
} from '../store';
import { siteDefault } from '../tokens';
import { allowedOn, createCycle } from './cycle';
import type { Skip } from './field-rank';
import { type FillTarget, type FrameAnswer, framePattern, insecure, pickFrame } from './frames';
import type { PageAnswer } from './page';
import type { PendingFill } from './pending';

/** The keyboard command's name, as wxt.config.ts declares it under `commands`. */
export const FILL_COMMAND = 'fill-token';

/**
 * What a fill came to: done; waiting for the person's yes to this origin (`top`: the page, when
 * the field is in a frame of another origin; `url`: that frame's address; `insecure`: the page or
 * frame is over plain http to another machine); yes given, waiting for the browser to let the
 * extension reach that frame; or why not, in a sentence.
 */
export type FillReply =
  | { kind: 'filled'; origin: string }
  /** The lock is on and locked: the popup asks for the passphrase. */
  | { kind: 'locked' }
  | { kind: 'confirm'; origin: string; top?: string; url?: string; insecure?: boolean }
  | { kind: 'waiting'; origin: string }
  | { kind: 'error'; message: string };

export interface FillDeps {
  loadSession(): Promise<Session | null>;
  openDb(): Promise<TokenDatabase>;
  /** Runs the fill script, only looking, in every frame of the active tab it may script; null when it cannot. */
  probe(): Promise<FrameAnswer[] | null>;
  /** Fills `secret` into frame `frameId` of the active tab if it is still at `origin` and `path`. */
  fillFrame(frameId: number, secret: string, origin: string, path: string): Promise<PageAnswer | null>;
  /** Whether the extension already holds the host permission for a frame of `origin`. */
  mayReach?(origin: string): Promise<boolean>;
  /** Opens the toolbar popup, where a question waits or a token can be picked. */
  openPopup(): Promise<void>;
  /** Leaves the question for the popup to ask as it opens (pending.ts), before opening it. */
  leaveQuestion(question: PendingFill): Promise<void>;
  now(): number;
  /** The secret from the lock or the service (reveal.ts); the record's own secret when absent. */
  reveal?(id: string): Promise<RevealReply>;
}

/** The three triggers (issue 4): the popup's Fill button, the context menu and the shortcut. */
export interface Filler {
  /** The popup's Fill; `scope`: the account the popup shows, whose token `id` is (issue 15). */
  fill(id: string, confirmed?: string, scope?: Scope): Promise<FillReply>;
  /**
   * A menu or shortcut fill: a first fill on a site opens the popup to ask there, never the page.
   * `scope`: the account the menu entry was made for; another account active now fills nothing.
   */
  fillFromPage(id: string, scope?: Scope): Promise<FillReply>;
  /** The shortcut: fills the site's remembered token, or opens the popup when there is none. */
  fillSiteDefault(): Promise<FillReply | null>;
  /** The browser granted `origins` (match patterns): finishes the frame fill waiting for one. */
  granted(origins: readonly string[]): Promise<FillReply | null>;
}

const error = (message: string): FillReply => ({ kind: 'error', message });

/** How long a yes waits for the browser's permission prompt before it is dropped. */
export const WAIT_MS = 120_000;

/** The sentence saying why nothing was filled. */
function refusal(why: Skip | 'none'): FillReply {
  if (why === 'none') return error(t('errFillNoField'));
  if (why === 'type' || why === 'disabled' || why === 'read-only') return error(t('errFillFocusType'));
  if (why === 'style') return error(t('errFillStyle'));
  if (why === 'frame') return error(t('errFillFrame'));
  return error(t('errFillUnseen'));
}

/** Probes the active tab and picks the frame; a FillReply when there is none to fill. */
async function settle(deps: FillDeps): Promise<{ target: FillTarget; top: string } | FillReply> {
  const answers = await deps.probe();
  const top = answers?.find((a) => a.frameId === 0);
  if (!answers || !top || !/^https?:\/\//.test(top.origin)) return error(t('errFillTab'));
  const pick = pickFrame(answers);
  return pick.ok ? { target: pick.target, top: top.origin } : refusal(pick.why);
}

/**
 * Fills token `id` into the active tab. The page is probed first, with no secret anywhere near
 * it; the first fill of a token on an origin waits for the person to confirm that origin in the
 * popup (`confirmed`), and the yes is remembered per token and origin. The secret is revealed
 * only once the field, its frame and origin are settled and the page probed again, and goes to
 * that one frame, which judges the field again as it fills. Every fill is recorded.
 */
export async function fillToken(
  deps: FillDeps,
  id: string,
  confirmed?: string,
  wanted?: Scope,
): Promise<FillReply> {
  const session = await deps.loadSession();
  if (!session) return error(t('errFillSignIn'));
  const scope = { service: session.serviceUrl, account: session.account };
  // A menu entry made before a switch of account names a token of the other account: never filled here.
  if (wanted && (wanted.service !== scope.service || wanted.account !== scope.account))
    return error(t('errFillOtherAccount'));
  // A connection per call, as the engine does: one kept by the background would be closed under
  // it by a newer version of the database.
  const db = await deps.openDb();
  try {
    const token = await getToken(db, scope, id);
    if (token?.state !== 'active') return error(t('errFillInactive'));
    const settled = await settle(deps);
    if ('kind' in settled) return settled;
    const { origin, frameId, url, path } = settled.target;
    const granted = await hasGrant(db, scope, id, origin);
    // A field in a frame the extension may not reach yet is asked about like a new site: the
    // yes, given in the popup, is also when the popup asks the browser for that frame's origin.
    if (!granted || frameId === null) {
      const framed = origin !== settled.top;
      if (confirmed !== origin)
        return {
          kind: 'confirm',
          origin,
          ...(framed ? { top: settled.top, url } : {}),
          ...(insecure(origin) || insecure(settled.top) ? { insecure: true } : {}),
        };
      if (!granted) await addGrant(db, { ...scope, tokenId: id, origin, grantedAt: deps.now() });
      // Already allowed and still out of reach: the frame navigated or cannot be scripted.
      if (frameId === null)
        return (await deps.mayReach?.(origin)) ? error(t('errFillChanged')) : { kind: 'waiting', origin };
    }
    // Probed again just before the secret leaves the lock: the same frame and field, still seen.
    const again = await settle(deps);
    if ('kind' in again) return again;
    if (again.target.frameId !== frameId || again.target.origin !== origin || again.target.path !== path)
      return error(t('errFillChanged'));
    const secret = deps.reveal ? await deps.reveal(id) : ({ ok: true, secret: token.secret } as const);
    if (!secret.ok) return secret.locked ? { kind: 'locked' } : error(secret.message);
    const done = await deps.fillFrame(frameId, secret.secret, origin, path);
    if (!done?.found || done.origin !== origin || JSON.stringify(done.path) !== path)
      return error(t('errFillChanged'));
    await recordFill(db, { ...scope, tokenId: id, origin, at: deps.now() });
    return { kind: 'filled', origin };
  } finally {
    db.close();
  }
}

export function createFiller(deps: FillDeps): Filler {
  // A yes to a frame the browser has yet to let the extension reach (the prompt may close the popup).
  let waiting: (PendingFill & { until: number }) | null = null;
  const pick = createCycle();

  async function fill(id: string, confirmed?: string, scope?: Scope): Promise<FillReply> {
    const reply = await fillToken(deps, id, confirmed, scope);
    // A yes whose prompt never comes back is dropped: no fill waits for ever.
    waiting =
      reply.kind === 'waiting'
        ? { id, origin: reply.origin, until: deps.now() + WAIT_MS, ...(scope ? { scope } : {}) }
        : null;
    return reply;
  }

  async function fillFromPage(id: string, scope?: Scope): Promise<FillReply> {
    const reply = await fill(id, undefined, scope);
    if (reply.kind === 'confirm') {
      const { kind: _, ...question } = reply;
      await deps.leaveQuestion({ id, ...question, ...(scope ? { scope } : {}) });
    }
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
          readList(db, scope).then((list) => list.tokens),
        ]).finally(() => db.close());
        const active = new Set(tokens.filter((t) => t.state === 'active').map((t) => t.id));
        // Pressed again within seconds: the next token allowed here (cycle.ts).
        id = pick(
          top.origin,
          siteDefault(usage, grants, top.origin, active),
          allowedOn(tokens, grants, top.origin),
          deps.now(),
          JSON.stringify([scope.service, scope.account]),
        );
      }
      if (id === null || !session) {
        await deps.openPopup();
        return null;
      }
      // The token was chosen among this account's (issue 15): a switch meanwhile fills nothing.
      return fillFromPage(id, { service: session.serviceUrl, account: session.account });
    },
    async granted(origins) {
      const question = waiting;
      if (!question || !origins.includes(framePattern(question.origin))) return null;
      waiting = null;
      if (deps.now() > question.until) return null;
      return fill(question.id, question.origin, question.scope);
    },
  };
}
