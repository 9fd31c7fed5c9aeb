import type { Vault } from './vault';
import type { VaultDeps } from './vault-status';
import * as store from './vault-store';

/** Locking after the chosen idle minutes: every use of the extension's pages is noted. */
export function createIdleLock(deps: Pick<VaultDeps, 'now'>): Pick<Vault, 'touch' | 'lockIfIdle'> {
  return {
    touch: (): Promise<void> => store.touch(deps.now()),

    async lockIfIdle(): Promise<boolean> {
      const [key, last, settings] = await Promise.all([
        store.loadKey(),
        store.lastActivity(),
        store.loadLockSettings(),
      ]);
      if (!key) return false;
      if (last === undefined) {
        await store.touch(deps.now());
        return false;
      }
      if (deps.now() - last < settings.idleMinutes * 60_000) return false;
      await store.saveKey(null);
      return true;
    },
  };
}
