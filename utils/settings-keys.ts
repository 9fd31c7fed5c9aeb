import type { Scope } from './store';
import { type CopyFormat, isCopyFormat } from './tokens';

// Where the settings (settings.ts) live in storage.local, and how a copy format is read from
// them, apart from the settings' code.

/**
 * Version 1: the device-wide settings of earlier versions, and the copy format in its own key.
 * Never removed and never moved: they are the starting values of every account without settings
 * of its own (signed in before the upgrade or later), and what the options page sets while
 * nobody is signed in. Fields are only ever added, each read with a default.
 */
export const DEVICE_KEY = 'settings.v1';
export const DEVICE_FORMAT_KEY = 'copyFormat.v1';
/** Version 2: one record per account, `settings.v2:<service> <account>` (the account key of sessions.ts). */
export const ACCOUNT_PREFIX = 'settings.v2:';

/** The storage key of `scope`'s settings; null (nobody signed in): the device-wide starting values. */
export const settingsKey = (scope: Scope | null): string | null =>
  scope ? `${ACCOUNT_PREFIX}${scope.service} ${scope.account}` : null;

/** The keys that say how Copy writes a token in `scope`'s account. */
export function copyFormatKeys(scope: Scope | null): string[] {
  return [DEVICE_FORMAT_KEY, settingsKey(scope) ?? DEVICE_FORMAT_KEY];
}

/** `scope`'s own copy format, else the device-wide one, else raw; `stored` holds copyFormatKeys. */
export function copyFormatOf(stored: Record<string, unknown>, scope: Scope | null): CopyFormat {
  // Signed out, the key is the device's own (a string, so no record's field is read from it).
  const own = stored[settingsKey(scope) ?? DEVICE_FORMAT_KEY];
  const format =
    typeof own === 'object' && own !== null ? (own as { copyFormat?: unknown }).copyFormat : undefined;
  const device = stored[DEVICE_FORMAT_KEY];
  return isCopyFormat(format) ? format : isCopyFormat(device) ? device : 'raw';
}
