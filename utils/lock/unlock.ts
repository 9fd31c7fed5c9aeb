import { t } from '../lib';
import { SYNC_LOCK, withLock } from '../sync';
import { moveCredential } from './credential';
import { unwrapDataKey } from './crypto-envelope';
import type { Vault } from './vault';
import type { Replies, VaultDeps } from './vault-status';
import * as store from './vault-store';

/** Unlocking with the passphrase, throttled after wrong ones (`unlockDelayMs`), and locking. */
export function createUnlock(deps: VaultDeps, { ok, fail }: Replies): Pick<Vault, 'unlock' | 'lock'> {
  return {
    async unlock(passphrase) {
      const meta = await store.loadMeta();
      if (!meta) return ok();
      const attempts = await store.loadAttempts();
      if (attempts.retryAt > deps.now())
        return fail(t('errUnlockWait', seconds(attempts.retryAt - deps.now())));
      const key = await unwrapDataKey(meta, passphrase);
      if (!key) {
        const failures = attempts.failures + 1;
        const delay = store.unlockDelayMs(failures);
        await store.saveAttempts({ failures, retryAt: deps.now() + delay });
        return fail(delay > 0 ? t('errWrongPassphraseWait', seconds(delay)) : t('errWrongPassphrase'));
      }
      await store.saveAttempts(null);
      await store.saveKey(key);
      await store.touch(deps.now());
      // The credential comes back into memory (or, signed in while locked, is sealed now).
      await withLock(SYNC_LOCK, () => moveCredential(key, key));
      return ok();
    },

    async lock() {
      await store.saveKey(null);
      return ok();
    },
  };
}

const seconds = (ms: number): number => Math.ceil(ms / 1000);
