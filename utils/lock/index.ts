// utils/lock/: the passphrase lock and how secrets are kept. Encryption (crypto-envelope), the
// vault (vault) put together from unlocking (unlock) and the throttled passphrase check every
// unlock, turning off and new passphrase goes through (passphrase-check), keys and re-keying (rekey,
// move-secrets, credential), the lock's options (lock-settings), idle locking (idle-lock), and
// what it stores and answers (vault-store, vault-status); the background's idle lock
// (background), where each secret lives (secret-policy, kept-secret), handing out one secret for
// a copy or a fill (reveal) or to ask the service whether a token works (check), and the options
// page's lock section (model).
export { backgroundLocker, IDLE_ALARM, scheduleIdleCheck } from './background';
export type { CheckReply } from './check';
export type { Envelope } from './crypto-envelope';
export { checkPassphrase, createLockModel, type LockModel } from './model';
export type { RevealReply } from './reveal';
export { protectList, type SecretPolicy } from './secret-policy';
export type { Vault } from './vault';
export type { VaultReply, VaultStatus } from './vault-status';
export { IDLE_CHOICES, type LockSettings, onLockChange } from './vault-store';
