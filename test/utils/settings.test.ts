import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../utils/settings';

describe('settings', () => {
  it('should default to a 15-minute sync and a 30-second clipboard clear', async () => {
    expect(await loadSettings()).toEqual({ syncMinutes: 15, clipboardSeconds: 30 });
  });

  it.each([
    [
      'settings saved before the clipboard setting existed',
      { syncMinutes: 60 },
      { syncMinutes: 60, clipboardSeconds: 30 },
    ],
    ['never', { syncMinutes: 5, clipboardSeconds: 0 }, { syncMinutes: 5, clipboardSeconds: 0 }],
    ['values that are not choices', { syncMinutes: 1, clipboardSeconds: 1 }, DEFAULT_SETTINGS],
    ['values of the wrong type', { syncMinutes: '5', clipboardSeconds: null }, DEFAULT_SETTINGS],
  ])('should load %s', async (_label, stored, expected) => {
    await fakeBrowser.storage.local.set({ 'settings.v1': stored });
    expect(await loadSettings()).toEqual(expected);
  });

  it('should keep what it saves', async () => {
    await saveSettings({ syncMinutes: 30, clipboardSeconds: 120 });
    expect(await loadSettings()).toEqual({ syncMinutes: 30, clipboardSeconds: 120 });
  });
});
