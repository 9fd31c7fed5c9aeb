import type { Result } from '../lib';
import { t } from '../lib';
import type { TokenAnnotation } from '../store';
import { annotateToken } from '../store';
import { announceChange } from '../sync';
import { localFailure, signedOutError } from './failures';
import type { TokensState } from './list-state';
import { checkName } from './names';
import type { StoreLink } from './store-link';
import type { SyncCalls } from './sync-calls';
import type { TokensDeps, TokensModel } from './types';

export type TokenActions = Pick<TokensModel, 'create' | 'revoke' | 'annotate'>;

/** Create and revoke through the engine; notes and rotations on this device only. */
export function createActions(
  deps: TokensDeps,
  s: TokensState,
  link: StoreLink,
  sync: SyncCalls,
): TokenActions {
  const { call } = sync;

  async function create(rawName: string): ReturnType<TokenActions['create']> {
    // The name is checked against every token, not only those of a head painted first.
    await link.complete();
    const check = checkName(
      rawName,
      s.live.value.map((token) => token.name),
    );
    if (!check.ok) return check;
    const reply = await call(() => deps.engine.create(check.name, link.self));
    if (!reply) return { ok: false, message: (link.context ? localFailure() : signedOutError()).message };
    if (!reply.created.ok) return { ok: false, message: reply.created.message };
    const id = reply.created.tokenId;
    return { ok: true, token: s.tokens.value.find((t) => t.id === id) ?? null };
  }

  async function revoke(id: string): Promise<Result<void>> {
    const name = s.tokens.value.find((t) => t.id === id)?.name ?? t('theToken');
    const reply = await call(() => deps.engine.revoke(id, link.self));
    const sync = reply?.sync;
    if (!sync) return { ok: false, error: link.context ? localFailure() : signedOutError() };
    const refused = sync.ok ? sync.value.refused.find((r) => r.id === id) : undefined;
    if (refused) return { ok: false, error: refused.error };
    if (!sync.ok && sync.error.code === 'signed-out') return { ok: false, error: sync.error };
    const done = s.tokens.value.find((t) => t.id === id)?.state === 'revoked';
    // A revoke that waits is told as pending, once: not as an error beside it (issue 18).
    if (!done) s.error.value = null;
    s.notice.value = done ? t('revokedNotice', name) : t('revokePendingNotice', name);
    return { ok: true, value: undefined };
  }

  async function annotate(id: string, patch: TokenAnnotation): Promise<void> {
    const context = link.context;
    if (!context) return;
    const next = await annotateToken(context.db, context.scope, id, patch);
    if (!next) return;
    s.tokens.value = s.tokens.value.map((t) => (t.id === id ? next : t));
    // The other pages repaint, and the background re-arms the review alarm and redraws the badge.
    announceChange(context.scope, link.self);
  }

  return { create, revoke, annotate };
}
