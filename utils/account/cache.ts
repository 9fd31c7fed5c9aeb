import { browser } from 'wxt/browser';
import type { AccountStatus } from '../api';
import type { Scope } from '../store';
import { accountKey } from './sessions';

/**
 * The last account status seen, per signed-in account (issue 15), so the popup can show a
 * restriction before it asks again. Version 1 held one status; it is read as the list of one.
 */
const ACCOUNT_KEY = 'accountStatus.v1';
const ACCOUNTS_KEY = 'accountStatus.v2';

function isStatus(value: unknown): value is AccountStatus {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return typeof s.service === 'string' && typeof s.account === 'string' && typeof s.checkedAt === 'number';
}

const keyOf = (scope: Scope): string => accountKey({ serviceUrl: scope.service, account: scope.account });

async function loadAll(): Promise<Record<string, AccountStatus>> {
  const stored = await browser.storage.local.get([ACCOUNTS_KEY, ACCOUNT_KEY]);
  const all: Record<string, AccountStatus> = {};
  const v1 = stored[ACCOUNT_KEY];
  if (isStatus(v1)) all[keyOf(v1)] = v1;
  const map = stored[ACCOUNTS_KEY];
  if (typeof map === 'object' && map !== null)
    for (const value of Object.values(map)) if (isStatus(value)) all[keyOf(value)] = value;
  return all;
}

/** The cached status of `scope`'s account; another account's never counts. */
export async function loadAccountStatus(scope: Scope): Promise<AccountStatus | null> {
  const value = (await loadAll())[keyOf(scope)];
  return value && value.service === scope.service && value.account === scope.account ? value : null;
}

export async function saveAccountStatus(status: AccountStatus): Promise<void> {
  const all = await loadAll();
  all[keyOf(status)] = status;
  await browser.storage.local.set({ [ACCOUNTS_KEY]: all });
  await browser.storage.local.remove(ACCOUNT_KEY);
}
