import { describe, expect, it, vi } from 'vitest';
import {
  checkClient,
  clipboardClient,
  engineClient,
  fillClient,
  handleMessage,
  isExtensionPage,
  isPersonAction,
  type Locker,
  lockClient,
} from '../../utils/messages';
import type { Engine } from '../../utils/sync/engine';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

function fakeEngine(): Engine {
  const reply = { sync: null, notices: [] };
  return {
    sync: vi.fn(async () => reply),
    create: vi.fn(async () => ({ ...reply, created: { ok: true as const, tokenId: '1' } })),
    revoke: vi.fn(async () => reply),
    account: vi.fn(async () => ({ ok: false as const, error: { code: 'network' as const, message: 'x' } })),
    hold: vi.fn(async () => null),
  };
}

describe('isExtensionPage', () => {
  it.each([
    ['the popup', { id: ID, url: `${ORIGIN}popup.html` }, true],
    ['the options page in a tab', { id: ID, url: `${ORIGIN}options.html` }, true],
    ['a content script of this extension in a web page', { id: ID, url: 'https://evil.example/' }, false],
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: `${ORIGIN}popup.html` }, false],
    ['a sender without a URL', { id: ID }, false],
  ])('should tell whether %s may ask the engine: %s', (_label, sender, expected) => {
    expect(isExtensionPage(sender, ID, ORIGIN)).toBe(expected);
  });
});

describe('handleMessage', () => {
  it.each([
    [
      { type: 'tokens/sync', now: true, from: 'p1' },
      'sync',
      [{ now: true, shown: false, from: 'p1', early: true }],
    ],
    [{ type: 'tokens/create', name: 'ci' }, 'create', ['ci', '']],
    [{ type: 'tokens/revoke', id: '42', from: 'p2' }, 'revoke', ['42', 'p2']],
    [{ type: 'account/status' }, 'account', []],
  ] as const)('should route %j to the engine', async (message, method, args) => {
    const engine = fakeEngine();
    await handleMessage(engine, message);
    expect(engine[method]).toHaveBeenCalledWith(...args);
  });

  it('should send a page no tokens in an engine reply, only what the sync did (issue 14)', async () => {
    const tokens = [{ id: '1', name: 'ci' }];
    const value = { tokens, settled: [], attempts: [], refused: [], nextRetryAt: null, changed: true };
    const engine = fakeEngine();
    const reply = { sync: { ok: true as const, value }, notices: ['n'], hold: null };
    vi.mocked(engine.sync).mockResolvedValue(reply as never);
    vi.mocked(engine.create).mockResolvedValue({ ...reply, created: { ok: true, tokenId: '1' } } as never);
    vi.mocked(engine.revoke).mockResolvedValue(reply as never);
    for (const message of [
      { type: 'tokens/sync' },
      { type: 'tokens/create', name: 'ci' },
      { type: 'tokens/revoke', id: '1' },
    ]) {
      const sent = (await handleMessage(engine, message)) as unknown as typeof reply;
      expect(sent.sync.value).toEqual({
        settled: [],
        attempts: [],
        refused: [],
        nextRetryAt: null,
        changed: true,
      });
      expect(sent.notices).toEqual(['n']);
    }
    // The engine's own reply is left whole: the background's followers use its tokens.
    expect(reply.sync.value.tokens).toBe(tokens);
  });

  it.each([
    null,
    'tokens/sync',
    { type: 'tokens/list' },
    { type: 'tokens/create', name: 7 },
    { type: 'tokens/revoke' },
  ])('should not answer %j', (message) => {
    const engine = fakeEngine();
    expect(handleMessage(engine, message)).toBeUndefined();
    expect(
      [engine.sync, engine.create, engine.revoke].every((fn) => vi.mocked(fn).mock.calls.length === 0),
    ).toBe(true);
  });
});

