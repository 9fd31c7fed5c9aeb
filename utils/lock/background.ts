import { browser } from 'wxt/browser';
import type { Locker } from '../messages';
import { backgroundSync, createQuiet, type Engine, type EngineDeps } from '../sync';
import { checkToken } from './check';
import { type RevealReply, revealSecret } from './reveal';
import { createVault, type Vault } from './vault';

export const IDLE_ALARM = 'vault-idle';

/**
 * The lock as the background runs it. Unlocking syncs at once: tokens first seen while locked
 * have no secret kept yet, and that sync seals them; revokes that waited for the unlock go out,
 * and the retry alarm is set again for those not yet due (locked, backgroundSync set none).
 */
export function backgroundLocker(engineDeps: EngineDeps, engine: () => Engine): Locker {
  const vault: Vault = createVault({ openDb: engineDeps.openDb, now: Date.now });
  const reveal = (id: string): Promise<RevealReply> => revealSecret({ vault, ...engineDeps }, id);
  return {
    vault: {
      ...vault,
      async unlock(passphrase) {
        const reply = await vault.unlock(passphrase);
        if (reply.ok) void backgroundSync(engine());
        return reply;
      },
    },
    reveal,
    check: (id) =>
      checkToken(
        {
          ...engineDeps,
          reveal,
          held: (service) => createQuiet(engineDeps.holds).check(service, Date.now()),
        },
        id,
      ),
  };
}

/**
 * Idle locking without the "idle" permission: an alarm every minute compares the last use of the
 * extension's pages with the chosen minutes. (A browser restart locks by itself: `storage.session`
 * starts empty.) https://developer.chrome.com/docs/extensions/reference/api/storage#property-session
 */
export async function scheduleIdleCheck(): Promise<void> {
  if (!(await browser.alarms.get(IDLE_ALARM)))
    await browser.alarms.create(IDLE_ALARM, { periodInMinutes: 1 });
}
