import { describe, expect, it } from 'vitest';
import { readManifest } from './output';

// Firefox has no offscreen documents (its background page does the clipboard work itself).
const PERMISSIONS = [
  'storage',
  'clipboardWrite',
  'clipboardRead',
  'alarms',
  'activeTab',
  'scripting',
  'contextMenus',
];
const CHROME_PERMISSIONS = [...PERMISSIONS.slice(0, 3), 'offscreen', ...PERMISSIONS.slice(3)];
const POLICY = "script-src 'self'; object-src 'self'";
const ORIGINS = ['http://*/*', 'https://*/*'];
const GECKO = {
  id: 'w3s-token-manager@example.org',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['none'] },
};

// The manifests the builds actually wrote, after WXT's own per-browser rewriting.
describe('built manifests', () => {
  it('should give Firefox MV3 an event page, the optional origins and its gecko settings', () => {
    const manifest = readManifest('firefox-mv3');
    expect(manifest).toMatchObject({
      manifest_version: 3,
      background: { scripts: ['background.js'] },
      permissions: PERMISSIONS,
      optional_host_permissions: ORIGINS,
      content_security_policy: { extension_pages: POLICY },
      action: { default_popup: 'popup.html' },
      options_ui: { page: 'options.html', open_in_tab: true },
      browser_specific_settings: { gecko: GECKO, gecko_android: { strict_min_version: '142.0' } },
    });
    expect(manifest.background).not.toHaveProperty('service_worker');
    expect(manifest).not.toHaveProperty('host_permissions');
  });

  it('should move the optional origins to optional_permissions in a Firefox MV2 build', () => {
    const manifest = readManifest('firefox-mv2');
    expect(manifest).toMatchObject({
      manifest_version: 2,
      background: { scripts: ['background.js'] },
      permissions: PERMISSIONS,
      optional_permissions: ORIGINS,
      content_security_policy: POLICY,
      browser_action: { default_popup: 'popup.html' },
      browser_specific_settings: { gecko: GECKO, gecko_android: { strict_min_version: '142.0' } },
    });
    expect(manifest).not.toHaveProperty('optional_host_permissions');
    expect(manifest).not.toHaveProperty('host_permissions');
  });

  it('should give Chrome a service worker and no Firefox-only keys', () => {
    const manifest = readManifest('chrome-mv3');
    expect(manifest).toMatchObject({
      manifest_version: 3,
      background: { service_worker: 'background.js' },
      permissions: CHROME_PERMISSIONS,
      optional_host_permissions: ORIGINS,
      content_security_policy: { extension_pages: POLICY },
    });
    expect(manifest).not.toHaveProperty('browser_specific_settings');
    expect(manifest).not.toHaveProperty('host_permissions');
  });
});
