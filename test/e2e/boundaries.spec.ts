import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { browser } from 'wxt/browser';
import { EXTENSION_DIR, expect, test } from './fixtures';
import { type PageServer, servePages } from './pages/server';
import { serviceTokens, signedInWithToken } from './people';

// The extension's own global, for the callbacks evaluated in its service worker and the page.
declare const chrome: typeof browser;

const manifest = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

function builtFiles(dir = EXTENSION_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? builtFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test.describe('the built extension', () => {
  test('should state a strict content security policy for its pages', () => {
    const csp = (manifest().content_security_policy as { extension_pages?: string } | undefined)
      ?.extension_pages;
    const directives = new Map(
      (csp ?? '')
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name = '', ...values]) => [name, values]),
    );
    for (const name of ['script-src', 'object-src']) {
      const values = directives.get(name) ?? [];
      // 'self' or stricter ('none'), and nothing beside it.
      expect(values.length, name).toBe(1);
      expect(["'self'", "'none'"], name).toContain(values[0]);
    }
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
  });

  test('should open itself to no web page and no other extension', () => {
    const m = manifest();
    for (const key of [
      'externally_connectable',
      'web_accessible_resources',
      'content_scripts',
      'host_permissions',
    ])
      expect(m[key], key).toBeUndefined();
  });

  test('should carry no remote code: no remote script, no eval, no new Function', () => {
    const code = builtFiles().filter((file) => /\.(m?js|html)$/.test(file));
    expect(code.length).toBeGreaterThan(3);
    const found = code.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [
        /<script[^>]*\bsrc\s*=\s*["']?(https?:)?\/\//i,
        /\bimport\s*\(\s*["'`]https?:/,
        /\bfrom\s*["']https?:/,
        /\bimportScripts\s*\(/,
        /\beval\s*\(/,
        /\bnew\s+Function\s*\(/,
        /\bset(Timeout|Interval)\s*\(\s*["'`]/,
      ]
        .filter((pattern) => pattern.test(text))
        .map((pattern) => `${file}: ${pattern}`);
    });
    expect(found).toEqual([]);
  });
});

test.describe('a web page and a content script', () => {
  test.use({ grantedOrigins: ['http://127.0.0.1/*'] });
  let pages: PageServer;
  test.beforeAll(async () => {
    pages = await servePages();
  });
  test.afterAll(async () => {
    await pages.close();
  });

  test('should get nothing from the extension with any message of its contract', async ({
    context,
    service,
    openOptions,
    extensionId,
  }) => {
    const { credential, id } = await signedInWithToken(service, openOptions, 'keep me');
    const messages = [
      { type: 'tokens/sync', now: true },
      { type: 'tokens/create', name: 'planted by a page' },
      { type: 'tokens/revoke', id },
      { type: 'tokens/fill', id, confirmed: pages.url },
      { type: 'clipboard/copied', salt: 'a'.repeat(32), digest: 'b'.repeat(64) },
      { type: 'account/status' },
      { type: 'tokens/secret', id },
      { type: 'vault/status' },
      { type: 'vault/unlock', passphrase: 'guess' },
      { type: 'vault/lock' },
      { type: 'vault/enable', passphrase: 'planted passphrase' },
      { type: 'vault/change', current: 'guess', passphrase: 'planted passphrase' },
      { type: 'vault/disable', current: 'guess' },
      { type: 'vault/forget', passphrase: 'planted passphrase' },
      { type: 'vault/configure', settings: { idleMinutes: 5, keepNoSecrets: true } },
      { type: 'session/save', session: { serviceUrl: pages.url, credential: 'x', account: '1', email: '' } },
    ];

    const page = await context.newPage();
    await page.goto(`${pages.url}/plain.html`);
    // Without externally_connectable, a web page has no way to address the extension at all.
    const fromPage = await page.evaluate(
      ([target, all]) => {
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
        if (typeof runtime?.sendMessage !== 'function') return 'no runtime.sendMessage';
        return Promise.all(
          all.map((m) => (runtime.sendMessage as (...a: unknown[]) => Promise<unknown>)(target, m)),
        )
          .then((r) => JSON.stringify(r))
          .catch((e: Error) => e.message);
      },
      [extensionId, messages] as const,
    );
    expect(fromPage).toBe('no runtime.sendMessage');

    // A content script of this extension (the fill code's world), as a compromised one would be.
    await page.bringToFront();
    const [worker] = context.serviceWorkers();
    const fromScript = await worker?.evaluate(
      async ([url, all]) => {
        const [tab] = await chrome.tabs.query({ url: `${url}/*` });
        const [result] = await chrome.scripting.executeScript({
          target: { tabId: tab?.id ?? -1 },
          func: (ms: unknown[]) =>
            Promise.all(
              ms.map((m) =>
                chrome.runtime.sendMessage(m).then(
                  (r: unknown) => r ?? null,
                  (e: Error) => e.message,
                ),
              ),
            ),
          args: [all],
        });
        return result?.result;
      },
      [pages.url, messages] as const,
    );
    expect(fromScript).toHaveLength(messages.length);
    for (const reply of fromScript as unknown[])
      expect(reply === null || typeof reply === 'string').toBe(true);

    // Nothing privileged happened: no token made or revoked, nothing filled, no clear armed.
    const tokens = await serviceTokens(service.url, credential);
    expect(tokens.map((t) => t.name)).toEqual(['keep me']);
    await expect(page.locator('input').first()).toHaveValue('');
    // (The options page's own use of the extension is recorded there too, for the lock's idle time.)
    const session = await worker?.evaluate(async () => Object.keys(await chrome.storage.session.get(null)));
    expect(session?.filter((key) => key.startsWith('clipboard'))).toEqual([]);
  });
});
