// utils/backup/: export and import of what exists only on this device (issue 15): notes, review
// dates, site grants and defaults, the usage record, revoked history and settings, as one JSON
// file that never holds a secret. The file's shape and building it (format), reading it back
// with a sentence for every refusal (parse), merging it into what is here without losing
// anything (merge), the import's one sentence (summary), the options page's model (model) and
// its real adapters (page).
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupFile,
  buildBackup,
  MAX_BACKUP_BYTES,
} from './format';
export { type ImportCounts, type ImportPlan, planImport } from './merge';
export { type BackupDeps, type BackupModel, type ChosenFile, createBackupModel } from './model';
export { pageBackupDeps } from './page';
export { parseBackup } from './parse';
export { describeImport } from './summary';
