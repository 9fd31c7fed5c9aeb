import { clearSession } from '../account';
import { t } from '../lib';
import { SYNC_LOCK, withLock } from '../sync';
import { moveCredential } from './credential';
import { newDataKey, PBKDF2_ITERATIONS, type VaultMeta, wrapDataKey } from './crypto-envelope';
import { moveAllSecrets } from './move-secrets';
import type { Checked } from './passphrase-check';
import type { SecretTarget } from './secret-policy';
import type { Vault } from './vault';
import type { Replies, VaultDeps, VaultReply } from './vault-status';
import * as store from './vault-store';

type Rekey = Pick<Vault, 'enable' | 'change' | 'disable' | 'forget'>;

/**
 * The lock's keys: turning it on, a new passphrase, turning it off, and starting again after a
 * forgotten one. Each rewrites every secret and the credential under the sync lock. Turning it
 * off and a new passphrase ask for the current one, checked and throttled like an unlock.
 */
export function createRekey(
  deps: VaultDeps,
  { ok, fail }: Replies,
  check: (passphrase: string) => Promise<Checked>,
): Rekey {
  const moveAll = (current: CryptoKey | null, target: SecretTarget): Promise<void> =>
    moveAllSecrets(deps.openDb, current, target);
  /** A new data key, and the meta that wraps it under `passphrase`. */
  const newKey = async (passphrase: string): Promise<{ key: CryptoKey; meta: VaultMeta }> => {
    const key = await newDataKey();
    return { key, meta: await wrapDataKey(key, passphrase, deps.iterations ?? PBKDF2_ITERATIONS) };
  };

  async function enable(passphrase: string): Promise<VaultReply> {
    if (await store.loadMeta()) return fail(t('errLockAlreadyOn'));
    const { key, meta } = await newKey(passphrase);
    await withLock(SYNC_LOCK, async () => {
      await store.saveMeta(meta);
      await store.saveKey(key);
      await store.touch(deps.now());
      const { keepNoSecrets } = await store.loadLockSettings();
      await moveAll(null, keepNoSecrets ? 'erase' : { key });
      await moveCredential(null, key);
    });
    return ok();
  }

  /** A new data key: every secret is sealed again, so the old passphrase opens nothing. */
  async function change(currentPassphrase: string, passphrase: string): Promise<VaultReply> {
    if (!(await store.loadKey())) return fail(t('errUnlockToChange'));
    const checked = await check(currentPassphrase);
    if (!checked.ok) return fail(checked.message);
    const current = checked.key;
    const { key, meta } = await newKey(passphrase);
    await withLock(SYNC_LOCK, async () => {
      await moveAll(current, { key });
      await moveCredential(current, key);
      await store.saveMeta(meta);
      await store.saveKey(key);
    });
    return ok();
  }

  async function disable(currentPassphrase: string): Promise<VaultReply> {
    if (!(await store.loadKey())) return fail(t('errUnlockToTurnOff'));
    const checked = await check(currentPassphrase);
    if (!checked.ok) return fail(checked.message);
    const current = checked.key;
    const { keepNoSecrets } = await store.loadLockSettings();
    await withLock(SYNC_LOCK, async () => {
      await moveAll(current, keepNoSecrets ? 'erase' : 'plain');
      await moveCredential(current, null);
      await store.saveMeta(null);
      await store.saveKey(null);
      await store.saveAttempts(null);
    });
    return ok();
  }

  /**
   * A forgotten passphrase: the sealed secrets and the sign-in are erased (names, history and
   * pending revokes stay), and the lock starts again with a new passphrase. Signing in again
   * brings the secrets back from the service.
   */
  async function forget(passphrase: string): Promise<VaultReply> {
    await withLock(SYNC_LOCK, async () => {
      await moveAll(null, 'erase');
      await clearSession('all');
      await store.saveMeta(null);
      await store.saveKey(null);
      await store.saveAttempts(null);
    });
    return enable(passphrase);
  }

  return { enable, change, disable, forget };
}
