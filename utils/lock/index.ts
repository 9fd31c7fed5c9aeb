// utils/lock/: the passphrase lock and how secrets are kept. Encryption (crypto-envelope), the
// vault that unlocks, re-keys and throttles (vault, vault-store), the background's idle lock
// (background), where each secret lives (secret-policy), handing out one secret for a copy or a fill
// (reveal), and the options page's lock section (model).
export { backgroundLocker, IDLE_ALARM, scheduleIdleCheck } from './background';
export type { Envelope } from './crypto-envelope';
export { checkPassphrase, createLockModel, type LockModel } from './model';
export type { RevealReply } from './reveal';
export { protectList, type SecretPolicy } from './secret-policy';
export type { Vault, VaultReply, VaultStatus } from './vault';
export { IDLE_CHOICES, type LockSettings } from './vault-store';
