import { lockNow } from './unlock';
import type { Vault } from './vault';
import type { VaultDeps } from './vault-status';
import * as store from './vault-store';

/**
 * Locking after the chosen idle minutes. Only a person's actions are noted as use (the background
 * decides which messages are: isPersonAction in utils/messages.ts); a page's automatic syncs and
 * retries are not, or an open popup would keep the lock open for ever.
 */
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
      await lockNow();
      return true;
    },
  };
}
