import type { TokenDatabase } from '../store';
import * as store from './vault-store';

export interface VaultStatus {
  enabled: boolean;
  unlocked: boolean;
  /** While unlocking waits after wrong passphrases: when it may be tried again. */
  retryAt: number | null;
  settings: store.LockSettings;
}

export type VaultReply =
  | { ok: true; status: VaultStatus }
  | { ok: false; message: string; status: VaultStatus };

export interface VaultDeps {
  openDb(): Promise<TokenDatabase>;
  now(): number;
  /** PBKDF2 iterations for a new passphrase (tests use fewer). */
  iterations?: number;
}

/** What every vault call answers: the lock's status after it, and why it refused, if it did. */
export interface Replies {
  status(): Promise<VaultStatus>;
  ok(): Promise<VaultReply>;
  fail(message: string): Promise<VaultReply>;
}

export function createReplies(deps: Pick<VaultDeps, 'now'>): Replies {
  async function status(): Promise<VaultStatus> {
    const [meta, key, attempts, settings] = await Promise.all([
      store.loadMeta(),
      store.loadKey(),
      store.loadAttempts(),
      store.loadLockSettings(),
    ]);
    const retryAt = attempts.retryAt > deps.now() ? attempts.retryAt : null;
    return { enabled: meta !== undefined, unlocked: meta !== undefined && key !== null, retryAt, settings };
  }
  return {
    status,
    ok: async (): Promise<VaultReply> => ({ ok: true, status: await status() }),
    fail: async (message: string): Promise<VaultReply> => ({
      ok: false,
      message,
      status: await status(),
    }),
  };
}
