import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { ICON_MAP } from './modules/icons';

// The origins the service may live at, asked for one at a time at sign-in (utils/account/permissions.ts).
const SERVICE_ORIGINS = ['http://*/*', 'https://*/*'];
const PAGE_POLICY = "script-src 'self'; object-src 'self'";

/**
 * popup.html as issue 14 wants it. Its stylesheet goes in as a `<style>`: a linked one is one more
 * file to fetch, and no script of the page may run before every stylesheet in the head has loaded
 * (the policy below limits scripts only, so an inline style is allowed). The first script blocks
 * rendering (`blocking="render"`, Chromium; Firefox ignores it): the browser paints nothing before
 * it has run, as with the classic script of a plain page, instead of painting the empty page while
 * its response waits (the paint of an empty popup took the main thread for 5–20 ms, and the
 * script, and so the reads, started that much later). The popup's code, which that script imports
 * (entrypoints/popup/main.ts), is not preloaded: a preload is compiled as it arrives, on the main
 * thread, and held up the first script and the kept first screen's paint (utils/first-screen.ts).
 */
function popupHtml(): Plugin {
  return {
    name: 'w3s:popup-html',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, filename }) {
        if (!bundle || !filename.endsWith('popup/index.html')) return html;
        const styled = html.replace(
          /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g,
          (link, file: string) => {
            const asset = bundle[file];
            if (asset?.type !== 'asset') return link;
            delete bundle[file];
            return `<style>${String(asset.source).trim()}</style>`;
          },
        );
        return styled.replace(
          /<script type="module"([^>]*)><\/script>/,
          '<script type="module" blocking="render"$1></script>',
        );
      },
    },
  };
}

/**
 * The popup's one dynamic import (its code, imported by its first script) needs nothing of
 * Vite's preload helper: that code imports no chunk but the first script's, and the styles are
 * inline (popupHtml), so every call's list of files to preload is empty, and the helper's 1.7 KB (0.7 KB
 * gzip) in the popup's first script were dead code. test/packaging/popup-html.test.ts fails if a
 * dynamic import of the popup ever has files to preload (Vite then emits `__vite__mapDeps`).
 */
function popupPreloadHelper(): Plugin {
  const helper = '\0vite/preload-helper.js';
  return {
    name: 'w3s:popup-preload-helper',
    apply: 'build',
    enforce: 'pre',
    load: (id) => (id === helper ? 'export const __vitePreload = (load) => load();' : undefined),
  };
}

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader (and vitest) sees where every name comes from.
  imports: false,
  // No modulepreload polyfill: every browser this extension supports has modulepreload, and the
  // popup's 20 KB budget has no room for dead code (0.26 KB gzip).
  vite: () => ({ plugins: [preact(), popupHtml()], build: { modulePreload: { polyfill: false } } }),
  // MV3 for Firefox too (WXT defaults Firefox to MV2): `action.openPopup` for the fill shortcut,
  // `optional_host_permissions`, and `scripting` exist as in Chrome, and WXT gives Firefox an event
  // page (`background.scripts`: Firefox has no extension service worker) where IndexedDB, alarms
  // and BroadcastChannel work as in Chrome's worker. `--mv2` still builds (see below).
  manifestVersion: 3,
  hooks: {
    // The popup runs on the browser's own promise-based `browser` (Chrome's MV3 `chrome`, Firefox's
    // `browser`), as WXT does without its polyfill module: every API it calls returns a promise in
    // both, and it listens for no message (test/conventions keeps it so). The polyfill is 3 KB
    // gzip of the popup's code, and its proxies sit on every call; the background, the options
    // page and the fill code keep it (issue 14).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.name === 'popup')) return;
      config.resolve = {
        ...config.resolve,
        alias: { ...config.resolve?.alias, 'wxt/browser': '@wxt-dev/browser' },
      };
      config.plugins = [...(config.plugins ?? []), popupPreloadHelper()];
    },
    // The popup is built on its own (issue 6, its 20 KB budget): built with the other pages, it
    // shares chunks with them, and every function the options page also imports from a shared
    // module lands in the popup's files too, each file gzipped apart. Alone, it carries only what
    // it runs. The other pages still share one build.
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        if (!Array.isArray(group)) continue;
        const at = group.findIndex((entry) => entry.name === 'popup');
        if (at === -1 || group.length === 1) continue;
        groups.push(group.splice(at, 1));
        return;
      }
    },
  },
  // Store packages (`npm run zip`): the sources archive Mozilla's review asks for holds what
  // rebuilds the extension and nothing else (docs/packaging.md); test/packaging checks it.
  zip: {
    excludeSources: ['**'],
    includeSources: [
      ...['README.md', 'package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json'],
      ...['entrypoints', 'components', 'utils', 'modules', 'assets', 'public', 'locales'].map(
        (d) => `${d}/**`,
      ),
    ],
  },
  manifest: ({ browser, manifestVersion }) => ({
    // Names and texts come from public/_locales/<lang>/messages.json (utils/lib/i18n.ts).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The extensions page and the stores (128), and the toolbar button (16, 32): one drawing,
    // a blue tile with a white key, legible on light and dark toolbars (assets/icon.svg),
    // rendered by modules/icons.ts on every build.
    icons: ICON_MAP,
    action: { default_icon: ICON_MAP },
    // storage: the service URL and sign-in; clipboardWrite: the copy buttons; alarms: background
    // sync; activeTab + scripting: the fill code, injected into the tab the person is using when
    // they ask for a fill, with no standing access to any site; contextMenus: "Fill API token"
    // on editable fields (issue 4; Firefox knows it as an alias of `menus`).
    // Clearing the clipboard after a copy (issue 5, utils/clipboard/guard.ts): clipboardRead, to
    // check the clipboard still holds the copied token before clearing it (never clear what the
    // person copied since), and clipboardWrite to empty it, both from a document without focus;
    // offscreen gives Chromium's service worker that document (Firefox has no offscreen API: its
    // background page has a document of its own). alarms also times the clear, durably.
    permissions: [
      'storage',
      'clipboardWrite',
      'clipboardRead',
      ...(browser === 'firefox' ? [] : ['offscreen']),
      'alarms',
      'activeTab',
      'scripting',
      'contextMenus',
    ],
    // Strict, and stated rather than left to the browser's default: only the extension's own
    // scripts run in its pages; no eval, no remote script, no plugin (test/e2e/boundaries.spec.ts).
    // MV2 takes the policy as a plain string.
    content_security_policy: manifestVersion === 2 ? PAGE_POLICY : { extension_pages: PAGE_POLICY },
    // utils/fill/filler.ts FILL_COMMAND: fills the token last filled into this site, or opens the popup.
    // _execute_action opens the popup (issue 15); Chrome and Firefox name it and need no handler.
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandPopup__',
      },
      'fill-token': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandFill__',
      },
    },
    // The service origin is asked for at sign-in, one origin at a time, instead of holding
    // every site up front (house-style 16). MV2 has no `optional_host_permissions` (WXT drops
    // the key): there origins go in `optional_permissions`.
    ...(manifestVersion === 2
      ? { optional_permissions: SERVICE_ORIGINS }
      : { optional_host_permissions: SERVICE_ORIGINS }),
    // Firefox only (Chrome warns about unknown keys). 140 (142 on Android): the first release
    // that reads `data_collection_permissions`, which new add-ons must declare; every API used is
    // older (optional_host_permissions 128, scripting in MV3 109).
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'w3s-token-manager@example.org',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
