import { describe, expect, it } from 'vitest';
import type { UserManifest } from 'wxt';
import { FILL_COMMAND } from '../utils/fill';
import config from '../wxt.config';

// The manifest asks for the least that works; any new permission has to be added here on purpose.
describe('wxt.config manifest', () => {
  // The manifest is a plain object in wxt.config.ts, not a function or a promise.
  const manifest = config.manifest as UserManifest;

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

  it('should ask for exactly the allowed permissions', () => {
    expect(manifest.permissions).toEqual(Object.keys(ALLOWED));
  });

  it('should state a strict policy for its pages: its own scripts only, no eval, no remote origin', () => {
    const policy = (manifest.content_security_policy as { extension_pages?: string } | undefined)
      ?.extension_pages;
    expect(policy).toBe("script-src 'self'; object-src 'self'");
  });

  it('should hold no host permission up front, only optional web origins asked at sign-in', () => {
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  });

  it('should declare the fill shortcut the background listens for', () => {
    expect(Object.keys(manifest.commands ?? {})).toEqual([FILL_COMMAND]);
  });
});
