import { type Signal, signal } from '@preact/signals';
import { t } from '../lib';
import type { AccountSettings } from '../settings';
import { mergeDeviceData, readDeviceData, type Scope, type TokenDatabase } from '../store';
import { type BackupFile, backupFileName, buildBackup, MAX_BACKUP_BYTES } from './format';
import { planImport } from './merge';
import { parseBackup } from './parse';
import { describeImport } from './summary';

export interface BackupDeps {
  openDb(): Promise<TokenDatabase>;
  /** The accounts signed in here: their settings travel (issue 15). */
  listAccounts(): Promise<Scope[]>;
  /** The settings of each of `scopes`, in order. */
  loadSettings(scopes: readonly Scope[]): Promise<AccountSettings[]>;
  saveSettings(scope: Scope, settings: AccountSettings): Promise<void>;
  /** Whether this device already has settings for `scope`'s account (then the file's are not taken). */
  hasOwnSettings(scope: Scope): Promise<boolean>;
  /** Tells the open pages and the background that these accounts' records changed. */
  announce(scopes: readonly Scope[]): void;
  now(): number;
}

/** A file the person chose: its size before it is read, and its text. */
export interface ChosenFile {
  size: number;
  text(): Promise<string>;
}

export interface BackupModel {
  busy: Signal<boolean>;
  /** The last export's or import's one sentence; `error` for a refusal. */
  message: Signal<{ text: string; error: boolean } | null>;
  /** The file to save: its name and JSON text (never a secret). */
  exportFile(): Promise<{ name: string; text: string }>;
  importFile(file: ChosenFile): Promise<void>;
}

/** Opens its own connection and closes it after: the options page keeps none open for this. */
async function withDb<T>(deps: BackupDeps, use: (db: TokenDatabase) => Promise<T>): Promise<T> {
  const db = await deps.openDb();
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

/** Export and import of what exists only on this device (issue 15), for the options page. */
export function createBackupModel(deps: BackupDeps): BackupModel {
  const busy = signal(false);
  const message = signal<{ text: string; error: boolean } | null>(null);

  async function exportFile(): Promise<{ name: string; text: string }> {
    const scopes = await deps.listAccounts();
    const [data, settings] = await Promise.all([withDb(deps, readDeviceData), deps.loadSettings(scopes)]);
    const now = deps.now();
    const owned = scopes.flatMap((scope, i) => (settings[i] ? [{ scope, settings: settings[i] }] : []));
    const file = buildBackup(data, owned, now);
    const n = file.tokens.length;
    message.value = { text: n === 1 ? t('exportDoneOne') : t('exportDoneMany', String(n)), error: false };
    return { name: backupFileName(now), text: JSON.stringify(file, null, 2) };
  }

  /**
   * Each account signed in here that has no settings of its own takes the file's for it (a
   * version-1 file's device-wide ones for every such account); an account not signed in here is
   * skipped, as its tokens are. Returns how many accounts took settings.
   */
  async function applySettings(file: BackupFile): Promise<number> {
    const same = (a: Scope) => (b: Scope) => a.service === b.service && a.account === b.account;
    let taken = 0;
    for (const scope of await deps.listAccounts()) {
      const entry = file.accountSettings.find(same(scope)) ?? file.settings;
      if (!entry || (await deps.hasOwnSettings(scope))) continue;
      const { syncMinutes, clipboardSeconds, copyFormat } = entry;
      await deps.saveSettings(scope, { syncMinutes, clipboardSeconds, copyFormat });
      taken++;
    }
    return taken;
  }

  async function importFile(chosen: ChosenFile): Promise<void> {
    busy.value = true;
    try {
      // Refused before reading: a file this large is not a backup, and reading it costs memory.
      if (chosen.size > MAX_BACKUP_BYTES) {
        message.value = { text: t('importTooLarge', '25 MB'), error: true };
        return;
      }
      const raw = await chosen.text().catch(() => null);
      const parsed = raw === null ? { ok: false as const, message: t('importUnreadable') } : parseBackup(raw);
      if (!parsed.ok) {
        message.value = { text: parsed.message, error: true };
        return;
      }
      const file = parsed.file;
      const plan = await withDb(deps, (db) =>
        mergeDeviceData(db, (here) => planImport(here, file, deps.now())),
      ).catch(() => null);
      if (!plan) {
        message.value = { text: t('importFailed'), error: true };
        return;
      }
      const settings = (await applySettings(parsed.file)) > 0;
      const scopes = new Map(
        [...plan.tokens, ...plan.grants, ...plan.usage].map((r) => [`${r.service} ${r.account}`, r]),
      );
      deps.announce([...scopes.values()].map(({ service, account }) => ({ service, account })));
      message.value = { text: describeImport(plan.counts, settings), error: false };
    } finally {
      busy.value = false;
    }
  }

  return { busy, message, exportFile, importFile };
}
