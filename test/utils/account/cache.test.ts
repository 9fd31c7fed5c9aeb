import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadAccountStatus, saveAccountStatus } from '../../../utils/account/cache';
import type { AccountStatus } from '../../../utils/api';

const status = (account: string, restricted: boolean): AccountStatus =>
  ({ service: 'http://svc.test', account, checkedAt: 5, restricted }) as unknown as AccountStatus;

describe('the account status cache', () => {
  it('should keep one status per account, and read a version-1 status as its account’s', async () => {
    await fakeBrowser.storage.local.set({ 'accountStatus.v1': status('A', true) });
    expect(await loadAccountStatus({ service: 'http://svc.test', account: 'A' })).toEqual(status('A', true));
    expect(await loadAccountStatus({ service: 'http://svc.test', account: 'B' })).toBeNull();
    await saveAccountStatus(status('B', false));
    expect(await loadAccountStatus({ service: 'http://svc.test', account: 'A' })).toEqual(status('A', true));
    expect(await loadAccountStatus({ service: 'http://svc.test', account: 'B' })).toEqual(status('B', false));
    expect(await loadAccountStatus({ service: 'http://other.test', account: 'B' })).toBeNull();
  });
});
