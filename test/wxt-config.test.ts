import { describe, expect, it } from 'vitest';
import type { UserManifest } from 'wxt';
import { FILL_COMMAND } from '../utils/fill';
import config from '../wxt.config';

// The manifest asks for the least that works; any new permission has to be added here on purpose.
describe('wxt.config manifest', () => {
  // The manifest is a plain object in wxt.config.ts, not a function or a promise.
  const manifest = config.manifest as UserManifest;

  it('should ask for exactly the allowed permissions', () => {
    expect(manifest.permissions).toEqual([
      'storage',
      'clipboardWrite',
      'alarms',
      'activeTab',
      'scripting',
      'contextMenus',
    ]);
  });

  it('should hold no host permission up front, only optional web origins asked at sign-in', () => {
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  });

  it('should declare the fill shortcut the background listens for', () => {
    expect(Object.keys(manifest.commands ?? {})).toEqual([FILL_COMMAND]);
  });
});
