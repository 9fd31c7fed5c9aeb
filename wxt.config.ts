import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader (and vitest) sees where every name comes from.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Firefox has no offscreen documents and warns about a permission it does not know.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') return;
      manifest.permissions = manifest.permissions?.filter((permission) => permission !== 'offscreen');
    },
  },
  manifest: {
    // Names and texts come from public/_locales/<lang>/messages.json (utils/i18n.ts).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: the service URL and sign-in; clipboardWrite: the copy buttons; alarms: background
    // sync; activeTab + scripting: the fill code, injected into the tab the person is using when
    // they ask for a fill, with no standing access to any site; contextMenus: "Fill API token"
    // on editable fields (issue 4).
    // Clearing the clipboard after a copy (issue 5, utils/clipboard-guard.ts): clipboardRead, to
    // check the clipboard still holds the copied token before clearing it (never clear what the
    // person copied since), and clipboardWrite to empty it, both from a document without focus;
    // offscreen gives Chromium's service worker that document (Firefox's background page has one,
    // so the build for Firefox drops offscreen: see hooks). alarms also times the clear, durably.
    permissions: [
      'storage',
      'clipboardWrite',
      'clipboardRead',
      'offscreen',
      'alarms',
      'activeTab',
      'scripting',
      'contextMenus',
    ],
    // Strict, and stated rather than left to the browser's default: only the extension's own
    // scripts run in its pages; no eval, no remote script, no plugin (test/e2e/boundaries.spec.ts).
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
    // utils/fill.ts FILL_COMMAND: fills the token last filled into this site, or opens the popup.
    commands: {
      'fill-token': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandFill__',
      },
    },
    // The service origin is asked for at sign-in, one origin at a time, instead of holding
    // every site up front (house-style 16).
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    browser_specific_settings: {
      gecko: {
        id: 'w3s-token-manager@example.org',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
