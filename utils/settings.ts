import { browser } from 'wxt/browser';
import { type CopyFormat, isCopyFormat } from './copy-format';

export interface Settings {
  /** Minutes between background syncs. */
  syncMinutes: number;
}

export const SYNC_CHOICES = [5, 15, 30, 60] as const;
export const DEFAULT_SETTINGS: Settings = { syncMinutes: 15 };
const SETTINGS_KEY = 'settings.v1';

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as
    | Partial<Settings>
    | undefined;
  const minutes = stored?.syncMinutes;
  return {
    syncMinutes: SYNC_CHOICES.includes(minutes as (typeof SYNC_CHOICES)[number])
      ? (minutes as number)
      : DEFAULT_SETTINGS.syncMinutes,
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
