import type { Session } from '../account';
import type { ApiClient, TokenCheck } from '../api';
import type { AppError } from '../lib';
import { t } from '../lib';
import type { RevealReply } from './reveal';

/** Check token's answer to a page: the service's verdict, or why the secret could not be had. */
export type CheckReply = { ok: true; check: TokenCheck } | { ok: false; locked: boolean; message: string };

export interface CheckDeps {
  reveal(id: string): Promise<RevealReply>;
  loadSession(): Promise<Session | null>;
  makeApi(session: Session): ApiClient;
  /** A rate limit's wait at `service` (issue 18): while it lasts nothing is sent there, a check neither. */
  held?(service: string): Promise<AppError | null>;
}

/**
 * Asks the service whether token `id` still works, with the token itself (issue 13). Runs in the
 * background: the secret comes from the reveal that copy uses and goes to the service only, so
 * no page, log or reply ever holds it.
 */
export async function checkToken(deps: CheckDeps, id: string): Promise<CheckReply> {
  const revealed = await deps.reveal(id);
  if (!revealed.ok) return revealed;
  const session = await deps.loadSession();
  // Signed out between the reveal and now.
  if (!session) return { ok: false, locked: false, message: t('errRevealSignedOut') };
  const held = await deps.held?.(session.serviceUrl);
  if (held) return { ok: true, check: { verdict: 'unknown', error: held } };
  return { ok: true, check: await deps.makeApi(session).checkToken(revealed.secret) };
}
