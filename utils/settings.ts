import { browser } from 'wxt/browser';
import { CLIPBOARD_CHOICES, DEFAULT_CLIPBOARD_SECONDS } from './clipboard';
import type { Scope } from './store';
import { type CopyFormat, isCopyFormat } from './tokens';

// Where the settings live in storage.local.

/**
 * Version 1: the device-wide settings of earlier versions, and the copy format in its own key.
 * Never removed and never moved: they are the starting values of every account without settings
 * of its own (signed in before the upgrade or later), and what the options page sets while
 * nobody is signed in. Fields are only ever added, each read with a default.
 */
const DEVICE_KEY = 'settings.v1';
const DEVICE_FORMAT_KEY = 'copyFormat.v1';
/** Version 2: one record per account, `settings.v2:<service> <account>` (the account key of sessions.ts). */
const ACCOUNT_PREFIX = 'settings.v2:';

/** The storage key of `scope`'s settings; null (nobody signed in): the device-wide starting values. */
const settingsKey = (scope: Scope | null): string | null =>
  scope ? `${ACCOUNT_PREFIX}${scope.service} ${scope.account}` : null;

/** The keys that say how Copy writes a token in `scope`'s account. */
function copyFormatKeys(scope: Scope | null): string[] {
  return [DEVICE_FORMAT_KEY, settingsKey(scope) ?? DEVICE_FORMAT_KEY];
}

/** `scope`'s own copy format, else the device-wide one, else raw; `stored` holds copyFormatKeys. */
function copyFormatOf(stored: Record<string, unknown>, scope: Scope | null): CopyFormat {
  // Signed out, the key is the device's own (a string, so no record's field is read from it).
  const own = stored[settingsKey(scope) ?? DEVICE_FORMAT_KEY];
  const format =
    typeof own === 'object' && own !== null ? (own as { copyFormat?: unknown }).copyFormat : undefined;
  const device = stored[DEVICE_FORMAT_KEY];
  return isCopyFormat(format) ? format : isCopyFormat(device) ? device : 'raw';
}

export interface Settings {
  /** Minutes between background syncs. */
  syncMinutes: number;
  /** Seconds after a copy before the clipboard is cleared; 0: never (utils/clipboard/rule.ts). */
  clipboardSeconds: number;
}

/** Every setting an account has: Sync, Clipboard and its copy format. */
export type AccountSettings = Settings & { copyFormat: CopyFormat };

/** One account's settings as they are stored (issue 15): every field optional, each read with a default. */
interface StoredAccountSettings {
  syncMinutes?: unknown;
  clipboardSeconds?: unknown;
  copyFormat?: unknown;
}

export const SYNC_CHOICES = [5, 15, 30, 60] as const;
export const DEFAULT_SETTINGS: Settings = { syncMinutes: 15, clipboardSeconds: DEFAULT_CLIPBOARD_SECONDS };
const oneOf = <T extends number>(choices: readonly T[], value: unknown, fallback: T): T =>
  choices.includes(value as T) ? (value as T) : fallback;

const asRecord = (value: unknown): StoredAccountSettings =>
  typeof value === 'object' && value !== null ? (value as StoredAccountSettings) : {};

/** Each field from the account's record, else the device-wide value, else the default. */
function resolve(own: StoredAccountSettings, device: StoredAccountSettings): AccountSettings {
  const syncMinutes = oneOf(SYNC_CHOICES, device.syncMinutes, DEFAULT_SETTINGS.syncMinutes);
  const clipboardSeconds = oneOf(CLIPBOARD_CHOICES, device.clipboardSeconds, DEFAULT_CLIPBOARD_SECONDS);
  const deviceFormat = isCopyFormat(device.copyFormat) ? device.copyFormat : 'raw';
  return {
    syncMinutes: oneOf(SYNC_CHOICES, own.syncMinutes, syncMinutes),
    clipboardSeconds: oneOf(CLIPBOARD_CHOICES, own.clipboardSeconds, clipboardSeconds),
    copyFormat: isCopyFormat(own.copyFormat) ? own.copyFormat : deviceFormat,
  };
}

