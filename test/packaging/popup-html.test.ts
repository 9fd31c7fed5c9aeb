import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsLoadedBy, scriptsOfHtml, staticImportsOfJs } from '../../scripts/bench/bundle-sizes';
import { OUTPUT } from './output';

// popup.html as wxt.config.ts's popupHtml plugin writes it (issue 14), in both browsers' builds.
describe.each(['chrome-mv3', 'firefox-mv3'])('the popup page of %s', (target) => {
  const root = join(OUTPUT, target);
  const html = readFileSync(join(root, 'popup.html'), 'utf8');
  const [entry, ...preloaded] = scriptsOfHtml(html).map((url) => url.replace(/^\//, ''));
  const read = (file: string): string => readFileSync(join(root, file), 'utf8');

  it('should carry its styles inline, with no stylesheet to fetch before its script may run', () => {
    expect(html).not.toMatch(/<link[^>]+rel="?stylesheet/i);
    expect(html).toMatch(/<style>[^<]*\.token-list\{/);
  });

  // Not preloaded: a preload is compiled on the main thread as it arrives, and held up the first
  // script and the kept first screen's paint (utils/first-screen.ts).
  it('should load its code from its small first script alone, with no preload', () => {
    const imported = [...read(entry as string).matchAll(/import\(`\.\/([^`]+)`\)/g)].map(
      (m) => `chunks/${m[1]}`,
    );
    expect(imported).toHaveLength(1);
    expect(preloaded).toEqual([]);
    expect(html).not.toContain('modulepreload');
    // The first script itself stays small: the reads and the kept first screen, no UI code.
    expect(staticImportsOfJs(read(entry as string))).toEqual([]);
    expect(read(entry as string).length).toBeLessThan(8 * 1024);
  });

  // wxt.config.ts's popupPreloadHelper: Vite's preload helper is left out of the first script,
  // which is right only while the popup's dynamic imports have no files to preload.
  it("should leave Vite's preload helper out, with nothing for it to preload", () => {
    const code = jsLoadedBy(root, 'popup.html').map(read).join('\n');
    expect(code).not.toContain('__vite__mapDeps');
    expect(code).not.toContain('vite:preloadError');
    expect(read(entry as string)).toMatch(/\(\(\)=>import\(`\.\/app-[^`]+`\),\[\]\)/);
  });

  it('should paint nothing before its first script has run, which starts the reads', () => {
    expect(html).toMatch(
      /<script type="module" blocking="render"[^>]* src="\/chunks\/popup-[^"]+\.js"><\/script>/,
    );
  });

  it('should never wait for localStorage, whose first use in a page blocks it on the browser', () => {
    const code = jsLoadedBy(root, 'popup.html').map(read).join('\n');
    expect(code).not.toMatch(/localStorage|sessionStorage/);
  });

  it("should run on the browser's own promise-based API, with no polyfill and no message listener", () => {
    const code = jsLoadedBy(root, 'popup.html').map(read).join('\n');
    expect(code).not.toContain('This script should only be loaded in a browser extension');
    // Without the polyfill, a listener's returned promise would answer nothing in Chrome.
    expect(code).not.toMatch(/onMessage\.addListener/);
    expect(code).toContain('globalThis.browser?.runtime?.id');
  });
});
