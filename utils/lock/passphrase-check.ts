import { t } from '../lib';
import { unwrapDataKey } from './crypto-envelope';
import type { VaultDeps } from './vault-status';
import * as store from './vault-store';

/** The data key the passphrase opened, or why not (a person's sentence). */
export type Checked = { ok: true; key: CryptoKey } | { ok: false; message: string };

/**
 * Every passphrase check (unlocking, turning the lock off, a new passphrase) goes through one
 * queue, so the throttle's read-modify-write of the attempts never interleaves: twelve wrong
 * passphrases sent at once count as twelve. A try during the wait is refused unchecked but still
 * counted, so the next wait grows; the wait itself is not moved, so a person who presses Enter
 * twice is not locked out for longer than the message said.
 */
export function createPassphraseCheck(
  deps: Pick<VaultDeps, 'now'>,
): (passphrase: string) => Promise<Checked> {
  let queue: Promise<unknown> = Promise.resolve();

  async function check(passphrase: string): Promise<Checked> {
    const meta = await store.loadMeta();
    if (!meta) return { ok: false, message: t('errLockOff') };
    const attempts = await store.loadAttempts();
    const failures = attempts.failures + 1;
    const now = deps.now();
    if (attempts.retryAt > now) {
      await store.saveAttempts({ failures, retryAt: attempts.retryAt });
      return { ok: false, message: t('errUnlockWait', seconds(attempts.retryAt - now)) };
    }
    const key = await unwrapDataKey(meta, passphrase);
    if (key) {
      await store.saveAttempts(null);
      return { ok: true, key };
    }
    const delay = store.unlockDelayMs(failures);
    await store.saveAttempts({ failures, retryAt: deps.now() + delay });
    return {
      ok: false,
      message: delay > 0 ? t('errWrongPassphraseWait', seconds(delay)) : t('errWrongPassphrase'),
    };
  }

  return (passphrase) => {
    const turn = queue.then(
      () => check(passphrase),
      () => check(passphrase),
    );
    queue = turn.catch(() => {});
    return turn;
  };
}

const seconds = (ms: number): number => Math.ceil(ms / 1000);