/** Every setting of each account in `scopes` (null: the device-wide ones), in one storage read. */
export async function loadAccountSettings(
  scopes: ReadonlyArray<Scope | null>,
): Promise<Array<AccountSettings>> {
  const keys = scopes.map(settingsKey).filter((key): key is string => key !== null);
  const stored = await browser.storage.local.get([DEVICE_KEY, DEVICE_FORMAT_KEY, ...keys]);
  const device = { ...asRecord(stored[DEVICE_KEY]), copyFormat: stored[DEVICE_FORMAT_KEY] };
  return scopes.map((scope) => {
    const key = settingsKey(scope);
    return resolve(key ? asRecord(stored[key]) : device, device);
  });
}

/** The sync interval and clipboard delay of `scope`'s account (null: the device-wide starting values). */
export async function loadSettings(scope: Scope | null): Promise<Settings> {
  const [loaded = DEFAULT_SETTINGS] = await loadAccountSettings([scope]);
  return { syncMinutes: loaded.syncMinutes, clipboardSeconds: loaded.clipboardSeconds };
}

/**
 * How Copy writes a token in `scope`'s account (issue 7): its own, else the device-wide one. Its
 * own reads, apart from loadAccountSettings, keep the popup from carrying the other settings' rules.
 */
export async function loadCopyFormat(scope: Scope | null): Promise<CopyFormat> {
  return copyFormatOf(await browser.storage.local.get(copyFormatKeys(scope)), scope);
}

/**
 * Writes only the fields given, into `scope`'s record (null: the device-wide keys), so the
 * popup's copy format never rewrites the options page's other settings.
 */
export async function saveAccountSettings(
  scope: Scope | null,
  change: Partial<AccountSettings>,
): Promise<void> {
  const key = settingsKey(scope);
  if (key === null) {
    const { copyFormat, ...rest } = change;
    const device = asRecord((await browser.storage.local.get(DEVICE_KEY))[DEVICE_KEY]);
    if (Object.keys(rest).length > 0)
      await browser.storage.local.set({ [DEVICE_KEY]: { ...device, ...rest } });
    if (copyFormat) await browser.storage.local.set({ [DEVICE_FORMAT_KEY]: copyFormat });
    return;
  }
  const own = asRecord((await browser.storage.local.get(key))[key]);
  await browser.storage.local.set({ [key]: { ...own, ...change } });
}

export const saveSettings = (scope: Scope | null, settings: Settings): Promise<void> =>
  saveAccountSettings(scope, settings);

export async function saveCopyFormat(scope: Scope | null, copyFormat: CopyFormat): Promise<void> {
  const key = settingsKey(scope);
  if (key === null) return browser.storage.local.set({ [DEVICE_FORMAT_KEY]: copyFormat });
  const own = asRecord((await browser.storage.local.get(key))[key]);
  await browser.storage.local.set({ [key]: { ...own, copyFormat } });
}

/**
 * Whether this device already has settings for `scope`'s account: its own record, or the
 * device-wide ones of earlier versions, which are its values since the upgrade. An import fills
 * settings in only when not.
 */
export async function hasOwnSettings(scope: Scope): Promise<boolean> {
  const key = settingsKey(scope) as string;
  const stored = await browser.storage.local.get([DEVICE_KEY, DEVICE_FORMAT_KEY, key]);
  return [DEVICE_KEY, DEVICE_FORMAT_KEY, key].some((k) => stored[k] !== undefined);
}

/** Signing out of an account forgets its settings; the device-wide starting values stay. */
export async function removeSettings(scope: Scope): Promise<void> {
  await browser.storage.local.remove(settingsKey(scope) as string);
}

/** Calls `listener` when any account's settings or the device-wide ones change. Returns the unsubscribe function. */
export function onSettingsChange(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string): void => {
    const touched = Object.keys(changes).some(
      (key) => key === DEVICE_KEY || key === DEVICE_FORMAT_KEY || key.startsWith(ACCOUNT_PREFIX),
    );
    if (area === 'local' && touched) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
