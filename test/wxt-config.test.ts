import { describe, expect, it } from 'vitest';
import type { ConfigEnv, UserManifest } from 'wxt';
import { FILL_COMMAND } from '../utils/fill';
import config from '../wxt.config';

/** The manifest wxt.config.ts gives one target (a function of the browser and manifest version). */
function manifestFor(browser: string, manifestVersion: 2 | 3): UserManifest {
  const env: ConfigEnv = { browser, manifestVersion, mode: 'production', command: 'build' };
  return (config.manifest as (env: ConfigEnv) => UserManifest)(env);
}

// The manifest asks for the least that works; any new permission has to be added here on purpose.
describe('wxt.config manifest', () => {
  const targets = [
    { browser: 'chrome', manifestVersion: 3 },
    { browser: 'firefox', manifestVersion: 3 },
    { browser: 'firefox', manifestVersion: 2 },
  ] as const;

  it.each(targets)('should ask for exactly the allowed permissions ($browser MV$manifestVersion)', (t) => {
    expect(manifestFor(t.browser, t.manifestVersion).permissions).toEqual([
      'storage',
      'clipboardWrite',
      'alarms',
      'activeTab',
      'scripting',
      'contextMenus',
    ]);
  });

  it.each(targets)('should hold no host permission up front ($browser MV$manifestVersion)', (t) => {
    expect(manifestFor(t.browser, t.manifestVersion).host_permissions).toBeUndefined();
  });

  it('should ask for web origins at sign-in as optional host permissions in MV3', () => {
    expect(manifestFor('chrome', 3).optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifestFor('chrome', 3).optional_permissions).toBeUndefined();
  });

  it('should put the same origins in optional_permissions in MV2, which has no optional_host_permissions', () => {
    const manifest = manifestFor('firefox', 2);
    expect(manifest.optional_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.optional_host_permissions).toBeUndefined();
  });

  it('should build MV3 for every browser', () => {
    expect(config.manifestVersion).toBe(3);
  });

  it('should give Firefox its add-on id, minimum version and data collection answer, and Chrome none', () => {
    expect(manifestFor('firefox', 3).browser_specific_settings).toEqual({
      gecko: {
        id: 'w3s-token-manager@example.org',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
    expect(manifestFor('chrome', 3).browser_specific_settings).toBeUndefined();
  });

  it('should declare the fill shortcut the background listens for', () => {
    expect(Object.keys(manifestFor('chrome', 3).commands ?? {})).toEqual([FILL_COMMAND]);
  });
});
