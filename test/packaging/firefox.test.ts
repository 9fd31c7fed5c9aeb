import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Firefox, hasFirefox, launchFirefox } from '../helpers/firefox';
import { archive } from './output';

const ADDON_ID = 'w3s-token-manager@example.org';
const UUID = '6f0c2b8e-4b1d-4c2a-9e57-3a1f0d9b7c42';
const PAGES = `moz-extension://${UUID}/`;
const SCREENSHOTS = join(import.meta.dirname, '..', 'e2e', 'screenshots');

/** Polls `probe` until it returns a value (no timing asserted: the machine is shared and slow). */
async function until<T>(probe: () => Promise<T | undefined>, what: string, tries = 120): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`gave up waiting for ${what}`);
}

// The store package itself, installed in Debian's Firefox ESR: the background starts (it opens the
// options page on install), the pages render, and the background engine answers them.
// In CI .ci/run installs firefox-esr; elsewhere, without it, this is skipped with a notice.
describe.skipIf(!hasFirefox() && !process.env.CI)('the Firefox package in Firefox ESR', () => {
  let firefox: Firefox;
  let context = '';

  const evaluate = async (expression: string): Promise<unknown> => {
    const answer = await firefox.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
    });
    const result = answer.result as { type: string; value?: unknown } | undefined;
    if (answer.type !== 'success') throw new Error(`${expression}: ${JSON.stringify(answer)}`);
    return result?.value;
  };
  const textOnPage = (): Promise<string> => evaluate('document.body.innerText').then(String);
  const screenshot = async (name: string): Promise<void> => {
    const { data } = await firefox.send('browsingContext.captureScreenshot', { context });
    writeFileSync(join(SCREENSHOTS, `${name}.png`), Buffer.from(String(data), 'base64'));
  };

  beforeAll(async () => {
    firefox = await launchFirefox(archive('firefox'), ADDON_ID, UUID);
    await firefox.send('session.new', { capabilities: {} });
    await firefox.send('session.subscribe', { events: ['log.entryAdded'] });
  });
  afterAll(() => firefox?.close());

  it('should start the background, which opens the options page on install', async () => {
    context = await until(async () => {
      const { contexts } = (await firefox.send('browsingContext.getTree')) as {
        contexts: { context: string; url: string }[];
      };
      return contexts.find((c) => c.url === `${PAGES}options.html`)?.context;
    }, 'the options page');
    const text = await until(async () => {
      const shown = await textOnPage();
      return shown.includes('Sign in') ? shown : undefined;
    }, 'the options page to render');
    expect(text).toContain('Web3.Storage API tokens');
    expect(text).toContain('Session credential');
    await screenshot('firefox-options');
  });

  it('should have the background engine answer a page (signed out: a reason, no sync)', async () => {
    const reply = await evaluate(
      `browser.runtime.sendMessage({ type: 'tokens/sync' }).then((r) => JSON.stringify(r))`,
    );
    expect(JSON.parse(String(reply))).toEqual({
      sync: { ok: false, error: { code: 'signed-out', message: 'Sign in to manage your tokens.' } },
      notices: [],
    });
  });

  it('should render the popup page', async () => {
    await evaluate(`location.assign('${PAGES}popup.html')`);
    const text = await until(async () => {
      const url = await evaluate('location.href');
      const shown = url === `${PAGES}popup.html` ? await textOnPage() : '';
      return shown.trim() ? shown : undefined;
    }, 'the popup page to render');
    expect(text).toMatch(/sign in/i);
    await screenshot('firefox-popup');
  });

  it('should log no error from the add-on', () => {
    const errors = firefox.events.filter(
      (e) => (e.params as { level?: string } | undefined)?.level === 'error',
    );
    expect(errors).toEqual([]);
    const ours = firefox
      .output()
      .split('\n')
      .filter((line) => line.includes(PAGES) && /error/i.test(line));
    expect(ours).toEqual([]);
  });
});
