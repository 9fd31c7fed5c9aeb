import { type Signal, signal } from '@preact/signals';
import { t } from '../lib';
import type { Settings } from '../settings';
import { mergeDeviceData, readDeviceData, type Scope, type TokenDatabase } from '../store';
import type { CopyFormat } from '../tokens';
import { type BackupSettings, backupFileName, buildBackup, MAX_BACKUP_BYTES } from './format';
import { planImport } from './merge';
import { parseBackup } from './parse';
import { describeImport } from './summary';

export interface BackupDeps {
  openDb(): Promise<TokenDatabase>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  loadCopyFormat(): Promise<CopyFormat>;
  saveCopyFormat(format: CopyFormat): Promise<void>;
  /** Whether this device saved settings of its own (then the file's are not taken). */
  hasOwnSettings(): Promise<boolean>;
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
    const [data, settings, copyFormat] = await Promise.all([
      withDb(deps, readDeviceData),
      deps.loadSettings(),
      deps.loadCopyFormat(),
    ]);
    const now = deps.now();
    const file = buildBackup(data, { ...settings, copyFormat }, now);
    const n = file.tokens.length;
    message.value = { text: n === 1 ? t('exportDoneOne') : t('exportDoneMany', String(n)), error: false };
    return { name: backupFileName(now), text: JSON.stringify(file, null, 2) };
  }

  async function applySettings(settings: BackupSettings): Promise<boolean> {
    if (await deps.hasOwnSettings()) return false;
    const { copyFormat, ...rest } = settings;
    await Promise.all([deps.saveSettings(rest), deps.saveCopyFormat(copyFormat)]);
    return true;
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
      const settings = await applySettings(parsed.file.settings);
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