describe('handleMessage fill', () => {
  it('should route a fill, with the origin confirmed, to the filler', async () => {
    const fill = vi.fn(async () => ({ kind: 'filled' as const, origin: 'https://a.example' }));
    const filler = { fill };
    await handleMessage(
      fakeEngine(),
      { type: 'tokens/fill', id: '1', confirmed: 'https://a.example' },
      filler,
    );
    await handleMessage(fakeEngine(), { type: 'tokens/fill', id: '2', confirmed: 7 }, filler);
    // The account the popup shows goes along (issue 15); a scope not of two strings is dropped.
    const scope = { service: 'http://svc.test', account: 'A' };
    await handleMessage(fakeEngine(), { type: 'tokens/fill', id: '3', scope }, filler);
    await handleMessage(fakeEngine(), { type: 'tokens/fill', id: '4', scope: { service: 1 } }, filler);
    expect(fill.mock.calls).toEqual([
      ['1', 'https://a.example', undefined],
      ['2', undefined, undefined],
      ['3', undefined, scope],
      ['4', undefined, undefined],
    ]);
    const send = vi.fn(async (_message: unknown) => null);
    await fillClient(send)('5', undefined, scope);
    expect(send).toHaveBeenCalledWith({ type: 'tokens/fill', id: '5', confirmed: undefined, scope });
  });

  it('should not answer a fill without an id or without a filler', () => {
    const fill = vi.fn();
    expect(handleMessage(fakeEngine(), { type: 'tokens/fill' }, { fill })).toBeUndefined();
    expect(handleMessage(fakeEngine(), { type: 'tokens/fill', id: '1' })).toBeUndefined();
    expect(fill).not.toHaveBeenCalled();
  });

  it('should send one typed message per fill', async () => {
    const send = vi.fn(async (_message: unknown) => ({ kind: 'confirm', origin: 'https://a.example' }));
    await fillClient(send)('1');
    await fillClient(send)('1', 'https://a.example');
    expect(send.mock.calls.map(([m]) => m)).toEqual([
      { type: 'tokens/fill', id: '1', confirmed: undefined },
      { type: 'tokens/fill', id: '1', confirmed: 'https://a.example' },
    ]);
  });
});

describe('engineClient', () => {
  it('should send one typed message per call', async () => {
    const send = vi.fn(async (_message: unknown) => ({ sync: null, notices: [] }));
    const client = engineClient(send);
    await client.sync({ now: true, from: 'p' });
    await client.create('ci', 'p');
    await client.revoke('9', 'p');
    expect(send.mock.calls.map(([m]) => m)).toEqual([
      { type: 'tokens/sync', now: true, from: 'p' },
      { type: 'tokens/create', name: 'ci', from: 'p' },
      { type: 'tokens/revoke', id: '9', from: 'p' },
    ]);
  });
});

describe('handleMessage clipboard', () => {
  const mark = { salt: 'a'.repeat(32), digest: 'b'.repeat(64) };

  it('should hand a copy to the clipboard guard, and send one typed message per copy', async () => {
    const copied = vi.fn(async () => {});
    await handleMessage(fakeEngine(), { type: 'clipboard/copied', ...mark }, undefined, { copied });
    expect(copied).toHaveBeenCalledWith(mark, null);
    const send = vi.fn(async (_message: unknown) => null);
    await clipboardClient(send)(mark);
    expect(send).toHaveBeenCalledWith({ type: 'clipboard/copied', ...mark });
  });

  it('should name the account of the copied token, so its own delay applies (issue 15)', async () => {
    const copied = vi.fn(async () => {});
    const scope = { service: 'http://svc.test', account: 'B' };
    await handleMessage(fakeEngine(), { type: 'clipboard/copied', ...mark, scope }, undefined, { copied });
    await handleMessage(fakeEngine(), { type: 'clipboard/copied', ...mark, scope: 'B' }, undefined, {
      copied,
    });
    expect(copied.mock.calls).toEqual([
      [mark, scope],
      [mark, null],
    ]);
    const send = vi.fn(async (_message: unknown) => null);
    await clipboardClient(send)(mark, scope);
    expect(send).toHaveBeenCalledWith({ type: 'clipboard/copied', ...mark, scope });
  });

  it.each([
    { type: 'clipboard/copied' },
    { type: 'clipboard/copied', salt: mark.salt, digest: 'eyJhbGciOiJIUzI1NiJ9.the-token-itself' },
    { type: 'clipboard/clear-if', ...mark },
  ])('should not answer %j', (message) => {
    const copied = vi.fn(async () => {});
    expect(handleMessage(fakeEngine(), message, undefined, { copied })).toBeUndefined();
    expect(copied).not.toHaveBeenCalled();
  });
});

