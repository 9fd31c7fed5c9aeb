import {
  clearSession,
  loadSession,
  loadStoredSession,
  type Session,
  saveSealedSession,
  saveSession,
} from '../account';
import { t } from '../lib';
import type { TokenRecord } from '../store';
import { listAllTokens, putSecrets, type TokenDatabase } from '../store';
import { SYNC_LOCK, withLock } from '../sync';
import {
  credentialAad,
  newDataKey,
  open,
  PBKDF2_ITERATIONS,
  seal,
  secretAad,
  unwrapDataKey,
  wrapDataKey,
} from './crypto-envelope';
import { moveSecret, type SecretPolicy, type SecretTarget } from './secret-policy';
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

/**
 * The lock (issue 5), run by the background only: turning it on seals every secret and the
 * session credential in one pass, unlocking puts the data key in `storage.session`, locking drops
 * it. Every rewrite of the secrets runs under the sync lock, so no sync writes in between.
 */
export interface Vault {
  status(): Promise<VaultStatus>;
  enable(passphrase: string): Promise<VaultReply>;
  unlock(passphrase: string): Promise<VaultReply>;
  lock(): Promise<VaultReply>;
  change(passphrase: string): Promise<VaultReply>;
  disable(): Promise<VaultReply>;
  forget(passphrase: string): Promise<VaultReply>;
  configure(settings: store.LockSettings): Promise<VaultReply>;
  /** How a sync keeps the secrets it lists. */
  policy(): Promise<SecretPolicy>;
  /** Signing in: with the lock on, the credential is sealed (or, locked, kept in memory until unlock). */
  saveSession(session: Session): Promise<void>;
  /** The record's secret from this device; 'locked' when the lock must open first; null when not kept. */
  reveal(record: TokenRecord): Promise<string | 'locked' | null>;
  /** Any use of the extension's pages. */
  touch(): Promise<void>;
  /** The idle alarm: locks once nothing used the extension for the chosen minutes. */
  lockIfIdle(): Promise<boolean>;
}

export function createVault(deps: VaultDeps): Vault {
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
  const ok = async (): Promise<VaultReply> => ({ ok: true, status: await status() });
  const fail = async (message: string): Promise<VaultReply> => ({
    ok: false,
    message,
    status: await status(),
  });

  /** Moves every secret on this device (every account) to `target`. */
  async function moveAll(current: CryptoKey | null, target: SecretTarget): Promise<void> {
    const db = await deps.openDb();
    try {
      // Encryption is not IndexedDB work: done between a read and a write, never inside one.
      const records: TokenRecord[] = await listAllTokens(db);
      const changes = await Promise.all(records.map((record) => moveSecret(record, current, target)));
      await putSecrets(db, changes);
    } finally {
      db.close();
    }
  }

  /** The session credential sealed under `key` on disk and in the clear in memory, or in the clear (`key` null). */
  async function moveCredential(current: CryptoKey | null, key: CryptoKey | null): Promise<void> {
    const stored = await loadStoredSession();
    if (!stored) return;
    const { sealedCredential, ...session } = stored;
    let credential = stored.credential;
    if (!credential && sealedCredential && current)
      credential = (await open(current, sealedCredential, credentialAad(stored))) ?? '';
    if (!credential) {
      // Locked since the browser started, or unreadable: nothing to move (a sign-in brings it back).
      credential = (await loadSession())?.credential ?? '';
    }
    const next: Session = { ...session, credential };
    if (!key) await saveSession(next);
    else await saveSealedSession(next, credential ? await seal(key, credential, credentialAad(next)) : null);
  }

  async function enable(passphrase: string): Promise<VaultReply> {
    if (await store.loadMeta()) return fail(t('errLockAlreadyOn'));
    const key = await newDataKey();
    const meta = await wrapDataKey(key, passphrase, deps.iterations ?? PBKDF2_ITERATIONS);
    await withLock(SYNC_LOCK, async () => {
      await store.saveMeta(meta);
      await store.saveKey(key);
      await store.touch(deps.now());
      const { keepNoSecrets } = await store.loadLockSettings();
      await moveAll(null, keepNoSecrets ? 'erase' : { key });
      await moveCredential(null, key);
    });
    return ok();
  }

  async function unlock(passphrase: string): Promise<VaultReply> {
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
  }

  async function lock(): Promise<VaultReply> {
    await store.saveKey(null);
    return ok();
  }

  /** A new data key: every secret is sealed again, so the old passphrase opens nothing. */
  async function change(passphrase: string): Promise<VaultReply> {
    const current = await store.loadKey();
    if (!current) return fail(t('errUnlockToChange'));
    const key = await newDataKey();
    const meta = await wrapDataKey(key, passphrase, deps.iterations ?? PBKDF2_ITERATIONS);
    await withLock(SYNC_LOCK, async () => {
      await moveAll(current, { key });
      await moveCredential(current, key);
      await store.saveMeta(meta);
      await store.saveKey(key);
    });
    return ok();
  }

  async function disable(): Promise<VaultReply> {
    const current = await store.loadKey();
    if (!current) return fail(t('errUnlockToTurnOff'));
    const { keepNoSecrets } = await store.loadLockSettings();
    await withLock(SYNC_LOCK, async () => {
      await moveAll(current, keepNoSecrets ? 'erase' : 'plain');
      await moveCredential(current, null);
      await store.saveMeta(null);
      await store.saveKey(null);
      await store.saveAttempts(null);
    });
    return ok();
  }

  /**
   * A forgotten passphrase: the sealed secrets and the sign-in are erased (names, history and
   * pending revokes stay), and the lock starts again with a new passphrase. Signing in again
   * brings the secrets back from the service.
   */
  async function forget(passphrase: string): Promise<VaultReply> {
    await withLock(SYNC_LOCK, async () => {
      await moveAll(null, 'erase');
      await clearSession();
      await store.saveMeta(null);
      await store.saveKey(null);
      await store.saveAttempts(null);
    });
    return enable(passphrase);
  }

  async function configure(settings: store.LockSettings): Promise<VaultReply> {
    const before = await store.loadLockSettings();
    await store.saveLockSettings(settings);
    if (settings.keepNoSecrets && !before.keepNoSecrets)
      await withLock(SYNC_LOCK, () => moveAll(null, 'erase'));
    return ok();
  }

  return {
    status,
    enable,
    unlock,
    lock,
    change,
    disable,
    forget,
    configure,

    async policy(): Promise<SecretPolicy> {
      const [meta, settings] = await Promise.all([store.loadMeta(), store.loadLockSettings()]);
      if (settings.keepNoSecrets) return { mode: 'none' };
      return meta ? { mode: 'sealed', key: await store.loadKey() } : { mode: 'plain' };
    },

    async saveSession(session: Session): Promise<void> {
      if (!(await store.loadMeta())) return saveSession(session);
      const key = await store.loadKey();
      await saveSealedSession(session, key && (await seal(key, session.credential, credentialAad(session))));
    },

    async reveal(record: TokenRecord): Promise<string | 'locked' | null> {
      const [meta, key] = await Promise.all([store.loadMeta(), store.loadKey()]);
      if (meta && !key) return 'locked';
      if (record.secret) return record.secret;
      return record.sealed && key ? open(key, record.sealed, secretAad(record)) : null;
    },

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

const seconds = (ms: number): number => Math.ceil(ms / 1000);
