import { hasOwnSettings, loadCopyFormat, loadSettings, saveCopyFormat, saveSettings } from '../settings';
import { openTokenDb } from '../store';
import { announceChange } from '../sync';
import type { BackupDeps } from './model';

/** The options page's real adapters for export and import; `imported` runs after each import. */
export function pageBackupDeps(imported?: () => void): BackupDeps {
  return {
    openDb: () => openTokenDb(),
    loadSettings,
    saveSettings,
    loadCopyFormat,
    saveCopyFormat,
    hasOwnSettings,
    announce: (scopes) => {
      for (const scope of scopes) announceChange(scope);
      imported?.();
    },
    now: Date.now,
  };
}
