import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';

describe('background', () => {
  it.each([
    ['install', 1],
    ['update', 0],
  ] as const)('should open the options page %s → %i times', async (reason, times) => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason, temporary: false });
    expect(open).toHaveBeenCalledTimes(times);
  });
});
