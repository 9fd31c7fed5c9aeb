import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader (and vitest) sees where every name comes from.
  imports: false,
  // No modulepreload polyfill: every browser the extension runs in supports modulepreload (popup budget).
  vite: () => ({ plugins: [preact()], build: { modulePreload: { polyfill: false } } }),
  manifest: {
    // Names and texts come from public/_locales/<lang>/messages.json (utils/i18n.ts).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: the service URL and sign-in; clipboardWrite: the copy buttons; alarms: background
    // sync; activeTab + scripting: the fill code, injected into the tab the person is using when
    // they ask for a fill, with no standing access to any site; contextMenus: "Fill API token"
    // on editable fields (issue 4).
    permissions: ['storage', 'clipboardWrite', 'alarms', 'activeTab', 'scripting', 'contextMenus'],
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
