import { browser } from 'wxt/browser';
import type { AccountStatus } from '../api';
import type { Scope } from '../store';

/** The last account status seen, so the popup can show a restriction before it asks again. */
const ACCOUNT_KEY = 'accountStatus.v1';

function isStatus(value: unknown): value is AccountStatus {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return typeof s.service === 'string' && typeof s.account === 'string' && typeof s.checkedAt === 'number';
}

/** The cached status of `scope`'s account; another account's never counts. */
export async function loadAccountStatus(scope: Scope): Promise<AccountStatus | null> {
  const value = (await browser.storage.local.get(ACCOUNT_KEY))[ACCOUNT_KEY];
  return isStatus(value) && value.service === scope.service && value.account === scope.account ? value : null;
}

export async function saveAccountStatus(status: AccountStatus): Promise<void> {
  await browser.storage.local.set({ [ACCOUNT_KEY]: status });
}
