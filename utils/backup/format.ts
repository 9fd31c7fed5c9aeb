import type { AccountSettings } from '../settings';
import type { DeviceData, GrantRecord, TokenRecord, UsageRecord } from '../store';
import type { CopyFormat } from '../tokens';

/**
 * What names the file as ours, and the version of its shape: a newer one is refused, not guessed
 * at. Version 1 held one `settings` for the device; version 2 (issue 15) holds `accountSettings`,
 * one entry per signed-in account. Both are read.
 */
export const BACKUP_FORMAT = 'w3s-tokens-backup';
export const BACKUP_VERSION = 2;
/** Far above any real backup (100,000 usage entries are about 15 MB): a bigger file is not read. */
export const MAX_BACKUP_BYTES = 25 * 1024 * 1024;
/** The note field's limit in a token's details. */
export const MAX_NOTE_LENGTH = 500;

/**
 * One token as the file keeps it: what only this device knows of it, and enough of what the
 * service said to show a revoked one. Never its secret, its sealed envelope or a waiting revoke
 * (the outbox belongs to the device that queued it); a revoke waiting here is exported as active.
 */
export interface BackupToken {
  service: string;
  account: string;
  id: string;
  name: string;
  created: string;
  createdMs: number;
  hasUploads: boolean;
  state: 'active' | 'revoked';
  note?: string;
  reviewBy?: number | null;
  rotatedTo?: string | null;
  lastCopiedAt: number | null;
  lastFilledAt: number | null;
  firstSeenAt: number;
  revokedAt: number | null;
  revokedHere: boolean;
}

export type BackupGrant = GrantRecord;
export type BackupUsage = UsageRecord;

export interface BackupSettings {
  syncMinutes: number;
  clipboardSeconds: number;
  copyFormat: CopyFormat;
}

/** One account's settings (version 2). */
export interface BackupAccountSettings extends BackupSettings {
  service: string;
  account: string;
}

/** A file as written (version 2), or as read: a version-1 file's device-wide `settings` kept as they were. */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  tokens: BackupToken[];
  grants: BackupGrant[];
  usage: BackupUsage[];
  accountSettings: BackupAccountSettings[];
  /** Version 1 only: the device's settings, the starting values of every account here without its own. */
  settings?: BackupSettings;
}

/** Picks each field by name, so nothing added to TokenRecord later (a secret) slips into a file. */
export function backupToken(record: TokenRecord): BackupToken {
  const token: BackupToken = {
    service: record.service,
    account: record.account,
    id: record.id,
    name: record.name,
    created: record.created,
    createdMs: record.createdMs,
    hasUploads: record.hasUploads,
    state: record.state === 'revoked' ? 'revoked' : 'active',
    lastCopiedAt: record.lastCopiedAt,
    lastFilledAt: record.lastFilledAt ?? null,
    firstSeenAt: record.firstSeenAt,
    revokedAt: record.revokedAt,
    revokedHere: record.revokedHere,
  };
  if (record.note) token.note = record.note;
  if (record.reviewBy != null) token.reviewBy = record.reviewBy;
  if (record.rotatedTo) token.rotatedTo = record.rotatedTo;
  return token;
}

/** The whole file: every account's local data on this device, and each signed-in account's settings. */
export function buildBackup(
  data: DeviceData,
  settings: ReadonlyArray<{ scope: { service: string; account: string }; settings: AccountSettings }>,
  now: number,
): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    tokens: data.tokens.map(backupToken),
    grants: data.grants.map((g) => ({
      service: g.service,
      account: g.account,
      tokenId: g.tokenId,
      origin: g.origin,
      grantedAt: g.grantedAt,
      ...(g.siteDefault ? { siteDefault: true } : {}),
    })),
    usage: data.usage.map((u) => ({
      service: u.service,
      account: u.account,
      tokenId: u.tokenId,
      kind: u.kind,
      origin: u.origin,
      at: u.at,
    })),
    // Field by field, as for tokens: nothing added to the settings later slips into a file unchecked.
    accountSettings: settings.map(({ scope, settings: s }) => ({
      service: scope.service,
      account: scope.account,
      syncMinutes: s.syncMinutes,
      clipboardSeconds: s.clipboardSeconds,
      copyFormat: s.copyFormat,
    })),
  };
}

/** `w3s-tokens-2026-12-05.json`: the day it was made, in the file's name. */
export function backupFileName(now: number): string {
  return `w3s-tokens-${new Date(now).toISOString().slice(0, 10)}.json`;
}
