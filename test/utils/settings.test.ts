import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  hasOwnSettings,
  loadAccountSettings,
  loadCopyFormat,
  loadSettings,
  onSettingsChange,
  removeSettings,
  saveCopyFormat,
  saveSettings,
} from '../../utils/settings';
import type { Scope } from '../../utils/store';

const work: Scope = { service: 'http://127.0.0.1:8787', account: 'A' };
const home: Scope = { service: 'http://127.0.0.1:8787', account: 'B' };
const other: Scope = { service: 'https://tokens.example.org', account: 'A' };

describe('settings', () => {
  it('should default to a 15-minute sync, a 30-second clipboard clear and the raw copy format', async () => {
    expect(await loadSettings(work)).toEqual({ syncMinutes: 15, clipboardSeconds: 30 });
    expect(await loadSettings(null)).toEqual({ syncMinutes: 15, clipboardSeconds: 30 });
    expect(await loadCopyFormat(work)).toBe('raw');
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
  ])('should load %s, device-wide and as an account without its own', async (_label, stored, expected) => {
    await fakeBrowser.storage.local.set({ 'settings.v1': stored });
    expect(await loadSettings(null)).toEqual(expected);
    expect(await loadSettings(work)).toEqual(expected);
  });

  it.each([
    ['a record that is not an object', 'fast'],
    ['a record of wrong types', { syncMinutes: '5', clipboardSeconds: -1, copyFormat: 'pem' }],
  ])("should fall back to the device-wide values for %s in an account's record", async (_label, record) => {
    await fakeBrowser.storage.local.set({
      'settings.v1': { syncMinutes: 60, clipboardSeconds: 120 },
      'copyFormat.v1': 'env',
      'settings.v2:http://127.0.0.1:8787 A': record,
    });
    expect(await loadSettings(work)).toEqual({ syncMinutes: 60, clipboardSeconds: 120 });
    expect(await loadCopyFormat(work)).toBe('env');
  });

  it('should start every account, signed in before the upgrade or after, from the device-wide values', async () => {
    // What an earlier version stored, once for the whole device.
    await fakeBrowser.storage.local.set({
      'settings.v1': { syncMinutes: 5, clipboardSeconds: 0 },
      'copyFormat.v1': 'header',
    });
    for (const scope of [work, home, other]) {
      expect(await loadSettings(scope)).toEqual({ syncMinutes: 5, clipboardSeconds: 0 });
      expect(await loadCopyFormat(scope)).toBe('header');
    }
    // One account changes one setting: only that field of that account moves, and the old keys stay.
    await saveSettings(work, { syncMinutes: 60, clipboardSeconds: 0 });
    expect(await loadSettings(work)).toEqual({ syncMinutes: 60, clipboardSeconds: 0 });
    expect(await loadCopyFormat(work)).toBe('header');
    expect(await loadSettings(home)).toEqual({ syncMinutes: 5, clipboardSeconds: 0 });
    expect(await fakeBrowser.storage.local.get(['settings.v1', 'copyFormat.v1'])).toEqual({
      'settings.v1': { syncMinutes: 5, clipboardSeconds: 0 },
      'copyFormat.v1': 'header',
    });
  });

  it("should keep each account's settings apart, by service and account", async () => {
    await saveSettings(work, { syncMinutes: 30, clipboardSeconds: 120 });
    await saveCopyFormat(home, 'env');
    await saveSettings(other, { syncMinutes: 5, clipboardSeconds: 15 });
    expect(await loadAccountSettings([work, home, other, null])).toEqual([
      { syncMinutes: 30, clipboardSeconds: 120, copyFormat: 'raw' },
      { syncMinutes: 15, clipboardSeconds: 30, copyFormat: 'env' },
      { syncMinutes: 5, clipboardSeconds: 15, copyFormat: 'raw' },
      { syncMinutes: 15, clipboardSeconds: 30, copyFormat: 'raw' },
    ]);
  });

  it('should write the device-wide starting values while nobody is signed in', async () => {
    await saveSettings(null, { syncMinutes: 60, clipboardSeconds: 300 });
    await saveCopyFormat(null, 'env');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      'settings.v1': { syncMinutes: 60, clipboardSeconds: 300 },
      'copyFormat.v1': 'env',
    });
    expect(await loadAccountSettings([work])).toEqual([
      { syncMinutes: 60, clipboardSeconds: 300, copyFormat: 'env' },
    ]);
  });

  it('should say an account has settings of its own only once it or the device chose some', async () => {
    expect(await hasOwnSettings(work)).toBe(false);
    await saveCopyFormat(home, 'env');
    expect(await hasOwnSettings(work)).toBe(false);
    expect(await hasOwnSettings(home)).toBe(true);
    // The device-wide values of an earlier version are every account's since the upgrade.
    await fakeBrowser.storage.local.set({ 'settings.v1': { syncMinutes: 60 } });
    expect(await hasOwnSettings(work)).toBe(true);
  });

  it("should remove one account's record on sign-out and leave the others", async () => {
    await saveSettings(work, { syncMinutes: 30, clipboardSeconds: 120 });
    await saveSettings(home, { syncMinutes: 60, clipboardSeconds: 0 });
    await removeSettings(work);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual([
      'settings.v2:http://127.0.0.1:8787 B',
    ]);
    expect(await loadSettings(work)).toEqual(DEFAULT_SETTINGS);
  });

  it("should tell a listener of any account's change, and of nothing else", async () => {
    let heard = 0;
    const stop = onSettingsChange(() => heard++);
    await saveSettings(work, { syncMinutes: 30, clipboardSeconds: 30 });
    await saveCopyFormat(null, 'env');
    await fakeBrowser.storage.local.set({ 'sessions.v2': { active: null, list: [] } });
    expect(heard).toBe(2);
    stop();
    await saveSettings(home, { syncMinutes: 30, clipboardSeconds: 30 });
    expect(heard).toBe(2);
  });
});
