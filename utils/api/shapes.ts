/**
 * Checks of what the service sent, so nothing of the wrong shape reaches the store.
 * A response that fails a check is rejected whole: a half-read list would look like revoked tokens.
 */

import { parseLimit } from '../lib';

export interface ApiToken {
  /** A bigint rendered as text; never parse it as a number (ids exceed 2^53). */
  id: string;
  name: string;
  secret: string;
  /** Postgres timestamptz text, e.g. 2021-11-29T16:08:33.077+00:00. */
  created: string;
  hasUploads: boolean;
}

export interface ServiceVersion {
  version: string;
  mode: string;
}

export interface AccountInfo {
  id: string;
  email: string;
  name: string;
  accountRestricted: boolean;
}

/** `GET /user/account`: bytes stored, and the limit when the service gives one. */
export interface StorageUsage {
  usedBytes: number;
  /** `storageLimitBytes` is a string of digits, and may be absent (api-contract.md). */
  limitBytes: number | null;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own string property, or undefined; inherited keys such as `__proto__` never count. */
function str(obj: Json, key: string): string | undefined {
  const value = Object.hasOwn(obj, key) ? obj[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function idOf(obj: Json): string | undefined {
  const value = Object.hasOwn(obj, '_id') ? obj._id : undefined;
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  // A number is only trusted while it is exact.
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

export function parseToken(value: unknown): ApiToken | undefined {
  if (!isObject(value)) return undefined;
  const id = idOf(value);
  const name = str(value, 'name');
  const secret = str(value, 'secret');
  const created = str(value, 'created');
  if (id === undefined || name === undefined || secret === undefined || created === undefined)
    return undefined;
  // An ISO date first: V8's Date.parse would also read "1" as a year.
  if (!/^\d{4}-\d{2}-\d{2}/.test(created) || Number.isNaN(Date.parse(created))) return undefined;
  const hasUploads = Object.hasOwn(value, 'hasUploads') && value.hasUploads === true;
  return { id, name, secret, created, hasUploads };
}

export function parseTokenList(value: unknown): ApiToken[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const tokens: ApiToken[] = [];
  for (const item of value) {
    const token = parseToken(item);
    if (!token) return undefined;
    tokens.push(token);
  }
  return tokens;
}

/** `{_id}` from a create or a delete; null for an empty or id-less body. */
export function parseIdBody(value: unknown): string | null {
  return isObject(value) ? (idOf(value) ?? null) : null;
}

export function parseVersion(value: unknown): ServiceVersion | undefined {
  if (!isObject(value)) return undefined;
  const version = str(value, 'version');
  const mode = str(value, 'mode');
  return version !== undefined && mode !== undefined ? { version, mode } : undefined;
}

export function parseAccountInfo(value: unknown): AccountInfo | undefined {
  const info = isObject(value) && Object.hasOwn(value, 'info') ? value.info : undefined;
  if (!isObject(info)) return undefined;
  const id = idOf(info);
  if (id === undefined) return undefined;
  const tags = Object.hasOwn(info, 'tags') && isObject(info.tags) ? info.tags : {};
  return {
    id,
    email: str(info, 'email') ?? '',
    name: str(info, 'name') ?? '',
    accountRestricted: Object.hasOwn(tags, 'HasAccountRestriction') && tags.HasAccountRestriction === true,
  };
}

export function parseStorageUsage(value: unknown): StorageUsage | undefined {
  if (!isObject(value) || !Object.hasOwn(value, 'usedStorage') || !isObject(value.usedStorage))
    return undefined;
  const used = value.usedStorage;
  const total = Object.hasOwn(used, 'total') ? used.total : undefined;
  if (typeof total !== 'number' || !Number.isFinite(total) || total < 0) return undefined;
  const limit = Object.hasOwn(value, 'storageLimitBytes') ? value.storageLimitBytes : undefined;
  return { usedBytes: total, limitBytes: parseLimit(limit) };
}
