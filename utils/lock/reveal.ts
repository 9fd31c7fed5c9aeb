import type { Session } from '../account';
import type { ApiClient } from '../api';
import { t } from '../lib';
import { getToken, type TokenDatabase } from '../store';
import type { Vault } from './vault';

/** A token's secret for one copy or fill, or why not (`locked`: the popup asks to unlock). */
export type RevealReply = { ok: true; secret: string } | { ok: false; locked: boolean; message: string };

export interface RevealDeps {
  vault: Pick<Vault, 'reveal'>;
  loadSession(): Promise<Session | null>;
  openDb(): Promise<TokenDatabase>;
  makeApi(session: Session): ApiClient;
}

const locked = (): RevealReply => ({ ok: false, locked: true, message: t('errRevealLocked') });
const no = (message: string): RevealReply => ({ ok: false, locked: false, message });

/**
 * The secret of token `id`, in the background: from this device (opened with the lock's key), or,
 * when none is kept here ("keep no secrets", or seen while locked), from the service's list, which
 * returns every secret (api-contract.md). Nothing fetched is stored.
 */
export async function revealSecret(deps: RevealDeps, id: string): Promise<RevealReply> {
  const session = await deps.loadSession();
  if (!session) return no(t('errRevealSignedOut'));
  const db = await deps.openDb();
  const record = await getToken(db, { service: session.serviceUrl, account: session.account }, id).finally(
    () => db.close(),
  );
  if (record?.state !== 'active') return no(t('errFillInactive'));
  const kept = await deps.vault.reveal(record);
  if (kept === 'locked') return locked();
  if (kept) return { ok: true, secret: kept };
  if (!session.credential) return locked();
  const listed = await deps.makeApi(session).listTokens();
  if (!listed.ok) return no(listed.error.message);
  const token = listed.value.find((t) => t.id === id);
  return token ? { ok: true, secret: token.secret } : no(t('errRevealGone'));
}
