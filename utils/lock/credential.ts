import { loadSession, loadStoredSession, type Session, saveSealedSession, saveSession } from '../account';
import { credentialAad, open, seal } from './crypto-envelope';
import * as store from './vault-store';

/** The session credential sealed under `key` on disk and in the clear in memory, or in the clear (`key` null). */
export async function moveCredential(current: CryptoKey | null, key: CryptoKey | null): Promise<void> {
  const stored = await loadStoredSession();
  if (!stored) return;
  const { sealedCredential, ...session } = stored;
  let credential = stored.credential;
  if (!credential && sealedCredential && current)
    credential = (await open(current, sealedCredential, credentialAad(stored))) ?? '';
  if (!credential) {
    // Locked since the browser started, or unreadable: nothing to move (a sign-in brings it back).
    credential = (await loadSession())?.credential ?? '';
  }
  const next: Session = { ...session, credential };
  if (!key) await saveSession(next);
  else await saveSealedSession(next, credential ? await seal(key, credential, credentialAad(next)) : null);
}

/** Signing in: with the lock on, the credential is sealed (or, locked, kept in memory until unlock). */
export async function saveLockedSession(session: Session): Promise<void> {
  if (!(await store.loadMeta())) return saveSession(session);
  const key = await store.loadKey();
  await saveSealedSession(session, key && (await seal(key, session.credential, credentialAad(session))));
}
