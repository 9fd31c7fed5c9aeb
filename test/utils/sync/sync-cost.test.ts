import { IDBDatabase, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Session } from '../../../utils/account/session';
import { watchBadge } from '../../../utils/badge/background';
import { createFillMenu } from '../../../utils/fill/menu';
import { openTokenDb } from '../../../utils/store/open';
import type { Scope, TokenRecord } from '../../../utils/store/records';
import { createEngine, type EngineReply } from '../../../utils/sync/engine';
import { createTokensModel } from '../../../utils/tokens/model';
import { apiToken, createFakeApi } from '../../helpers/fake-api';
import { fakeMenusAndCommands } from '../../helpers/fake-menus';
import { localTokensDeps } from '../../helpers/local-deps';

// The cost of a sync as counts (issue 14), everything it triggers included: the engine's
// transaction, records written, the broadcast to open pages, and the background's menu.

const session: Session = {
  serviceUrl: 'http://127.0.0.1:8787',
  credential: 'c',
  account: '42',
  email: 'a@b.c',
};
const tokens = (n: number) => Array.from({ length: n }, (_, i) => apiToken(String(i), `token ${i}`));

function setup(count: number) {
  const fake = createFakeApi(tokens(count));
  const followers: Promise<void>[] = [];
  const deps = {
    loadSession: async () => session,
    endSession: async () => {},
    openDb: () => openTokenDb(),
    makeApi: () => fake.api,
    now: () => 1_800_000_000_000,
    random: () => 0.5,
    // As entrypoints/background.ts wires them: the menu and the badge follow the engine's writes.
    changed: (scope: Scope, written: readonly TokenRecord[] | null) => {
      followers.push(menu.refresh(written ?? undefined, scope), badge.tokensChanged(scope, written));
    },
  };
  const engine = createEngine(deps);
  const menu = createFillMenu(deps);
  const badge = watchBadge({ ...deps, listSessions: async () => [session], isLocked: async () => false });
  /** A page's sync, and everything it sets off in the background, settled. */
  const syncAndMenu = async (): Promise<EngineReply> => {
    const reply = await engine.sync({ from: 'page' });
    await Promise.all(followers.splice(0));
    return reply;
  };
  return { fake, deps, engine, menu, badge, syncAndMenu };
}

function counters() {
  const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
  const writes = (['put', 'add', 'delete'] as const).map((name) => vi.spyOn(IDBObjectStore.prototype, name));
  const broadcast = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
  return {
    transactions: () => transaction.mock.calls.length,
    written: () => writes.reduce((sum, spy) => sum + spy.mock.calls.length, 0),
    broadcasts: () => broadcast.mock.calls.length,
  };
}

let menus: ReturnType<typeof fakeMenusAndCommands>;
let badgeText: ReturnType<typeof vi.fn>;
beforeEach(() => {
  menus = fakeMenusAndCommands();
  badgeText = vi.fn(async () => {});
  Object.assign(fakeBrowser.action, {
    setBadgeText: badgeText,
    setBadgeBackgroundColor: async () => {},
    setTitle: async () => {},
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the cost of a sync', () => {
  it.each([10, 1_000])(
    'should cost one transaction, four records and one broadcast for a first sync of %i tokens',
    async (count) => {
      const { menu, badge, syncAndMenu } = setup(count);
      // The background's start: the menu reads the (empty) list and the grants once, the badge the list.
      await Promise.all([menu.refresh(), badge.tokensChanged(null, null)]);
      badgeText.mockClear();
      const create = vi.spyOn(menus.items, 'set');
      const c = counters();
      const reply = await syncAndMenu();
      expect(reply.sync?.ok && reply.sync.value.changed).toBe(true);
      expect(c.transactions()).toBe(1);
      // The list, its head (what the popup paints first), the secrets and the account.
      expect(c.written()).toBe(4);
      expect(c.broadcasts()).toBe(1);
      // The menu is a handful of entries and the badge unchanged, both from the sync's own
      // tokens (no read of their own: the one transaction above is the sync's).
      expect(create.mock.calls.length).toBe(1 + 4 + 2);
      expect(badgeText).not.toHaveBeenCalled();
    },
  );

  it.each([0, 10, 1_000])(
    'should cost one transaction, no write, no broadcast and no menu for %i tokens unchanged',
    async (count) => {
      const { syncAndMenu } = setup(count);
      await syncAndMenu();
      badgeText.mockClear();
      const create = vi.spyOn(menus.items, 'set');
      const c = counters();
      const reply = await syncAndMenu();
      expect(reply.sync?.ok && reply.sync.value.changed).toBe(false);
      expect(c.transactions()).toBe(1);
      expect(c.written()).toBe(0);
      expect(c.broadcasts()).toBe(0);
      expect(create).not.toHaveBeenCalled();
      expect(badgeText).not.toHaveBeenCalled();
    },
  );

  it('should cost one transaction for "Sync now" with revokes waiting to be hurried', async () => {
    const { engine, fake } = setup(3);
    await engine.sync();
    fake.failNext('revokeToken', { code: 'network', message: 'offline' });
    await engine.revoke('1');
    const c = counters();
    // Due at once (now), sent, and recorded: the list's transaction and the outcomes'.
    await engine.sync({ now: true });
    expect(c.transactions()).toBe(2);
  });
});

describe("the popup's first paint", () => {
  it('should read one record from the store before it paints 1,000 tokens', async () => {
    const { deps, syncAndMenu } = setup(1_000);
    await syncAndMenu();
    const model = createTokensModel(
      localTokensDeps({ ...deps, copyText: async () => ({ ok: true, value: undefined }) }),
    );
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    let readsAtPaint = -1;
    model.state.subscribe((state) => {
      if (state === 'ready' && readsAtPaint < 0)
        readsAtPaint = get.mock.calls.length + getAll.mock.calls.length;
    });
    await model.start();
    expect(readsAtPaint).toBe(1);
    expect(model.tokens.value).toHaveLength(1_000);
  });
});
