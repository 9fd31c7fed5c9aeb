import { IDBDatabase } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { clearSession, saveSession } from '../../utils/account/session';
import { DEFAULT_SETTINGS, saveSettings } from '../../utils/settings';
import { applyList } from '../../utils/store/db';
import { openTokenDb } from '../../utils/store/open';
import { SYNC_ALARM } from '../../utils/sync/schedule';
import { fakeMenusAndCommands } from '../helpers/fake-menus';

const session = { serviceUrl: 'http://127.0.0.1:8787', credential: 'c', account: '42', email: 'a@b.c' };
const scope = { service: session.serviceUrl, account: session.account };
const created = '2026-01-01T00:00:00.000+00:00';

/** Signs `session` in with `names` listed (ids 1, 2, … in that order), as a sync would have kept them. */
async function signedInWith(...names: string[]): Promise<void> {
  const db = await openTokenDb();
  const tokens = names.map((name, i) => ({
    id: String(i + 1),
    name,
    secret: `s${i + 1}`,
    created,
    hasUploads: false,
  }));
  await applyList(db, scope, tokens, 1);
  db.close();
  await saveSession(session);
}

describe('background', () => {
  let menus: ReturnType<typeof fakeMenusAndCommands>;
  beforeEach(() => {
    menus = fakeMenusAndCommands();
  });

  it("should list the account's active tokens in the fill menu, and empty it on sign-out", async () => {
    await signedInWith('CI & deploy', 'laptop');
    background.main();
    const titles = () => [...menus.items.values()].map((item) => (item as { title: string }).title);
    // The most recent first (made at the same time here: in the list's order, by name), then "More tokens…".
    await vi.waitFor(() =>
      expect(titles()).toEqual(['Fill API token', 'CI && deploy', 'laptop', '', 'More tokens…']),
    );
    await clearSession();
    await vi.waitFor(() => expect(menus.items.size).toBe(0));
  });

  it('should open the popup from the fill shortcut when no token is remembered, and fill nothing from the menu signed out', async () => {
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    background.main();
    await menus.onCommand.trigger('fill-token');
    // The listener does not wait for the fill: the popup opens a few promises later.
    await vi.waitFor(() => expect(menus.openPopup).toHaveBeenCalledTimes(1));
    await menus.onClicked.trigger({ menuItemId: 'fill:1', editable: true });
    expect(inject).not.toHaveBeenCalled();
    expect(menus.items.size).toBe(0);
  });

  it('should finish a frame fill from permissions.onAdded once the browser grants its origin', async () => {
    await signedInWith('ci');
    const W = 'https://widget.example';
    const answer = {
      ...{ url: '', path: [] as number[], self: -1, view: { l: 0, t: 0, r: 800, b: 600 } },
      ...{
        found: false,
        score: 0,
        focused: false,
        box: null as null | object,
        focusIn: null as null | number,
      },
      ...{ refused: null, unseen: null, frames: [] as object[] },
    };
    const child = { index: 0, frameId: -1, src: W, box: { l: 0, t: 0, r: 420, b: 90 }, x: 0, y: 0, scale: 1 };
    const top = { ...answer, origin: 'https://ci.example', focusIn: 0, frames: [child] };
    let reachable = false;
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3 }] as never);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: {
      files?: string[];
      args?: unknown[];
    }) => {
      if (injection.files) return [];
      const inFrame = {
        ...answer,
        ...{ origin: W, url: `${W}/`, path: [0], view: { l: 0, t: 0, r: 420, b: 90 } },
        ...{ found: true, focused: true, box: { l: 10, t: 10, r: 310, b: 40 } },
      };
      if (injection.args) return [{ frameId: 5, result: inFrame }];
      return [{ frameId: 0, result: top }, ...(reachable ? [{ frameId: 5, result: inFrame }] : [])];
    }) as never);
    background.main();
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const ask = (confirmed?: string) =>
      fakeBrowser.runtime.onMessage.trigger({ type: 'tokens/fill', id: '1', confirmed }, popup);
    expect(await ask()).toEqual([{ kind: 'confirm', origin: W, top: 'https://ci.example', url: W }]);
    expect(await ask(W)).toEqual([{ kind: 'waiting', origin: W }]);
    reachable = true;
    await menus.onAdded.trigger({ origins: ['https://other.example/*'], permissions: [] });
    expect(inject.mock.calls.some(([i]) => i.args)).toBe(false);
    await menus.onAdded.trigger({ origins: ['https://widget.example/*'], permissions: [] });
    await vi.waitFor(() =>
      expect(inject).toHaveBeenCalledWith({
        target: { tabId: 3, frameIds: [5] },
        func: expect.any(Function),
        args: ['s1', W, '[0]'],
      }),
    );
  });

  it.each([
    ['install', 1],
    ['update', 0],
  ] as const)('should open the options page on %s %i time(s)', async (reason, times) => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason, temporary: false });
    expect(open).toHaveBeenCalledTimes(times);
  });

  it('should schedule the periodic sync every 15 minutes by default, and follow the setting', async () => {
    background.main();
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(15),
    );
    await saveSettings(null, { ...DEFAULT_SETTINGS, syncMinutes: 60 });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(60),
    );
  });

  it("should count only a person's actions as use for the idle lock, never a page's automatic sync", async () => {
    background.main();
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const activity = async () =>
      (await fakeBrowser.storage.session.get('vault.activity.v1'))['vault.activity.v1'];
    // Opening, status reads, and the retry timer's syncs: none is use.
    for (const message of [
      { type: 'vault/status' },
      { type: 'tokens/sync', shown: true },
      { type: 'account/status' },
    ])
      await fakeBrowser.runtime.onMessage.trigger(message, popup);
    expect(await activity()).toBeUndefined();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'tokens/sync', now: true, shown: true }, popup);
    await vi.waitFor(async () => expect(await activity()).toBeTypeOf('number'));
  });

  it('should fill from the popup only in the account the popup names (issue 15)', async () => {
    await signedInWith('ci');
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    background.main();
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    // A popup still showing another account (switched elsewhere): its token id means nothing here.
    const other = { service: scope.service, account: '43' };
    const replies = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'tokens/fill', id: '1', scope: other },
      popup,
    );
    expect(replies[0]).toEqual({
      kind: 'error',
      message: expect.stringMatching(/^That token belongs to another account/),
    });
    expect(inject).not.toHaveBeenCalled();
    // The menu's first build ends within this test.
    await vi.waitFor(() => expect(menus.items.size).toBe(4));
  });

  it('should leave the menu and the store alone for page messages that change nothing it shows', async () => {
    await signedInWith('ci');
    background.main();
    await vi.waitFor(() => expect(menus.items.size).toBe(4));
    const made = vi.spyOn(menus.items, 'set');
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    // The popup opening (the lock's state) and the lock's activity: before issue 14 each of these
    // rebuilt the whole menu from the store afterwards.
    await fakeBrowser.runtime.onMessage.trigger({ type: 'vault/status' }, popup);
    await fakeBrowser.storage.session.set({ 'vault.activity.v1': 2 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(made).not.toHaveBeenCalled();
    expect(transactions).not.toHaveBeenCalled();
  });
});
