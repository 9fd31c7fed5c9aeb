import { CLIPBOARD_CHOICES } from '../clipboard';
import { t } from '../lib';
import { SYNC_CHOICES } from '../settings';
import { isCopyFormat } from '../tokens';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupAccountSettings,
  type BackupFile,
  type BackupGrant,
  type BackupSettings,
  type BackupToken,
  type BackupUsage,
  MAX_BACKUP_BYTES,
  MAX_NOTE_LENGTH,
} from './format';

export type Parsed = { ok: true; file: BackupFile } | { ok: false; message: string };

// Hand-written guards in the manner of utils/api/shapes.ts: each check names the place that is
// wrong (`tokens[3].note`), and the first wrong place refuses the whole file.
type Obj = Record<string, unknown>;
class Damaged extends Error {}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
function need(ok: boolean, where: string): void {
  if (!ok) throw new Damaged(where);
}
const text = (v: unknown, max = 2048): boolean => typeof v === 'string' && v.length <= max;
const id = (v: unknown): boolean => typeof v === 'string' && v !== '' && v.length <= 256;
const time = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const maybeTime = (v: unknown): boolean => v === null || time(v);
const absent = (o: Obj, key: string): boolean => !(key in o) || o[key] === undefined;

/** An http(s) origin exactly as the browser writes it: a grant lets a fill go there unasked. */
function isOrigin(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    const url = new URL(v);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === v;
  } catch {
    return false;
  }
}

function scope(o: Obj, at: string): void {
  need(isOrigin(o.service), `${at}.service`);
  need(id(o.account), `${at}.account`);
}

function checkToken(o: unknown, at: string): asserts o is BackupToken {
  need(isObj(o), at);
  const v = o as Obj;
  scope(v, at);
  need(id(v.id), `${at}.id`);
  need(text(v.name), `${at}.name`);
  need(text(v.created, 64) && time(v.createdMs), `${at}.created`);
  need(typeof v.hasUploads === 'boolean', `${at}.hasUploads`);
  need(v.state === 'active' || v.state === 'revoked', `${at}.state`);
  need(absent(v, 'note') || text(v.note, MAX_NOTE_LENGTH), `${at}.note`);
  need(absent(v, 'reviewBy') || maybeTime(v.reviewBy), `${at}.reviewBy`);
  need(absent(v, 'rotatedTo') || v.rotatedTo === null || id(v.rotatedTo), `${at}.rotatedTo`);
  need(maybeTime(v.lastCopiedAt), `${at}.lastCopiedAt`);
  need(maybeTime(v.lastFilledAt), `${at}.lastFilledAt`);
  need(time(v.firstSeenAt), `${at}.firstSeenAt`);
  need(maybeTime(v.revokedAt), `${at}.revokedAt`);
  need(typeof v.revokedHere === 'boolean', `${at}.revokedHere`);
}

function checkGrant(o: unknown, at: string): asserts o is BackupGrant {
  need(isObj(o), at);
  const v = o as Obj;
  scope(v, at);
  need(id(v.tokenId), `${at}.tokenId`);
  need(isOrigin(v.origin), `${at}.origin`);
  need(time(v.grantedAt), `${at}.grantedAt`);
  need(absent(v, 'siteDefault') || typeof v.siteDefault === 'boolean', `${at}.siteDefault`);
}

function checkUsage(o: unknown, at: string): asserts o is BackupUsage {
  need(isObj(o), at);
  const v = o as Obj;
  scope(v, at);
  need(id(v.tokenId), `${at}.tokenId`);
  need(v.kind === 'copy' || v.kind === 'fill', `${at}.kind`);
  need(v.kind === 'copy' ? v.origin === null : isOrigin(v.origin), `${at}.origin`);
  need(time(v.at), `${at}.at`);
}

function checkSettings(o: unknown, at = 'settings'): asserts o is BackupSettings {
  need(isObj(o), at);
  const v = o as Obj;
  need((SYNC_CHOICES as readonly unknown[]).includes(v.syncMinutes), `${at}.syncMinutes`);
  need((CLIPBOARD_CHOICES as readonly unknown[]).includes(v.clipboardSeconds), `${at}.clipboardSeconds`);
  need(isCopyFormat(v.copyFormat), `${at}.copyFormat`);
}

/** Version 2: one account's settings; an account named twice is refused (which would win?). */
function checkAccountSettings(seen: Set<string>) {
  return (o: unknown, at: string): asserts o is BackupAccountSettings => {
    checkSettings(o, at);
    const v = o as unknown as Obj;
    scope(v, at);
    const key = JSON.stringify([v.service, v.account]);
    need(!seen.has(key), `${at}.account`);
    seen.add(key);
  };
}

function list<T>(o: Obj, key: string, check: (item: unknown, at: string) => asserts item is T): T[] {
  const items = o[key];
  need(Array.isArray(items), key);
  for (const [i, item] of (items as unknown[]).entries()) check(item, `${key}[${i}]`);
  return items as T[];
}

/**
 * Reads a backup file's text (version 1 or 2), or says in one sentence why it will not be
 * imported: too large, not JSON, not our format, a newer version, or the first place whose type
 * is wrong.
 */
export function parseBackup(raw: string, bytes = raw.length): Parsed {
  if (bytes > MAX_BACKUP_BYTES) return { ok: false, message: t('importTooLarge', '25 MB') };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, message: t('importNotJson') };
  }
  if (!isObj(data) || data.format !== BACKUP_FORMAT) return { ok: false, message: t('importWrongFormat') };
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1)
    return { ok: false, message: t('importWrongTypes', 'version') };
  if (data.version > BACKUP_VERSION)
    return { ok: false, message: t('importNewerVersion', String(data.version)) };
  try {
    need(text(data.exportedAt, 64), 'exportedAt');
    const tokens = list(data, 'tokens', checkToken);
    const grants = list(data, 'grants', checkGrant);
    const usage = list(data, 'usage', checkUsage);
    const file: BackupFile = {
      format: BACKUP_FORMAT,
      version: data.version,
      exportedAt: data.exportedAt as string,
      tokens,
      grants,
      usage,
      accountSettings: [],
    };
    // Version 1: the device's settings; version 2: each account's (issue 15).
    if (data.version === 1) {
      checkSettings(data.settings);
      file.settings = data.settings;
    } else file.accountSettings = list(data, 'accountSettings', checkAccountSettings(new Set()));
    return { ok: true, file };
  } catch (error) {
    if (error instanceof Damaged) return { ok: false, message: t('importWrongTypes', error.message) };
    throw error;
  }
}
