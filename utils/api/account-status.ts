import { ok, type Result, t } from '../lib';
import type { Scope } from '../store';
import type { ApiClient } from './client';

/**
 * What the service says of the account (issue 7): its restriction (`/user/info` tags) and storage
 * (`/user/account`). Null where the service does not say: a server without those routes
 * (test/helpers/independent-server.ts) is neither restricted nor limited as far as we know.
 */
export interface AccountStatus extends Scope {
  restricted: boolean | null;
  usedBytes: number | null;
  limitBytes: number | null;
  checkedAt: number;
}

/** Asks both routes at once. A 404 means the service lacks the route; any other failure fails the whole. */
export async function fetchAccountStatus(
  api: ApiClient,
  scope: Scope,
  now: number,
): Promise<Result<AccountStatus>> {
  const [info, usage] = await Promise.all([api.accountInfo(), api.storageUsage()]);
  for (const res of [info, usage]) if (!res.ok && res.error.code !== 'not-found') return res;
  return ok({
    ...scope,
    restricted: info.ok ? info.value.accountRestricted : null,
    usedBytes: usage.ok ? usage.value.usedBytes : null,
    limitBytes: usage.ok ? usage.value.limitBytes : null,
    checkedAt: now,
  });
}

/**
 * Why Create is off, or null. The original website disabled its create button with a tooltip when
 * `tags.HasAccountRestriction` was set; the service itself still accepts the request.
 */
export function restrictionNotice(status: AccountStatus | null): string | null {
  if (!status?.restricted) return null;
  return t('accountRestricted');
}
