import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Firefox, hasFirefox, launchFirefox } from '../helpers/firefox';
import { archive } from './output';

const ADDON_ID = 'w3s-token-manager@example.org';
const UUID = '6f0c2b8e-4b1d-4c2a-9e57-3a1f0d9b7c42';
const PAGES = `moz-extension://${UUID}/`;
const SCREENSHOTS = join(import.meta.dirname, '..', 'e2e', 'screenshots');
// Everything a person could read, form fields included (as test/e2e/screenshot.ts checks).
const VISIBLE_TEXT = `[document.body.innerText, ...[...document.querySelectorAll('input')].map((i) => i.value)].join('\\n')`;

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
  /** Types into the field labelled `label` the way Preact sees typing (an `input` event). */
  const typeInto = (label: string, value: string): Promise<unknown> =>
    evaluate(`(() => {
      const field = [...document.querySelectorAll('input')].find((i) => i.labels?.[0]?.textContent?.trim() === ${JSON.stringify(label)});
      field.focus();
      field.value = ${JSON.stringify(value)};
      field.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
  /** A trusted pointer click in the middle of the element with that role and text. */
  const click = async (tag: string, name: string): Promise<void> => {
    const answer = await firefox.send('script.evaluate', {
      expression: `[...document.querySelectorAll('${tag}')].find((b) => b.textContent.trim() === ${JSON.stringify(name)})`,
      target: { context },
      awaitPromise: false,
    });
    const element = answer.result as { sharedId?: string };
    await firefox.send('input.performActions', {
      context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          actions: [
            {
              type: 'pointerMove',
              x: 0,
              y: 0,
              origin: { type: 'element', element: { sharedId: element.sharedId } },
            },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
  };
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
    expect(text).toContain('Send code');
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
      return /not signed in/i.test(shown) ? shown : undefined;
    }, 'the popup page to render');
    expect(text).toContain('Open settings');
    await screenshot('firefox-popup');
  });

  it('should sign in to the reference service with an email code and create a token, like a person would', async () => {
    const { startService } = await import('../../service/server');
    const printed: string[] = [];
    const service = await startService({ port: 0, log: () => {}, printCode: (line) => printed.push(line) });
    try {
      await evaluate(`location.assign('${PAGES}options.html')`);
      // The page fills the Service URL field from storage once it has loaded: type after that.
      const settled = `[...document.querySelectorAll('input')].find((i) => i.labels?.[0]?.textContent?.trim() === 'Service URL')?.value.startsWith('http') || undefined`;
      await until(() => evaluate(settled), 'the options page to load its settings');
      await typeInto('Service URL', service.url);
      await typeInto('Email', 'firefox@example.org');
      // A real click: Firefox grants `permissions.request` only inside a person's gesture.
      await click('button', 'Send code');
      const code = await until(
        async () => /for firefox@example\.org: (\d{6}) /.exec(printed.join('\n'))?.[1],
        'the sign-in code',
      );
      await until(
        async () => ((await textOnPage()).includes('Sign-in code') ? true : undefined),
        'the code step',
      );
      await typeInto('Sign-in code', code);
      await click('button', 'Sign in');
      await until(
        async () => ((await textOnPage()).includes('Signed in as') ? true : undefined),
        'sign-in',
      ).catch(async (error: Error) => {
        throw new Error(`${error.message}; the page says:\n${await textOnPage()}`);
      });
      const credential = String(
        await evaluate(
          `browser.storage.local.get('sessions.v2').then((s) => s['sessions.v2'].list[0].credential)`,
        ),
      );
      expect(credential.length).toBeGreaterThan(20);
      await typeInto('Token name', 'firefox token');
      await click('button', 'Create token');
      const text = await until(async () => {
        const shown = await textOnPage();
        return shown.includes('firefox token') && !shown.includes('Syncing') ? shown : undefined;
      }, 'the new token in the list');
      expect(text).toContain('Signed in as firefox@example.org');
      const listed = await fetch(`${service.url}/user/tokens`, {
        headers: { authorization: `Bearer ${credential}` },
      });
      const secrets = [credential, ...((await listed.json()) as { secret: string }[]).map((t) => t.secret)];
      expect(secrets).toHaveLength(2);
      // The picture is committed: no full secret may be readable on it.
      const readable = String(await evaluate(VISIBLE_TEXT));
      expect(secrets.filter((secret) => readable.includes(secret))).toEqual([]);
      await screenshot('firefox-options-signed-in');
    } finally {
      await service.close();
    }
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
