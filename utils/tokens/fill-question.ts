import { t } from '../lib';
import type { TokenRecord } from '../store';
import { localFailure } from './failures';
import type { TokensState } from './list-state';
import type { StoreLink } from './store-link';
import type { TokensDeps, TokensModel } from './types';

export interface FillActions {
  /** Puts a menu or shortcut fill waiting for the person's yes to the question, if any. */
  askPending(): Promise<void>;
  fill: TokensModel['fill'];
}

/** Fills into the active tab (popup only), and the question asked before a site is new to a token. */
export function createFillQuestion(deps: TokensDeps, s: TokensState, link?: StoreLink): FillActions {
  const shownToken = (id: string): TokenRecord | undefined => s.tokens.value.find((t) => t.id === id);

  async function askPending(): Promise<void> {
    const question = await deps.pendingFill?.().catch(() => null);
    if (!question) return;
    // Only a question about the account shown is handed over (utils/fill/pending.ts), about any
    // of its tokens: one past the head painted first (issue 14) needs the rest of the list.
    if (!shownToken(question.id)) await link?.complete();
    const asked = shownToken(question.id);
    if (asked) s.confirming.value = { ...question, name: asked.name };
  }

  async function fill(id: string, confirmed?: string, frame = false): Promise<void> {
    const token = s.tokens.value.find((t) => t.id === id);
    s.confirming.value = null;
    if (token?.state !== 'active' || !deps.fill) return;
    // Asked first, while the click still counts as a gesture; the prompt may close the popup, so
    // the fill goes to the background in the same turn and finishes there once allowed.
    if (frame && confirmed) void deps.requestFrame?.(confirmed).catch(() => false);
    // The account shown names the token (issue 15): after a switch elsewhere it fills nothing.
    const reply = await deps
      .fill(id, confirmed, link?.context?.scope)
      .catch(() => ({ kind: 'error', message: localFailure().message }) as const);
    const host = 'origin' in reply ? new URL(reply.origin).host : '';
    if (reply.kind === 'confirm') s.confirming.value = { ...reply, id, name: token.name };
    else if (reply.kind === 'locked') deps.onLocked?.();
    else
      s.notice.value =
        reply.kind === 'filled'
          ? t('filledNotice', token.name, host)
          : reply.kind === 'waiting'
            ? t('fillWaitingNotice', host, token.name)
            : reply.message;
  }

  return { askPending, fill };
}
