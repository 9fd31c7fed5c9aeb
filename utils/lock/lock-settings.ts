import { SYNC_LOCK, withLock } from '../sync';
import { moveAllSecrets } from './move-secrets';
import type { SecretPolicy } from './secret-policy';
import type { Vault } from './vault';
import type { Replies, VaultDeps } from './vault-status';
import * as store from './vault-store';

/** The lock's options (idle minutes, keep no secrets) and the secret policy they decide. */
export function createLockSettings(deps: VaultDeps, { ok }: Replies): Pick<Vault, 'configure' | 'policy'> {
  return {
    async configure(settings) {
      const before = await store.loadLockSettings();
      await store.saveLockSettings(settings);
      if (settings.keepNoSecrets && !before.keepNoSecrets)
        await withLock(SYNC_LOCK, () => moveAllSecrets(deps.openDb, null, 'erase'));
      return ok();
    },

    async policy(): Promise<SecretPolicy> {
      const [meta, settings] = await Promise.all([store.loadMeta(), store.loadLockSettings()]);
      if (settings.keepNoSecrets) return { mode: 'none' };
      return meta ? { mode: 'sealed', key: await store.loadKey() } : { mode: 'plain' };
    },
  };
}
