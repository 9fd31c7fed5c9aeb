import type { Session } from '../account';
import type { TokenRecord } from '../store';
import { saveLockedSession } from './credential';
import { createIdleLock } from './idle-lock';
import { keptSecret } from './kept-secret';
import { createLockSettings } from './lock-settings';
import { createPassphraseCheck } from './passphrase-check';
import { createRekey } from './rekey';
import type { SecretPolicy } from './secret-policy';
import { createUnlock } from './unlock';
import { createReplies, type VaultDeps, type VaultReply, type VaultStatus } from './vault-status';
import type { LockSettings } from './vault-store';

export type { VaultDeps, VaultReply, VaultStatus } from './vault-status';

/**
 * The lock (issues 5 and 11), run by the background only: turning it on seals every secret and
 * the session credential in one pass, unlocking puts the data key and the credential in
 * `storage.session`, locking drops both. Every rewrite of the secrets runs under the sync lock, so
 * no sync writes in between; every passphrase check runs through one queue.
 */
export interface Vault {
  status(): Promise<VaultStatus>;
  enable(passphrase: string): Promise<VaultReply>;
  unlock(passphrase: string): Promise<VaultReply>;
  lock(): Promise<VaultReply>;
  /** A new passphrase; the current one is checked first, throttled like an unlock. */
  change(current: string, passphrase: string): Promise<VaultReply>;
  /** Turning the lock off; the current passphrase is checked first, throttled like an unlock. */
  disable(current: string): Promise<VaultReply>;
  forget(passphrase: string): Promise<VaultReply>;
  configure(settings: LockSettings): Promise<VaultReply>;
  /** How a sync keeps the secrets it lists. */
  policy(): Promise<SecretPolicy>;
  /** Signing in: with the lock on, the credential is sealed; locked, refused (the message says why). */
  saveSession(session: Session): Promise<string | null>;
  /** The record's secret from this device; 'locked' when the lock must open first; null when not kept. */
  reveal(record: TokenRecord): Promise<string | 'locked' | null>;
  /** A person used the extension's pages (never a page's automatic sync or retry). */
  touch(): Promise<void>;
  /** The idle alarm: locks once nothing used the extension for the chosen minutes. */
  lockIfIdle(): Promise<boolean>;
}

/** The vault, put together from its parts: unlock (unlock.ts), keys (rekey.ts), options (lock-settings.ts). */
export function createVault(deps: VaultDeps): Vault {
  const replies = createReplies(deps);
  const check = createPassphraseCheck(deps);
  return {
    status: replies.status,
    ...createUnlock(deps, replies, check),
    ...createRekey(deps, replies, check),
    ...createLockSettings(deps, replies),
    ...createIdleLock(deps),
    saveSession: saveLockedSession,
    reveal: keptSecret,
  };
}
