import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { SYNC_ALARM } from '../../utils/background-sync';
import { applyList, openTokenDb } from '../../utils/db';
import { clearSession, saveSession } from '../../utils/session';
import { saveSettings } from '../../utils/settings';
import { fakeMenusAndCommands } from '../helpers/fake-menus';

describe('background', () => {
  let menus: ReturnType<typeof fakeMenusAndCommands>;
  beforeEach(() => {
    menus = fakeMenusAndCommands();
  });

  it("should list the account's active tokens in the fill menu, and empty it on sign-out", async () => {
    const session = { serviceUrl: 'http://127.0.0.1:8787', credential: 'c', account: '42', email: 'a@b.c' };
    const db = await openTokenDb();
    const created = '2026-01-01T00:00:00.000+00:00';
    await applyList(
      db,
      { service: session.serviceUrl, account: session.account },
      [
        { id: '2', name: 'laptop', secret: 's2', created, hasUploads: false },
        { id: '1', name: 'CI & deploy', secret: 's1', created, hasUploads: false },
      ],
      1,
    );
    db.close();
    await saveSession(session);
    background.main();
    const titles = () => [...menus.items.values()].map((item) => (item as { title: string }).title);
    await vi.waitFor(() => expect(titles()).toEqual(['Fill API token', 'CI && deploy', 'laptop']));
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
    await saveSettings({ syncMinutes: 60 });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(60),
    );
  });
});
