import {
  accountKey,
  listSessions,
  loadStoredSessions,
  type Session,
  saveSealedSession,
  saveSession,
} from '../account';
import { t } from '../lib';
import { credentialAad, open, seal } from './crypto-envelope';
import * as store from './vault-store';

/**
 * Every signed-in account's credential sealed under `key` on disk and in the clear in memory, or
 * in the clear (`key` null). Each account keeps its own credential, and the active one stays active.
 */
export async function moveCredential(current: CryptoKey | null, key: CryptoKey | null): Promise<void> {
  const { list } = await loadStoredSessions();
  const memory = await listSessions();
  for (const stored of list) {
    const { sealedCredential, ...session } = stored;
    let credential = stored.credential;
    if (!credential && sealedCredential && current)
      credential = (await open(current, sealedCredential, credentialAad(stored))) ?? '';
    if (!credential) {
      // Locked since the browser started, or unreadable: nothing to move (a sign-in brings it back).
      credential = memory.find((s) => accountKey(s) === accountKey(stored))?.credential ?? '';
    }
    const next: Session = { ...session, credential };
    if (!key) await saveSession(next, { activate: false });
    else
      await saveSealedSession(next, credential ? await seal(key, credential, credentialAad(next)) : null, {
        activate: false,
      });
  }
}

/**
 * Signing in: with the lock on, the credential is sealed. Locked, there is no key to seal it with
 * and it may not wait in the clear, so the sign-in is refused: why, or null when saved.
 */
export async function saveLockedSession(session: Session): Promise<string | null> {
  if (!(await store.loadMeta())) {
    await saveSession(session);
    return null;
  }
  const key = await store.loadKey();
  if (!key) return t('errUnlockToSignIn');
  await saveSealedSession(session, await seal(key, session.credential, credentialAad(session)));
  return null;
}
