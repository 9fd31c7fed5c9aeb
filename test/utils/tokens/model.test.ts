import { describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../utils/account/session';
import type { AppError } from '../../../utils/lib';
import { ok } from '../../../utils/lib/result';
import { getAccount, listTokens } from '../../../utils/store/db';
import { openTokenDb } from '../../../utils/store/open';
import { createTokensModel } from '../../../utils/tokens/model';
import { apiToken, createFakeApi } from '../../helpers/fake-api';
import { type LocalDeps, localTokensDeps } from '../../helpers/local-deps';

const session: Session = {
  serviceUrl: 'http://127.0.0.1:8787',
  credential: 'w3ss_test',
  account: '42',
  email: 'ada@example.org',
};

function setup(initial = [apiToken('1', 'laptop'), apiToken('2', 'CI', '2026-11-21T10:00:00.000+00:00')]) {
  const fake = createFakeApi(initial);
  const clipboard: string[] = [];
  let current: Session | null = session;
  const deps: LocalDeps = {
    loadSession: async () => current,
    endSession: vi.fn(async () => {
      current = null;
    }),
    openDb: openTokenDb,
    makeApi: () => fake.api,
    copyText: async (text) => {
      clipboard.push(text);
      return ok(undefined);
    },
    now: () => 1_800_000_000_000,
  };
  return { model: createTokensModel(localTokensDeps(deps)), fake, clipboard, deps };
}

describe('tokens model', () => {
  it('should show signed-out without a session', async () => {
    const { model, deps } = setup();
    deps.loadSession = async () => null;
    await model.start();
    expect(model.state.value).toBe('signed-out');
  });

  it('should list, sort by name and search the tokens after start', async () => {
    const { model } = setup();
    await model.start();
    expect(model.state.value).toBe('ready');
    expect(model.visible.value.map((t) => t.name)).toEqual(['CI', 'laptop']);
    model.sort.value = 'oldest';
    expect(model.visible.value.map((t) => t.name)).toEqual(['laptop', 'CI']);
    model.query.value = 'LAP';
    expect(model.visible.value.map((t) => t.name)).toEqual(['laptop']);
  });

  it('should paint from IndexedDB when the service cannot be reached', async () => {
    const first = setup();
    await first.model.start();
    const second = setup([]);
    second.fake.failNext('listTokens', { code: 'network', message: 'Can’t reach the token service.' });
    await second.model.start();
    expect(second.model.tokens.value.map((t) => t.name).sort()).toEqual(['CI', 'laptop']);
    expect(second.model.error.value?.code).toBe('network');
  });

  it('should create a token, list again for its secret and announce it', async () => {
    const { model, fake } = setup();
    await model.start();
    const outcome = await model.create('  new app  ');
    expect(outcome.ok && outcome.token?.name).toBe('new app');
    // The page gets the row (its hint), never the secret: a copy reads that from the store.
    expect(outcome.ok && outcome.token?.secret).toBe('');
    expect(outcome.ok && outcome.token?.hint).toMatch(/^.{6}$/);
    expect(fake.calls.filter((c) => c === 'listTokens')).toHaveLength(2);
    expect(model.notice.value).toBe('Created “new app”.');
  });

  it('should read the store again after a sync only when it changed something (issue 14)', async () => {
    const { model, deps, fake } = setup();
    const reads = vi.fn();
    deps.openDb = async () => {
      const db = await openTokenDb();
      const get = db.get.bind(db);
      db.get = ((store: 'lists', ...rest: [never]) => {
        if (store === 'lists') reads();
        return get(store, ...rest);
      }) as typeof db.get;
      return db;
    };
    await model.start();
    // The first paint's read, and one more: the first sync wrote the list.
    expect(reads).toHaveBeenCalledTimes(2);
    await model.refresh();
    expect(reads).toHaveBeenCalledTimes(2);
    fake.tokens.set('9', apiToken('9', 'made elsewhere'));
    await model.refresh();
    expect(reads).toHaveBeenCalledTimes(3);
    expect(model.tokens.value.map((t) => t.name)).toContain('made elsewhere');
  });

  it('should ask for neither the sync nor a waiting fill before the list is painted (issue 14)', async () => {
    const { deps } = setup();
    const base = localTokensDeps(deps);
    let paint = (): void => {};
    const sync = vi.spyOn(base.engine, 'sync');
    const pendingFill = vi.fn(async () => null);
    const model = createTokensModel({
      ...base,
      pendingFill,
      painted: () => new Promise<void>((resolve) => (paint = resolve)),
    });
    const started = model.start();
    await vi.waitFor(() => expect(model.state.value).toBe('ready'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sync).not.toHaveBeenCalled();
    expect(pendingFill).not.toHaveBeenCalled();
    paint();
    await started;
    expect(pendingFill).toHaveBeenCalledTimes(1);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('should be opening from start until its first sync has answered, over overlapping starts (issue 14)', async () => {
    const { deps } = setup();
    const base = localTokensDeps(deps);
    let answer = (): void => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const sync = base.engine.sync;
    const model = createTokensModel({
      ...base,
      engine: { ...base.engine, sync: (options) => answered.then(() => sync(options)) },
    });
    expect(model.opening.value).toBe(false);
    const first = model.start();
    expect(model.opening.value).toBe(true);
    await vi.waitFor(() => expect(model.state.value).toBe('ready'));
    const second = model.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(model.opening.value).toBe(true);
    answer();
    await first;
    await second;
    expect(model.opening.value).toBe(false);
    expect(model.lastSyncedAt.value).not.toBeNull();
  });

  it('should take in a hold that changes after the sync, and ask a read-only service again in 30 s (issue 18)', async () => {
    const { deps } = setup();
    const base = localTokensDeps(deps);
    const sync = vi.spyOn(base.engine, 'sync');
    let follow = (): void => {};
    const followHold = vi.fn((listener: () => void) => {
      follow = listener;
      return () => {};
    });
    let stored: AppError | null = null;
    const model = createTokensModel({ ...base, followHold, loadHold: async () => stored });
    await model.start();
    await model.start();
    // Followed once, however often the page starts again (a switch of account).
    expect(followHold).toHaveBeenCalledTimes(1);
    expect(model.hold.value).toBeNull();
    const syncs = sync.mock.calls.length;
    // The page's sync answered; its /version then says read-only, and the stored hold changes.
    stored = { code: 'maintenance', message: 'The tokens API is undergoing maintenance.' };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      follow();
      await vi.waitFor(() => expect(model.hold.value?.code).toBe('maintenance'));
      expect(sync).toHaveBeenCalledTimes(syncs);
      vi.advanceTimersByTime(30_000);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(() => expect(sync).toHaveBeenCalledTimes(syncs + 1));
  });

  it('should reject a bad name without calling the service', async () => {
    const { model, fake } = setup();
    await model.start();
    const outcome = await model.create('   ');
    expect(outcome.ok).toBe(false);
    expect(fake.calls).not.toContain('createToken');
  });

  it('should report a create refused for this create only with the service message', async () => {
    const { model, fake } = setup();
    await model.start();
    fake.failNext('createToken', { code: 'restricted', status: 403, message: 'Your account is restricted.' });
    expect(await model.create('x')).toEqual({ ok: false, message: 'Your account is restricted.' });
  });

  it('should tell a maintenance answer to a create once, as the service state', async () => {
    const { model, fake } = setup();
    await model.start();
    fake.failNext('createToken', {
      code: 'maintenance',
      message: 'The tokens API is undergoing maintenance.',
    });
    expect(await model.create('x')).toEqual({ ok: false, message: '' });
    expect(model.error.value?.code).toBe('maintenance');
  });

  it('should revoke a token, keep it in the revoked list without its secret, and count an already-gone token as revoked', async () => {
    const { model, fake } = setup();
    await model.start();
    expect((await model.revoke('1')).ok).toBe(true);
    expect(model.visible.value.map((t) => t.id)).toEqual(['2']);
    expect(model.revoked.value).toMatchObject([{ id: '1', state: 'revoked', revokedHere: true, secret: '' }]);
    expect(model.notice.value).toBe('Revoked “laptop”.');
    fake.tokens.delete('2'); // revoked by another client meanwhile
    expect((await model.revoke('2')).ok).toBe(true);
    expect(model.visible.value).toEqual([]);
  });

  it('should keep a revoke that cannot reach the service as pending, and send it on a later sync', async () => {
    const { model, fake } = setup();
    await model.start();
    fake.failNext('revokeToken', { code: 'timeout', message: 'Took too long.' });
    expect((await model.revoke('1')).ok).toBe(true);
    expect(model.visible.value.find((t) => t.id === '1')).toMatchObject({
      state: 'pending-revoke',
      pendingRevoke: { attempts: 1, lastError: 'Took too long.' },
    });
    expect(model.notice.value).toMatch(/pending/);
    expect(fake.tokens.has('1')).toBe(true);
    await model.refresh({ now: true });
    expect(fake.tokens.has('1')).toBe(false);
    expect(model.revoked.value.map((t) => t.id)).toEqual(['1']);
  });

  it('should show a revoke as pending at once when even the list fails, and retry on its own', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { model, fake } = setup();
      await model.start();
      fake.failNext('listTokens', { code: 'network', message: 'Can’t reach the token service.' });
      expect((await model.revoke('1')).ok).toBe(true);
      expect(model.visible.value.find((t) => t.id === '1')?.state).toBe('pending-revoke');
      // Told as pending, once: no error beside it (issue 18).
      expect(model.error.value).toBeNull();
      await vi.advanceTimersByTimeAsync(60_000);
      await vi.waitFor(() => expect(model.revoked.value.map((t) => t.id)).toEqual(['1']));
      expect(fake.tokens.has('1')).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('should put a token back and say why when the service refuses a revoke for good', async () => {
    const { model, fake } = setup();
    await model.start();
    fake.failNext('revokeToken', { code: 'delete-restricted', status: 403, message: 'Not allowed.' });
    const result = await model.revoke('1');
    expect(!result.ok && result.error.message).toBe('Not allowed.');
    expect(model.visible.value.find((t) => t.id === '1')?.state).toBe('active');
  });

  it('should show a token revoked elsewhere in the revoked list', async () => {
    const { model, fake } = setup();
    await model.start();
    fake.tokens.delete('2');
    await model.refresh();
    expect(model.revoked.value).toMatchObject([
      { id: '2', revokedHere: false, revokedAt: 1_800_000_000_000 },
    ]);
  });

  it('should copy the exact secret and remember when', async () => {
    const { model, clipboard } = setup();
    await model.start();
    await model.copy('2');
    expect(clipboard).toEqual([apiToken('2', 'CI').secret]);
    expect(model.copiedId.value).toBe('2');
    expect(model.tokens.value.find((t) => t.id === '2')?.lastCopiedAt).toBe(1_800_000_000_000);
  });

  it.each([
    { format: 'env', text: `WEB3_STORAGE_TOKEN=${apiToken('2', 'CI').secret}` },
    { format: 'header', text: `Authorization: Bearer ${apiToken('2', 'CI').secret}` },
  ] as const)('should copy in the $format format once it is chosen', async ({ format, text }) => {
    const { model, clipboard } = setup();
    await model.start();
    model.setCopyFormat(format);
    await model.copy('2');
    expect(clipboard).toEqual([text]);
  });

  // Issue 14: only a copy uses the account's format, so the list is painted without waiting for it.
  describe('while the copy format is still being read', () => {
    function slowFormat() {
      const { clipboard, deps } = setup();
      let answer: (format: 'env' | 'header') => void = () => {};
      const tokensDeps = localTokensDeps(deps);
      tokensDeps.loadCopyFormat = () => new Promise((resolve) => (answer = resolve));
      const model = createTokensModel(tokensDeps);
      return { model, clipboard, answer: (format: 'env' | 'header') => answer(format) };
    }

    it('should paint the list, then take the format when it comes', async () => {
      const { model, answer } = slowFormat();
      await model.start();
      expect(model.state.value).toBe('ready');
      expect(model.tokens.value).toHaveLength(2);
      expect(model.copyFormat.value).toBe('raw');
      answer('env');
      await vi.waitFor(() => expect(model.copyFormat.value).toBe('env'));
    });

    it('should copy in the account’s format, waiting for it', async () => {
      const { model, answer, clipboard } = slowFormat();
      await model.start();
      const copying = model.copy('2');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(clipboard).toEqual([]);
      answer('header');
      await copying;
      expect(clipboard).toEqual([`Authorization: Bearer ${apiToken('2', 'CI').secret}`]);
    });

    it('should keep a format chosen on the page before the read came', async () => {
      const { model, answer, clipboard } = slowFormat();
      await model.start();
      model.setCopyFormat('env');
      answer('header');
      await model.copy('2');
      expect(model.copyFormat.value).toBe('env');
      expect(clipboard).toEqual([`WEB3_STORAGE_TOKEN=${apiToken('2', 'CI').secret}`]);
    });
  });

  it('should keep a note and a rotation on the token across a sync', async () => {
    const { model } = setup();
    await model.start();
    await model.annotate('1', { note: 'CI only', rotatedTo: '2' });
    await model.refresh();
    expect(model.tokens.value.find((t) => t.id === '1')).toMatchObject({ note: 'CI only', rotatedTo: '2' });
  });

  it('should sign out on a 401 and keep local data', async () => {
    const { model, fake, deps } = setup();
    await model.start();
    fake.failNext('listTokens', { code: 'signed-out', status: 401, message: 'Your session has ended.' });
    await model.refresh();
    expect(model.state.value).toBe('signed-out');
    expect(deps.endSession).toHaveBeenCalledOnce();
    const db = await openTokenDb();
    expect(await getAccount(db, { service: session.serviceUrl, account: '42' })).toBeDefined();
    expect((await listTokens(db, { service: session.serviceUrl, account: '42' })).length).toBe(2);
    db.close();
  });

  it('should keep the typed name, a waiting revoke and a note over a 401 and a sign-in again', async () => {
    const { deps, fake } = setup();
    let kept = '';
    const page = () =>
      createTokensModel({
        ...localTokensDeps(deps),
        loadDraft: async () => kept,
        saveDraft: async (name) => {
          kept = name;
        },
      });
    const model = page();
    await model.start();
    await model.annotate('1', { note: 'for the laptop' });
    fake.failNext('revokeToken', { code: 'network', message: 'offline' });
    expect((await model.revoke('2')).ok).toBe(true);
    model.setDraft('deploy bot');
    fake.failNext('listTokens', { code: 'signed-out', status: 401, message: 'Your session has ended.' });
    await model.refresh();
    expect(model.state.value).toBe('signed-out');
    expect(model.error.value).toMatchObject({ code: 'signed-out', status: 401 });

    // Signed in again, to the same account; the page opened anew (the popup closed meanwhile).
    deps.loadSession = async () => session;
    const again = page();
    await again.start();
    expect(again.state.value).toBe('ready');
    expect(again.draft.value).toBe('deploy bot');
    expect(again.tokens.value.find((t) => t.id === '1')?.note).toBe('for the laptop');
    expect(again.tokens.value.find((t) => t.id === '2')?.state).toBe('pending-revoke');
    await again.refresh({ now: true });
    expect(again.tokens.value.find((t) => t.id === '2')?.state).toBe('revoked');
    expect(fake.tokens.has('2')).toBe(false);
  });

  it('should say a create was made when its answer timed out and a list found it, sending it once', async () => {
    const { model, fake, deps } = setup();
    // The fake service stamps a token with the real clock; the attempt must begin before it.
    deps.now = () => Date.now() - 60_000;
    await model.start();
    const create = fake.api.createToken;
    fake.api.createToken = async (name, key) => {
      await create(name, key);
      return { ok: false, error: { code: 'timeout', message: 'too slow' } };
    };
    const outcome = await model.create('slow one');
    expect(outcome).toMatchObject({ ok: true, token: { name: 'slow one' } });
    expect(fake.calls.filter((call) => call === 'createToken')).toHaveLength(1);
    expect(model.notice.value).toContain('answer was lost or too slow');
    expect(model.error.value).toBeNull();
  });

  it('should ask in the popup before a fill on a new site, then fill and say where', async () => {
    const fill = vi.fn(async (_id: string, confirmed?: string) =>
      confirmed
        ? { kind: 'filled' as const, origin: confirmed }
        : { kind: 'confirm' as const, origin: 'https://ci.example:8443' },
    );
    const withFill = createTokensModel({ ...localTokensDeps(setup().deps), fill });
    await withFill.start();
    const id = withFill.visible.value[0]?.id ?? '';
    await withFill.fill(id);
    expect(withFill.confirming.value).toMatchObject({ id, origin: 'https://ci.example:8443' });
    await withFill.fill(id, 'https://ci.example:8443');
    expect(withFill.confirming.value).toBeNull();
    expect(withFill.notice.value).toMatch(/^Filled “.*” into ci\.example:8443\.$/);
    fill.mockResolvedValueOnce({ kind: 'error', message: 'No field for a token here.' } as never);
    await withFill.fill(id);
    expect(withFill.notice.value).toBe('No field for a token here.');
  });

  it("should ask the browser for a frame's origin in the same turn as the fill, and say what waits", async () => {
    const order: string[] = [];
    const frame = 'https://widget.example';
    const fill = vi.fn(async (_id: string, confirmed?: string) => {
      order.push('fill');
      return confirmed
        ? { kind: 'waiting' as const, origin: frame }
        : { kind: 'confirm' as const, origin: frame, top: 'https://ci.example' };
    });
    const requestFrame = vi.fn(async (_origin: string) => {
      order.push('request');
      return true;
    });
    const model = createTokensModel({ ...localTokensDeps(setup().deps), fill, requestFrame });
    await model.start();
    const id = model.visible.value[0]?.id ?? '';
    await model.fill(id);
    expect(model.confirming.value).toMatchObject({ id, origin: frame, top: 'https://ci.example' });
    expect(requestFrame).not.toHaveBeenCalled();
    const answered = model.fill(id, frame, true);
    expect(order).toEqual(['fill', 'request', 'fill']);
    await answered;
    expect(requestFrame).toHaveBeenCalledWith(frame);
    expect(model.notice.value).toMatch(/^Allow the extension to reach widget\.example when the browser asks/);
  });

  it('should open on the question a menu or shortcut fill left for it', async () => {
    const base = localTokensDeps(setup().deps);
    const probe = createTokensModel(base);
    await probe.start();
    const id = probe.visible.value[0]?.id ?? '';
    const model = createTokensModel({
      ...base,
      pendingFill: async () => ({ id, origin: 'https://ci.example' }),
    });
    await model.start();
    expect(model.confirming.value).toEqual({
      id,
      name: probe.visible.value[0]?.name,
      origin: 'https://ci.example',
    });
  });
});
