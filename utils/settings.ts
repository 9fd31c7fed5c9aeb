import { browser } from 'wxt/browser';
import { CLIPBOARD_CHOICES, DEFAULT_CLIPBOARD_SECONDS } from './clipboard';
import { type CopyFormat, isCopyFormat } from './tokens';

export interface Settings {
  /** Minutes between background syncs. */
  syncMinutes: number;
  /** Seconds after a copy before the clipboard is cleared; 0: never (utils/clipboard/rule.ts). */
  clipboardSeconds: number;
}

export const SYNC_CHOICES = [5, 15, 30, 60] as const;
export const DEFAULT_SETTINGS: Settings = { syncMinutes: 15, clipboardSeconds: DEFAULT_CLIPBOARD_SECONDS };
// Fields are only ever added to v1, each read with a default, so older stored settings still load.
const SETTINGS_KEY = 'settings.v1';

const oneOf = <T extends number>(choices: readonly T[], value: unknown, fallback: T): T =>
  choices.includes(value as T) ? (value as T) : fallback;

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as
    | Partial<Record<keyof Settings, unknown>>
    | undefined;
  return {
    syncMinutes: oneOf(SYNC_CHOICES, stored?.syncMinutes, DEFAULT_SETTINGS.syncMinutes),
    clipboardSeconds: oneOf(CLIPBOARD_CHOICES, stored?.clipboardSeconds, DEFAULT_CLIPBOARD_SECONDS),
  };
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

export function onSettingsChange(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener();
  });
}

const COPY_FORMAT_KEY = 'copyFormat.v1';

/** How Copy writes a token (issue 7); its own key, so the popup never rewrites the other settings. */
export async function loadCopyFormat(): Promise<CopyFormat> {
  const value = (await browser.storage.local.get(COPY_FORMAT_KEY))[COPY_FORMAT_KEY];
  return isCopyFormat(value) ? value : 'raw';
}

export async function saveCopyFormat(format: CopyFormat): Promise<void> {
  await browser.storage.local.set({ [COPY_FORMAT_KEY]: format });
}

/** Whether this device ever saved settings of its own: an import fills them in only when not. */
export async function hasOwnSettings(): Promise<boolean> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, COPY_FORMAT_KEY]);
  return stored[SETTINGS_KEY] !== undefined || stored[COPY_FORMAT_KEY] !== undefined;
}
