import { describe, expect, it } from 'vitest';
import type { ConfigEnv, UserManifest } from 'wxt';
import { FILL_COMMAND } from '../utils/fill/filler';
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

  // Each permission with the reason it earns its place; a new one fails here until it is justified.
  const ALLOWED: Record<string, string> = {
    storage: 'the service URL, the sign-in and the settings',
    clipboardWrite: 'the Copy buttons, and emptying the clipboard after the chosen delay',
    clipboardRead: 'checking the clipboard still holds the copied token before emptying it',
    offscreen: "a document for Chromium's service worker to do that clipboard work in",
    alarms: 'background sync, revoke retries and the clipboard clear, past the worker stopping',
    activeTab: 'filling the tab the person is using, when they ask',
    scripting: 'injecting the fill code into that tab',
    contextMenus: '"Fill API token" on editable fields',
  };

  it('should ask Chrome for exactly the allowed permissions', () => {
    expect(manifestFor('chrome', 3).permissions).toEqual(Object.keys(ALLOWED));
  });

  it.each([2, 3] as const)('should ask Firefox MV%s for the same, less offscreen, an API it lacks', (mv) => {
    expect(manifestFor('firefox', mv).permissions).toEqual(
      Object.keys(ALLOWED).filter((permission) => permission !== 'offscreen'),
    );
  });

  it('should state a strict policy for its pages: its own scripts only, no eval, no remote origin', () => {
    const strict = "script-src 'self'; object-src 'self'";
    for (const target of targets.filter((t) => t.manifestVersion === 3)) {
      const policy = manifestFor(target.browser, 3).content_security_policy as { extension_pages?: string };
      expect(policy.extension_pages).toBe(strict);
    }
    expect(manifestFor('firefox', 2).content_security_policy).toBe(strict);
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

  it('should declare the fill shortcut the background listens for, and the popup’s own', () => {
    const commands = manifestFor('chrome', 3).commands ?? {};
    expect(Object.keys(commands).sort()).toEqual(['_execute_action', FILL_COMMAND].sort());
    // Both keys are free of each other and of the browsers' own: Alt+Shift, two letters apart.
    expect(commands._execute_action?.suggested_key).toEqual({ default: 'Alt+Shift+L' });
  });

  it.each([
    ['chrome', 3],
    ['firefox', 3],
    ['firefox', 2],
  ] as const)('should give %s (MV%i) the icon at every size, on the toolbar too', (browser, version) => {
    const manifest = manifestFor(browser, version);
    const sizes = { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' };
    expect(manifest.icons).toEqual(sizes);
    expect(manifest.action?.default_icon).toEqual(sizes);
  });
});
