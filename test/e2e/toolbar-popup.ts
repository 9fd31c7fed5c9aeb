import { writeFile } from 'node:fs/promises';
import type { BrowserContext, CDPSession } from '@playwright/test';
import type { browser } from 'wxt/browser';

// The extension's own global, for the callbacks evaluated in its service worker.
declare const chrome: typeof browser;

/** The real toolbar popup, driven over CDP: Playwright never hands it over as a Page. */
export interface ToolbarPopup {
  /** Evaluates `expression` in the popup (awaiting promises, as a user gesture) and returns its value. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** Polls until `predicate` (an expression) is truthy in the popup, or throws after `timeoutMs`. */
  waitFor(predicate: string, timeoutMs?: number): Promise<void>;
  /** `document.body.innerText`. */
  text(): Promise<string>;
  /** Clicks, with a real mouse event, the button whose accessible name or text is `name`. */
  click(name: string): Promise<void>;
  /** Inserts `text` like a keyboard would, into the field labelled `into` or else the focused one. */
  type(text: string, into?: string): Promise<void>;
  /** Presses a key (`Tab`, `Enter`, `Escape`, `ArrowDown`…) as a keyboard would, Shift held if `shift`. */
  press(key: keyof typeof KEY_CODES, shift?: boolean): Promise<void>;
  /** Emulates a `prefers-color-scheme` (or reduced motion) as `page.emulateMedia` does for a Page. */
  emulateMedia(features: { name: string; value: string }[]): Promise<void>;
  /** Saves a PNG of the popup to `path`. */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

// Windows virtual key codes, which Chromium needs to act on a key sent over CDP (focus moves, clicks).
const KEY_CODES = { Tab: 9, Enter: 13, Escape: 27, ArrowUp: 38, ArrowDown: 40 } as const;

// Playwright's CDPSession cannot address a flattened child session (`Target.attachToTarget`
// with `flatten: true` answers into a session Playwright does not know), so the popup is driven
// through the browser session with `Target.sendMessageToTarget`, which Chromium still serves.
// https://chromedevtools.github.io/devtools-protocol/tot/Target/#method-sendMessageToTarget
type Send = (method: string, params?: object) => Promise<Record<string, unknown>>;

async function attach(root: CDPSession, targetId: string): Promise<Send> {
  const { sessionId } = await root.send('Target.attachToTarget', { targetId, flatten: false });
  type Reply = { id?: number; result?: Record<string, unknown>; error?: unknown };
  const pending = new Map<number, (reply: Reply) => void>();
  root.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as Reply;
    if (reply.id !== undefined) pending.get(reply.id)?.(reply);
  });
  // The popup closes itself when it loses focus (a permission prompt, `window.close()`): fail
  // the calls in flight instead of leaving them hanging.
  root.on('Target.detachedFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    for (const settle of pending.values()) settle({ error: 'the popup has closed' });
  });
  let lastId = 0;
  return async (method, params = {}) => {
    const id = ++lastId;
    const reply = new Promise<Reply>((resolve) => pending.set(id, resolve));
    const message = JSON.stringify({ id, method, params });
    await root.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => {
      pending.get(id)?.({ error: 'the popup has closed' });
    });
    const { result, error } = await reply;
    pending.delete(id);
    if (error)
      throw new Error(`popup: ${method}: ${typeof error === 'string' ? error : JSON.stringify(error)}`);
    return result ?? {};
  };
}

async function findPopupTarget(root: CDPSession, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { targetInfos } = await root.send('Target.getTargets');
    const popup = targetInfos.find(
      (t) => t.type === 'page' && /^chrome-extension:\/\/[^/]+\/popup\.html/.test(t.url),
    );
    if (popup) return popup.targetId;
    if (Date.now() > deadline) throw new Error('the toolbar popup did not open (no popup.html target)');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens the extension's real toolbar popup (`chrome.action.openPopup()`) and attaches to it. */
export async function openToolbarPopup(context: BrowserContext, timeoutMs = 10_000): Promise<ToolbarPopup> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => chrome.action.openPopup());
  return attachToolbarPopup(context, timeoutMs);
}

