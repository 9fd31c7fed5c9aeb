// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConnectionDeps, createConnectionModel } from '../../../utils/account/connection-model';
import type { Session } from '../../../utils/account/session';
import { createApiClient } from '../../../utils/api/client';
import { createSignInApi } from '../../../utils/api/sign-in';
import { ok } from '../../../utils/lib/result';
import { openTokenDb } from '../../../utils/store/open';
import { createTokensModel } from '../../../utils/tokens/model';
import { type IndependentServer, startIndependentServer } from '../../helpers/independent-server';
import { type LocalDeps, localTokensDeps } from '../../helpers/local-deps';

// The extension's client and models against a second server of the same contract that makes
// other allowed choices than `service/` (see test/helpers/independent-server.ts).

let server: IndependentServer;

beforeEach(async () => {
  server = await startIndependentServer();
});

afterEach(async () => {
  await server.close();
});

function api(credential: string | undefined = server.credential) {
  return createApiClient({ baseUrl: server.url, credential, timeoutMs: 5_000 });
}

async function raw(method: string, path: string, auth?: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (auth !== undefined) headers.Authorization = auth;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text(), res };
}

async function signIn() {
  let stored: Session | null = null;
  const deps: ConnectionDeps = {
    loadServiceUrl: async () => server.url,
    saveServiceUrl: async () => {},
    loadSession: async () => stored,
    saveSession: async (session) => {
      stored = session;
      return null;
    },
    clearSession: async () => {
      stored = null;
    },
    requestAccess: async () => true,
    makeApi: (baseUrl, credential) => createApiClient({ baseUrl, credential, timeoutMs: 5_000 }),
    makeSignInApi: (baseUrl) => createSignInApi({ baseUrl, timeoutMs: 5_000 }),
  };
  const model = createConnectionModel(deps);
  await model.start();
  return { model, stored: () => stored };
}

function tokensModel(session: Session) {
  const clipboard: string[] = [];
  const deps: LocalDeps = {
    loadSession: async () => session,
    endSession: async () => {},
    openDb: openTokenDb,
    makeApi: (s) => createApiClient({ baseUrl: s.serviceUrl, credential: s.credential, timeoutMs: 5_000 }),
    copyText: async (text) => {
      clipboard.push(text);
      return ok(undefined);
    },
    now: Date.now,
  };
  return { model: createTokensModel(localTokensDeps(deps)), clipboard };
}

describe('the independent server itself', () => {
  it('should answer the contract the way this test file relies on', async () => {
    expect(await raw('GET', '/user/tokens')).toMatchObject({
      status: 401,
      text: expect.stringContaining('"code":"ERROR_NO_TOKEN"'),
    });
    expect(await raw('GET', '/user/info', `Bearer ${server.credential}`)).toMatchObject({
      status: 404,
      text: '{"message":"Not Found"}',
    });
    expect((await raw('GET', '/user/account', `Bearer ${server.credential}`)).status).toBe(404);
    const created = await raw('POST', '/user/tokens', `bEaReR ${server.credential}`, { name: 'x' });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.text)).toEqual({ _id: '9007199254740993' });
    const gone = await raw('DELETE', '/user/tokens/12345', `Bearer ${server.credential}`);
    expect(gone).toMatchObject({ status: 200, type: null, text: '' });
    const preflight = await fetch(`${server.url}/user/tokens`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abc',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
  });
});

describe('API client against the independent server', () => {
  it('should read the version of a server it was not written against', async () => {
    expect(await api(undefined).version()).toEqual(ok({ version: '0.0.0-independent', mode: 'rw' }));
  });

  it('should take a 200 create answer, then find the secret by listing again', async () => {
    const client = api();
    const created = await client.createToken('ci deploy');
    expect(created).toEqual(ok({ id: '9007199254740993' }));
    const listed = await client.listTokens();
    if (!listed.ok) throw new Error(listed.error.message);
    const token = listed.value.find((t) => t.id === (created.ok ? created.value.id : ''));
    expect(token?.secret).toBe(server.tokens()[0]?.secret);
    expect(token?.secret).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/);
    expect(token?.name).toBe('ci deploy');
  });

  it('should keep ids beyond 2^53 exactly as the strings the server sent', async () => {
    const client = api();
    for (const name of ['a', 'b', 'c']) await client.createToken(name);
    const listed = await client.listTokens();
    if (!listed.ok) throw new Error(listed.error.message);
    const ids = listed.value.map((t) => t.id).sort();
    const serverIds = server.tokens().map((t) => t._id);
    expect(ids).toEqual([...serverIds].sort());
    expect(serverIds).toEqual(['9007199254740993', '12007199254741000', '15007199254741007']);
    for (const id of ids) {
      expect(typeof id).toBe('string');
      expect(BigInt(id) > 2n ** 53n).toBe(true);
    }
  });

  it('should read created dates with microseconds and ignore unknown fields', async () => {
    const client = api();
    await client.createToken('dated');
    const listed = await client.listTokens();
    if (!listed.ok) throw new Error(listed.error.message);
    const [token] = listed.value;
    expect(token?.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    expect(Number.isFinite(Date.parse(token?.created ?? ''))).toBe(true);
    expect(Object.keys(token ?? {}).sort()).toEqual(['created', 'hasUploads', 'id', 'name', 'secret']);
  });

  it('should revoke twice: the second answer (200, empty, no content-type) is alreadyGone', async () => {
    const client = api();
    const created = await client.createToken('short-lived');
    const id = created.ok ? (created.value.id ?? '') : '';
    expect(await client.revokeToken(id)).toEqual(ok({ alreadyGone: false }));
    expect(await client.revokeToken(id)).toEqual(ok({ alreadyGone: true }));
    expect(server.tokens()).toEqual([]);
  });

  it('should map the 404 of /user/info and the 401s to their error codes', async () => {
    const info = await api().accountInfo();
    expect(!info.ok && info.error.code).toBe('not-found');
    const stranger = await api('someone-else').listTokens();
    expect(!stranger.ok && stranger.error.code).toBe('signed-out');
    await api().createToken('t');
    const secret = server.tokens()[0]?.secret ?? '';
    const wrong = await api(secret).listTokens();
    expect(!wrong.ok && wrong.error.code).toBe('wrong-credential');
    expect(!wrong.ok && wrong.error.message).not.toContain(secret);
  });
});

