import { t } from './i18n';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** "0 B", "512 B", "1.2 GiB", "1 TiB": binary units, one decimal only where it says something. */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = unit === 0 || value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${UNITS[unit]}`;
}

/**
 * The service's `storageLimitBytes` is a string of digits, and may be absent (api-contract.md,
 * `/user/account`): null when missing or not a whole number.
 */
export function parseLimit(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return null;
  const limit = Number(value);
  return limit > 0 && Number.isFinite(limit) ? limit : null;
}

/** "1.2 GiB of 1 TiB", or "1.2 GiB (no limit given)" when the service sends none. */
export function describeStorage(used: number, limit: number | null): string {
  if (limit === null) return t('storageNoLimit', formatBytes(used));
  return t('storageOf', formatBytes(used), formatBytes(limit));
}

/** Share of the limit used, 0–100, for a meter; null without a limit. */
export function storagePercent(used: number, limit: number | null): number | null {
  if (limit === null) return null;
  return Math.min(100, Math.max(0, (used / limit) * 100));
}
