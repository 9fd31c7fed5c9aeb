import { describe, expect, it, vi } from 'vitest';
import { type ConnectionDeps, createConnectionModel } from '../../../utils/account/connection-model';
import type { Session } from '../../../utils/account/session';
import { createFakeApi } from '../../helpers/fake-api';

function setup(granted = true) {
  const fake = createFakeApi();
  let stored: Session | null = null;
  const deps: ConnectionDeps = {
    loadServiceUrl: async () => 'http://127.0.0.1:8787',
    saveServiceUrl: vi.fn(async () => {}),
    loadSession: async () => stored,
    saveSession: vi.fn(async (session: Session) => {
      stored = session;
      return null;
    }),
    clearSession: vi.fn(async () => {
      stored = null;
    }),
    requestAccess: vi.fn(async () => granted),
    makeApi: vi.fn(() => fake.api),
  };
  return { model: createConnectionModel(deps), deps, fake, stored: () => stored };
}

describe('connection model', () => {
  it('should describe the service mode after a connection test', async () => {
    const { model } = setup();
    await model.start();
    await model.testConnection();
    expect(model.test.value).toEqual({
      ok: true,
      message: 'Connected to version 7.0.0: tokens can be listed, created and revoked.',
    });
  });

  it('should refuse an address that is not http(s) without a request', async () => {
    const { model, deps } = setup();
    model.serviceUrl.value = 'ftp://example.org';
    await model.testConnection();
    expect(model.test.value?.ok).toBe(false);
    expect(deps.makeApi).not.toHaveBeenCalled();
  });

  it('should ask for the origin, identify the account and save the session', async () => {
    const { model, deps, stored } = setup();
    await model.start();
    expect(await model.signIn('  w3ss_abc  ')).toBe(true);
    expect(deps.requestAccess).toHaveBeenCalledWith('http://127.0.0.1:8787');
    expect(stored()).toEqual({
      serviceUrl: 'http://127.0.0.1:8787',
      credential: 'w3ss_abc',
      account: '42',
      email: 'ada@example.org',
    });
    expect(model.session.value?.email).toBe('ada@example.org');
  });

  it('should not sign in when the permission is refused', async () => {
    const { model, stored } = setup(false);
    await model.start();
    expect(await model.signIn('w3ss_abc')).toBe(false);
    expect(model.signInError.value).toContain('127.0.0.1:8787');
    expect(stored()).toBeNull();
  });

  it('should explain that an API token is not a session credential', async () => {
    const { model, fake } = setup();
    await model.start();
    fake.failNext('accountInfo', {
      code: 'wrong-credential',
      status: 401,
      message: 'That looks like an API token.',
    });
    expect(await model.signIn('eyJhbGciOi.token.sig')).toBe(false);
    expect(model.signInError.value).toBe('That looks like an API token.');
  });

  it('should fall back to a credential fingerprint on a server without /user/info', async () => {
    const { model, fake, stored } = setup();
    await model.start();
    fake.failNext('accountInfo', { code: 'not-found', status: 404, message: 'Not found.' });
    expect(await model.signIn('w3ss_abc')).toBe(true);
    expect(stored()?.account).toMatch(/^credential:[0-9a-f]{24}$/);
    expect(stored()?.account).not.toContain('w3ss_abc');
  });

  it('should forget the credential but keep the address on sign-out', async () => {
    const { model, deps } = setup();
    await model.start();
    await model.signIn('w3ss_abc');
    await model.signOut();
    expect(deps.clearSession).toHaveBeenCalled();
    expect(deps.saveServiceUrl).toHaveBeenCalledWith('http://127.0.0.1:8787');
    expect(model.session.value).toBeNull();
  });
});
