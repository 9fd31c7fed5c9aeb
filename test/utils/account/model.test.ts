import { describe, expect, it, vi } from 'vitest';
import { createAccountModel } from '../../../utils/account/model';
import type { Session } from '../../../utils/account/session';
import type { AccountStatus } from '../../../utils/api/account-status';
import { fetchAccountStatus } from '../../../utils/api/account-status';
import { createFakeApi } from '../../helpers/fake-api';

const session: Session = {
  serviceUrl: 'http://127.0.0.1:8787',
  credential: 'w3ss_x',
  account: '42',
  email: '',
};
const scope = { service: session.serviceUrl, account: session.account };

function setup(cached: AccountStatus | null = null) {
  const fake = createFakeApi();
  const saved: AccountStatus[] = [];
  const model = createAccountModel({
    loadSession: async () => session,
    engine: { account: () => fetchAccountStatus(fake.api, scope, 1000) },
    loadStatus: async () => cached,
    saveStatus: async (status) => {
      saved.push(status);
    },
  });
  return { fake, model, saved };
}

describe('fetchAccountStatus', () => {
  it('should read the restriction and the storage', async () => {
    const { fake } = setup();
    fake.restrict(true);
    const res = await fetchAccountStatus(fake.api, scope, 5);
    expect(res.ok && res.value).toStrictEqual({
      ...scope,
      restricted: true,
      usedBytes: 1288490189,
      limitBytes: 1099511627776,
      checkedAt: 5,
    });
  });

  it('should leave unknown what a server without /user/info and /user/account does not say', async () => {
    const { fake } = setup();
    const notFound = { code: 'not-found' as const, status: 404, message: 'Not found.' };
    fake.failNext('accountInfo', notFound);
    fake.failNext('storageUsage', notFound);
    const res = await fetchAccountStatus(fake.api, scope, 5);
    expect(res.ok && res.value).toMatchObject({ restricted: null, usedBytes: null, limitBytes: null });
  });

  it('should fail whole on any other error', async () => {
    const { fake } = setup();
    fake.failNext('storageUsage', { code: 'network', message: 'Can’t reach the token service.' });
    expect((await fetchAccountStatus(fake.api, scope, 5)).ok).toBe(false);
  });
});

describe('account model', () => {
  it('should turn Create off with a reason on a restricted account, and save what it learnt', async () => {
    const { fake, model, saved } = setup();
    fake.restrict(true);
    await model.start();
    expect(model.restriction.value).toMatch(/restricted, so new tokens can’t be created/);
    expect(saved).toHaveLength(1);
    fake.restrict(false);
    await model.start();
    expect(model.restriction.value).toBeNull();
  });

  it('should keep the cached restriction when the service cannot be reached, and say why', async () => {
    const cached: AccountStatus = {
      ...scope,
      restricted: true,
      usedBytes: 1,
      limitBytes: null,
      checkedAt: 1,
    };
    const { fake, model } = setup(cached);
    fake.failNext('accountInfo', { code: 'network', message: 'Can’t reach the token service.' });
    await model.start();
    expect(model.status.value).toBe(cached);
    expect(model.restriction.value).not.toBeNull();
    expect(model.error.value).toBe('Can’t reach the token service.');
  });

  it('should show nothing when signed out', async () => {
    const model = createAccountModel({
      loadSession: async () => null,
      engine: { account: vi.fn() },
      loadStatus: vi.fn(),
      saveStatus: vi.fn(),
    });
    await model.start();
    expect(model.status.value).toBeNull();
  });
});
