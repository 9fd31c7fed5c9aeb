import { dropClearCredential } from '../account';
import { forgetFirstScreen } from '../first-screen-key';
import { SYNC_LOCK, withLock } from '../sync';
import { moveCredential } from './credential';
import type { Checked } from './passphrase-check';
import type { Vault } from './vault';
import type { Replies, VaultDeps } from './vault-status';
import * as store from './vault-store';

/**
 * Unlocking with the passphrase (checked and throttled by `check`), and locking. Locked, neither
 * the data key nor the credential is anywhere in the clear: `storage.session` loses both.
 */
export function createUnlock(
  deps: VaultDeps,
  { ok, fail }: Replies,
  check: (passphrase: string) => Promise<Checked>,
): Pick<Vault, 'unlock' | 'lock'> {
  return {
    async unlock(passphrase) {
      if (!(await store.loadMeta())) return ok();
      const checked = await check(passphrase);
      if (!checked.ok) return fail(checked.message);
      await store.saveKey(checked.key);
      await store.touch(deps.now());
      // The credential comes back into memory from its sealed copy.
      await withLock(SYNC_LOCK, () => moveCredential(checked.key, checked.key));
      return ok();
    },

    async lock() {
      await lockNow();
      return ok();
    },
  };
}

/**
 * Drops the data key and the credential in the clear; what is sealed stays. And the popup's kept
 * first screen, drawn while unlocked.
 */
export async function lockNow(): Promise<void> {
  await store.saveKey(null);
  await dropClearCredential();
  await forgetFirstScreen();
}