describe('handleMessage check', () => {
  const vault = {} as Locker['vault'];
  const reveal = vi.fn();

  it('should hand a check to the locker and send one typed message per check', async () => {
    const check = vi.fn(async () => ({ ok: true as const, check: { verdict: 'works' as const } }));
    const locker: Locker = { vault, reveal, check };
    expect(
      await handleMessage(fakeEngine(), { type: 'tokens/check', id: '9' }, undefined, undefined, locker),
    ).toEqual({ ok: true, check: { verdict: 'works' } });
    expect(check).toHaveBeenCalledWith('9');
    expect(reveal).not.toHaveBeenCalled();
    const send = vi.fn(async (_message: unknown) => null);
    await checkClient(send)('9');
    expect(send).toHaveBeenCalledWith({ type: 'tokens/check', id: '9' });
  });

  it.each([{ type: 'tokens/check' }, { type: 'tokens/check', id: '' }, { type: 'tokens/check', id: 9 }])(
    'should not answer %j',
    (message) => {
      const check = vi.fn();
      expect(
        handleMessage(fakeEngine(), message, undefined, undefined, { vault, reveal, check }),
      ).toBeUndefined();
      expect(check).not.toHaveBeenCalled();
    },
  );
});

describe('isPersonAction', () => {
  // Issue 11: only what a person did keeps the idle lock open; a page's own timers never do.
  it.each([
    [{ type: 'tokens/sync', now: true }, true],
    [{ type: 'tokens/create', name: 'x' }, true],
    [{ type: 'tokens/revoke', id: '1' }, true],
    [{ type: 'tokens/fill', id: '1' }, true],
    [{ type: 'tokens/sync', opening: true }, true],
    [{ type: 'tokens/secret', id: '1' }, true],
    [{ type: 'tokens/check', id: '1' }, true],
    [{ type: 'clipboard/copied', salt: 'a', digest: 'b' }, true],
    [{ type: 'vault/unlock', passphrase: 'p' }, true],
    [{ type: 'vault/lock' }, true],
    [{ type: 'vault/disable', current: 'p' }, true],
    [{ type: 'vault/configure', settings: {} }, true],
    [{ type: 'session/save', session: {} }, true],
    // A page opening, its retry timers, its status reads.
    [{ type: 'tokens/sync' }, false],
    [{ type: 'tokens/sync', shown: true, from: 'page-1' }, false],
    [{ type: 'tokens/sync', now: 'true' }, false],
    [{ type: 'account/status' }, false],
    [{ type: 'vault/status' }, false],
    [{ type: 'tokens/unknown' }, false],
    [null, false],
    ['vault/unlock', false],
  ])('should take %j as a person action: %s', (message, person) => {
    expect(isPersonAction(message)).toBe(person);
  });
});

describe('handleMessage lock', () => {
  function fakeLocker() {
    const reply = {
      ok: true as const,
      status: { enabled: true, unlocked: true, retryAt: null, settings: {} },
    };
    const vault = {
      disable: vi.fn(async () => reply),
      change: vi.fn(async () => reply),
      saveSession: vi.fn(async () => 'Unlock first'),
    };
    return { locker: { vault, reveal: vi.fn() } as unknown as Locker, vault };
  }

  it('should carry the current passphrase to turning the lock off and a new passphrase', async () => {
    const { locker, vault } = fakeLocker();
    const send = vi.fn(async (message: unknown) =>
      handleMessage(fakeEngine(), message, undefined, undefined, locker),
    );
    const client = lockClient(send);
    await client.disable('old pass');
    await client.change('old pass', 'new pass');
    expect(vault.disable).toHaveBeenCalledWith('old pass');
    expect(vault.change).toHaveBeenCalledWith('old pass', 'new pass');
    expect(await client.saveSession({ serviceUrl: 'u', credential: 'c', account: 'a', email: 'e' })).toBe(
      'Unlock first',
    );
  });

  it.each([
    { type: 'vault/disable' },
    { type: 'vault/disable', current: '' },
    { type: 'vault/change', passphrase: 'new pass' },
    { type: 'vault/change', current: 'old pass' },
  ])('should not answer %j, which lacks a passphrase', (message) => {
    const { locker, vault } = fakeLocker();
    expect(handleMessage(fakeEngine(), message, undefined, undefined, locker)).toBeUndefined();
    expect(vault.disable).not.toHaveBeenCalled();
    expect(vault.change).not.toHaveBeenCalled();
  });
});