/** Attaches to the toolbar popup once it is open, e.g. opened by the extension after a shortcut. */
export async function attachToolbarPopup(context: BrowserContext, timeoutMs = 10_000): Promise<ToolbarPopup> {
  const running = context.browser();
  const root = running
    ? await running.newBrowserCDPSession()
    : await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
  const targetId = await findPopupTarget(root, timeoutMs);
  const send = await attach(root, targetId);

  const evaluate = async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = (await send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
      userGesture: true,
    })) as {
      result: { value: T };
      exceptionDetails?: { exception?: { description?: string }; text: string };
    };
    if (exceptionDetails) {
      throw new Error(`popup: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    }
    return result.value;
  };
  const waitFor = async (predicate: string, ms = timeoutMs): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!(await evaluate<boolean>(`Boolean(${predicate})`))) {
      if (Date.now() > deadline) throw new Error(`popup: timed out waiting for ${predicate}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await waitFor("document.readyState === 'complete'");

  return {
    evaluate,
    waitFor,
    text: () => evaluate<string>('document.body.innerText'),
    async click(name) {
      const find = (): Promise<{ x: number; y: number } | string> =>
        evaluate(`(${centreOfButton})(${JSON.stringify(name)}, ${accessibleName})`);
      // Like Playwright's own actionability check: click only once the button has stopped moving
      // (a sync or the account's status arriving may still shift the layout), or a real mouse
      // event lands on whatever moved under it.
      let box = await find();
      for (let tries = 0; tries < 20 && typeof box !== 'string'; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const again = await find();
        if (typeof again !== 'string' && again.x === box.x && again.y === box.y) break;
        box = again;
      }
      if (typeof box === 'string') throw new Error(box);
      for (const type of ['mousePressed', 'mouseReleased']) {
        await send('Input.dispatchMouseEvent', { type, ...box, button: 'left', clickCount: 1 });
      }
    },
    async type(text, into) {
      if (into !== undefined) {
        const found = await evaluate<boolean>(`(${focusField})(${JSON.stringify(into)}, ${accessibleName})`);
        if (!found) throw new Error(`popup: no field labelled "${into}"`);
      }
      await send('Input.insertText', { text });
    },
    async press(key, shift = false) {
      const code = KEY_CODES[key];
      const modifiers = shift ? 8 : 0;
      const text = key === 'Enter' ? '\r' : undefined;
      await send('Input.dispatchKeyEvent', {
        type: 'rawKeyDown',
        key,
        code: key,
        windowsVirtualKeyCode: code,
        modifiers,
      });
      if (text) await send('Input.dispatchKeyEvent', { type: 'char', key, text, modifiers });
      await send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        key,
        code: key,
        windowsVirtualKeyCode: code,
        modifiers,
      });
    },
    async emulateMedia(features) {
      await send('Emulation.setEmulatedMedia', { features });
    },
    async screenshot(path) {
      const { data } = (await send('Page.captureScreenshot', { format: 'png' })) as { data: string };
      await writeFile(path, Buffer.from(data, 'base64'));
    },
    async close() {
      await root.send('Target.closeTarget', { targetId }).catch(() => {});
      await root.detach().catch(() => {});
    },
  };
}

// The functions below run inside the popup (stringified), so they may only use DOM globals and
// their arguments.

function accessibleName(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  const byId = labelledBy && document.getElementById(labelledBy)?.textContent;
  const label = (el as HTMLInputElement).labels?.[0]?.textContent;
  const name = el.getAttribute('aria-label') || byId || label || el.textContent;
  return (name || el.getAttribute('title') || (el as HTMLInputElement).value || '')
    .replace(/\s+/g, ' ')
    .trim();
}

type NameOf = (el: Element) => string;

function centreOfButton(name: string, nameOf: NameOf): { x: number; y: number } | string {
  const buttons = [...document.querySelectorAll('button, [role="button"], input[type="submit"]')];
  const button = buttons.find((el) => nameOf(el) === name);
  if (!button) return `popup: no button "${name}" among ${JSON.stringify(buttons.map(nameOf))}`;
  button.scrollIntoView({ block: 'center' });
  const rect = button.getBoundingClientRect();
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

function focusField(label: string, nameOf: NameOf): boolean {
  const fields = [...document.querySelectorAll<HTMLElement>('input, textarea, select, [contenteditable]')];
  const field = fields.find((el) => nameOf(el) === label || el.getAttribute('placeholder') === label);
  field?.focus();
  return Boolean(field);
}
