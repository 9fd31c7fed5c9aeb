import { listSessions } from '../account';
import { hasOwnSettings, loadAccountSettings, saveAccountSettings } from '../settings';
import { openTokenDb } from '../store';
import { announceChange } from '../sync';
import type { BackupDeps } from './model';

/** The options page's real adapters for export and import; `imported` runs after each import. */
export function pageBackupDeps(imported?: () => void): BackupDeps {
  return {
    openDb: () => openTokenDb(),
    listAccounts: async () =>
      (await listSessions()).map((s) => ({ service: s.serviceUrl, account: s.account })),
    loadSettings: loadAccountSettings,
    saveSettings: saveAccountSettings,
    hasOwnSettings,
    announce: (scopes) => {
      for (const scope of scopes) announceChange(scope);
      imported?.();
    },
    now: Date.now,
  };
}
