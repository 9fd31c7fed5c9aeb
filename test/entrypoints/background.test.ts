import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { SYNC_ALARM } from '../../utils/background-sync';
import { saveSettings } from '../../utils/settings';

describe('background', () => {
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