describe('connection model against the independent server', () => {
  it('should test the connection and sign in without /user/info', async () => {
    const { model, stored } = await signIn();
    await model.testConnection();
    expect(model.test.value).toEqual({
      ok: true,
      message: 'Connected to version 0.0.0-independent: tokens can be listed, created and revoked.',
    });
    expect(await model.signIn(`  ${server.credential}  `)).toBe(true);
    expect(model.signInError.value).toBeNull();
    const session = stored();
    expect(session).toMatchObject({ serviceUrl: server.url, credential: server.credential, email: '' });
    expect(session?.account).toMatch(/^credential:[0-9a-f]{24}$/);
    expect(session?.account).not.toContain(server.credential);
  });

  it('should refuse an unknown credential with the signed-out message', async () => {
    const { model, stored } = await signIn();
    expect(await model.signIn('not-the-credential')).toBe(false);
    expect(model.signInError.value).toMatch(/Sign in again/);
    expect(stored()).toBeNull();
  });
});

describe('tokens model against the independent server', () => {
  async function signedInModel() {
    const { model, stored } = await signIn();
    expect(await model.signIn(server.credential)).toBe(true);
    const session = stored();
    if (!session) throw new Error('no session');
    return tokensModel(session);
  }

  it('should create, list, sort, copy and revoke through a shuffled list', async () => {
    const { model, clipboard } = await signedInModel();
    await model.start();
    expect(model.state.value).toBe('ready');
    expect(model.tokens.value).toEqual([]);

    for (const name of ['staging uploader', 'CI deploy', 'laptop', 'Backup 10', 'backup 9']) {
      const outcome = await model.create(name);
      expect(outcome.ok).toBe(true);
      // The 200 `{_id}` is matched against the fresh list: the new token comes back as the row
      // shows it (its secret's last characters), the secret itself kept in the store only.
      const secret = server.tokens().find((t) => t.name === name)?.secret;
      expect(outcome.ok && outcome.token?.hint).toBe(secret?.slice(-6));
      expect(outcome.ok && outcome.token?.secret).toBe('');
    }
    // Several refreshes, each in another server order, leave the same sorted view.
    for (let i = 0; i < 3; i++) {
      await model.refresh();
      expect(model.visible.value.map((t) => t.name)).toEqual([
        'backup 9',
        'Backup 10',
        'CI deploy',
        'laptop',
        'staging uploader',
      ]);
    }
    const created = server.tokens().map((t) => t.name); // in creation order
    model.sort.value = 'oldest';
    expect(model.visible.value.map((t) => t.name)).toEqual(created);
    model.sort.value = 'newest';
    expect(model.visible.value.map((t) => t.name)).toEqual([...created].reverse());
    for (const token of model.tokens.value) {
      expect(Number.isFinite(token.createdMs)).toBe(true);
      expect(token.created).toMatch(/\.\d{6}\+00:00$/);
      expect(token.id).toBe(server.tokens().find((t) => t.name === token.name)?._id);
    }

    const laptop = model.tokens.value.find((t) => t.name === 'laptop');
    await model.copy(laptop?.id ?? '');
    expect(clipboard).toEqual([server.tokens().find((t) => t.name === 'laptop')?.secret]);

    expect((await model.revoke(laptop?.id ?? '')).ok).toBe(true);
    expect(model.notice.value).toBe('Revoked “laptop”.');
    expect(server.tokens().map((t) => t.name)).not.toContain('laptop');

    // Revoked elsewhere meanwhile: the server answers an empty 200 and the model drops it too.
    const ci = model.tokens.value.find((t) => t.name === 'CI deploy');
    await raw('DELETE', `/user/tokens/${ci?.id}`, `Bearer ${server.credential}`);
    expect((await model.revoke(ci?.id ?? '')).ok).toBe(true);
    expect(model.visible.value.map((t) => t.name)).not.toContain('CI deploy');
    await model.refresh();
    expect(model.visible.value.map((t) => t.name).sort()).toEqual(
      server
        .tokens()
        .map((t) => t.name)
        .sort(),
    );
    expect(model.error.value).toBeNull();
  });

  it('should list and revoke names the service accepts but the extension would refuse', async () => {
    const { model } = await signedInModel();
    for (const name of ['  ', 'twin', 'twin'])
      expect((await raw('POST', '/user/tokens', `Bearer ${server.credential}`, { name })).status).toBe(200);
    await model.start();
    expect(model.visible.value.map((t) => t.name)).toEqual(['  ', 'twin', 'twin']);
    const blank = model.tokens.value.find((t) => t.name === '  ');
    expect((await model.revoke(blank?.id ?? '')).ok).toBe(true);
    expect(model.notice.value).toBe('Revoked “  ”.');
    expect(server.tokens().map((t) => t.name)).toEqual(['twin', 'twin']);
  });
});
