import { browser } from 'wxt/browser';
import { exportKey, importKey, type VaultMeta } from './crypto-envelope';

/** The lock's options (options page, "Lock" section). */
export interface LockSettings {
  /** Lock after this many minutes without any use of the extension's pages. */
  idleMinutes: number;
  /** Keep no secret on this device: copy and fill fetch it from the service each time. */
  keepNoSecrets: boolean;
}

export interface Attempts {
  failures: number;
  /** No unlock is tried before this time. */
  retryAt: number;
}

export const IDLE_CHOICES = [5, 15, 30, 60, 240] as const;
export const DEFAULT_LOCK_SETTINGS: LockSettings = { idleMinutes: 15, keepNoSecrets: false };

// storage.local: on disk. The meta holds only the salt and the wrapped data key.
const META_KEY = 'vault.v1';
const ATTEMPTS_KEY = 'vault.attempts.v1';
const SETTINGS_KEY = 'vault.settings.v1';
// storage.session: memory only, emptied when the browser closes, readable by the extension's own
// pages and background only (TRUSTED_CONTEXTS, the default). A CryptoKey cannot be stored there,
// so the unlocked data key waits as raw bytes: the service worker stops after 30 s idle and must
// find it again without asking for the passphrase.
const DATA_KEY = 'vault.key.v1';
const ACTIVITY_KEY = 'vault.activity.v1';

async function get<T>(area: 'local' | 'session', key: string): Promise<T | undefined> {
  return (await browser.storage[area].get(key))[key] as T | undefined;
}

async function put(area: 'local' | 'session', key: string, value: unknown): Promise<void> {
  if (value === null) await browser.storage[area].remove(key);
  else await browser.storage[area].set({ [key]: value });
}

export const loadMeta = (): Promise<VaultMeta | undefined> => get<VaultMeta>('local', META_KEY);
export const saveMeta = (meta: VaultMeta | null): Promise<void> => put('local', META_KEY, meta);

export async function loadKey(): Promise<CryptoKey | null> {
  const raw = await get<string>('session', DATA_KEY);
  return typeof raw === 'string' ? importKey(raw) : null;
}

export async function saveKey(key: CryptoKey | null): Promise<void> {
  await put('session', DATA_KEY, key && (await exportKey(key)));
}

export async function loadAttempts(): Promise<Attempts> {
  return (await get<Attempts>('local', ATTEMPTS_KEY)) ?? { failures: 0, retryAt: 0 };
}

export const saveAttempts = (attempts: Attempts | null): Promise<void> =>
  put('local', ATTEMPTS_KEY, attempts);

export async function loadLockSettings(): Promise<LockSettings> {
  const stored = await get<Partial<LockSettings>>('local', SETTINGS_KEY);
  const minutes = stored?.idleMinutes;
  return {
    idleMinutes: IDLE_CHOICES.includes(minutes as (typeof IDLE_CHOICES)[number])
      ? (minutes as number)
      : DEFAULT_LOCK_SETTINGS.idleMinutes,
    keepNoSecrets: stored?.keepNoSecrets === true,
  };
}

export const saveLockSettings = (settings: LockSettings): Promise<void> =>
  put('local', SETTINGS_KEY, settings);

export const touch = (now: number): Promise<void> => put('session', ACTIVITY_KEY, now);
export const lastActivity = async (): Promise<number | undefined> => get<number>('session', ACTIVITY_KEY);

/**
 * How long to wait after `failures` wrong passphrases: three tries free (typos), then 2 s,
 * doubling, at most 15 minutes. Each try also costs a 600,000-iteration derivation.
 */
export function unlockDelayMs(failures: number): number {
  return failures < 3 ? 0 : Math.min(15 * 60_000, 1000 * 2 ** (failures - 2));
}

/**
 * Calls `listener` when the lock is turned on or off, locked or unlocked (its meta or its key),
 * and not for the activity written on every use or anything else kept in extension storage.
 */
export function onLockChange(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string): void => {
    if ((area === 'local' && META_KEY in changes) || (area === 'session' && DATA_KEY in changes)) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
