import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { t } from '../lib';
import type { LockClient } from '../messages';
import type { VaultReply, VaultStatus } from './vault-status';

/** The lock as a page shows it: the popup's unlock form and the options page's "Lock" section. */
export interface LockModel {
  status: Signal<VaultStatus | null>;
  /** On, and locked: names only; copy and fill wait for the passphrase. */
  locked: ReadonlySignal<boolean>;
  busy: Signal<boolean>;
  error: Signal<string | null>;
  notice: Signal<string | null>;
  refresh(): Promise<void>;
  /** Runs one lock call; `done` is said when it worked. */
  run(call: (client: LockClient) => Promise<VaultReply | null>, done?: string): Promise<boolean>;
}

export const MIN_PASSPHRASE = 8;

/** Why a new passphrase is refused, or null. */
export function checkPassphrase(passphrase: string, confirm: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE) return t('errPassphraseShort', MIN_PASSPHRASE);
  return passphrase === confirm ? null : t('errPassphraseDiffer');
}

export function createLockModel(client: LockClient): LockModel {
  const status = signal<VaultStatus | null>(null);
  const busy = signal(false);
  const error = signal<string | null>(null);
  const notice = signal<string | null>(null);
  const locked = computed(() => status.value?.enabled === true && !status.value.unlocked);

  return {
    status,
    locked,
    busy,
    error,
    notice,
    async refresh() {
      status.value = (await client.status().catch(() => null))?.status ?? null;
    },
    async run(call, done) {
      busy.value = true;
      error.value = null;
      notice.value = null;
      const reply = await call(client).catch(() => null);
      busy.value = false;
      if (reply) status.value = reply.status;
      if (reply?.ok) notice.value = done ?? null;
      else error.value = reply?.message ?? t('errLockNoAnswer');
      return reply?.ok === true;
    },
  };
}
