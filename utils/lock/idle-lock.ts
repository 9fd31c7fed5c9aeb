import { lockNow } from './unlock';
import type { Vault } from './vault';
import type { VaultDeps } from './vault-status';
import * as store from './vault-store';

/**
 * How often a person's use is written to storage.session: at most once in this time. Each write
 * tells every open page and the background (storage.onChanged), and the popup's first sync was
 * one (issue 14). Between writes the background remembers the latest use itself, so the lock goes
 * by it to the millisecond; only a background restarted since (asleep after 30 s without use)
 * goes by the write, which is at most this much older than the last use.
 */
export const ACTIVITY_WRITE_MS = 10_000;

/**
 * Locking after the chosen idle minutes. Only a person's actions are noted as use (the background
 * decides which messages are: isPersonAction in utils/messages.ts); a page's automatic syncs and
 * retries are not, or an open popup would keep the lock open for ever.
 */
export function createIdleLock(deps: Pick<VaultDeps, 'now'>): Pick<Vault, 'touch' | 'lockIfIdle'> {
  /** The latest use noted here, and the latest written (ACTIVITY_WRITE_MS). */
  let used: number | undefined;
  let written: number | undefined;
  const write = async (now: number): Promise<void> => {
    written = now;
    await store.touch(now);
  };
  return {
    touch(): Promise<void> {
      const now = deps.now();
      used = Math.max(used ?? 0, now);
      if (written !== undefined && now - written < ACTIVITY_WRITE_MS && now >= written)
        return Promise.resolve();
      return write(now);
    },

    async lockIfIdle(): Promise<boolean> {
      const [key, stored, settings] = await Promise.all([
        store.loadKey(),
        store.lastActivity(),
        store.loadLockSettings(),
      ]);
      if (!key) return false;
      if (stored === undefined && used === undefined) {
        await write(deps.now());
        return false;
      }
      const last = Math.max(stored ?? 0, used ?? 0);
      if (deps.now() - last < settings.idleMinutes * 60_000) return false;
      await lockNow();
      return true;
    },
  };
}
