import { render } from 'preact';
import { useState } from 'preact/hooks';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SESSIONS_KEY } from '../../utils/account';
import { PENDING_FILL_KEY } from '../../utils/fill';
import { FIRST_SCREEN_KEY } from '../../utils/first-screen-key';
import { DRAFT_KEY, ROW_HEIGHT_KEY } from '../../utils/page-head';
import { HOLDS_KEY } from '../../utils/sync';

type FirstScreen = typeof import('../../utils/first-screen') & typeof import('../../utils/first-screen-keep');

// The module keeps what one page did (the held events, whether the person did anything): each
// test is a page of its own.
let screen: FirstScreen;
beforeEach(async () => {
  vi.resetModules();
  // Both halves, sharing the first's state as the popup's two scripts do.
  screen = {
    ...(await import('../../utils/first-screen')),
    ...(await import('../../utils/first-screen-keep')),
  };
  document.body.innerHTML = '<div id="app"></div>';
});
/** The replays' task has run, and the renders it asked for. */
const settled = (): Promise<void> => new Promise((resolve) => setTimeout(() => setTimeout(resolve)));
/** The revision of the list the kept screens here show. */
const REV = 7;
const root = (): HTMLElement => document.getElementById('app') as HTMLElement;

const ada = {
  serviceUrl: 'http://127.0.0.1:8787',
  credential: 'w3ss_secret_ada',
  account: '42',
  email: 'ada@example.org',
};
const signedIn = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  [SESSIONS_KEY]: { active: `${ada.serviceUrl} ${ada.account}`, list: [ada] },
  [ROW_HEIGHT_KEY]: 44,
  ...extra,
});

/** A small stand-in for the popup: a form with a typed name, an order, and a button with a count. */
function Panel({ onCreate }: { onCreate?: (name: string) => void }) {
  const [name, setName] = useState('');
  const [order, setOrder] = useState('name');
  const [copies, setCopies] = useState(0);
  return (
    <main>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onCreate?.(name);
        }}
      >
        <input aria-label="Token name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit">Create token</button>
      </form>
      <select aria-label="Order" value={order} onChange={(e) => setOrder(e.currentTarget.value)}>
        <option value="name">Name A–Z</option>
        <option value="new">Newest first</option>
      </select>
      <p data-testid="state">{`${name}|${order}|${copies}`}</p>
      <button type="button" onClick={() => setCopies((n) => n + 1)}>
        Copy
      </button>
    </main>
  );
}

function keep(
  html: string,
  local = signedIn(),
  session: Record<string, unknown> = {},
  until = Date.now() + 60_000,
) {
  const key = screen.firstScreenKey(local, session) as string;
  return { ...session, [FIRST_SCREEN_KEY]: { key, html, until, rev: REV } };
}

describe('firstScreenKey', () => {
  it('should name the build, the language, the row height and the accounts, never a credential', () => {
    const key = screen.firstScreenKey(signedIn(), {}) as string;
    expect(key).toContain(ada.email);
    expect(key).toContain('"en"');
    expect(key).not.toContain(ada.credential);
    expect(screen.firstScreenKey(signedIn({ [ROW_HEIGHT_KEY]: 50 }), {})).not.toBe(key);
    const bob = { ...ada, account: '7', email: 'bob@example.org' };
    const two = {
      [SESSIONS_KEY]: { active: `${ada.serviceUrl} 42`, list: [ada, bob] },
      [ROW_HEIGHT_KEY]: 44,
    };
    expect(screen.firstScreenKey(two, {})).not.toBe(key);
  });

  it.each([
    ['nobody is signed in', {}, {}],
    ['a name is typed under Create', signedIn(), { [DRAFT_KEY]: 'laptop' }],
    ["a fill's question waits", signedIn(), { [PENDING_FILL_KEY]: { at: 1 } }],
    ['the service has a hold', signedIn({ [HOLDS_KEY]: { [ada.serviceUrl]: { until: 1 } } }), {}],
  ])('should keep and show nothing while %s', (_, local, session) => {
    expect(screen.firstScreenKey(local, session)).toBeNull();
  });
});

describe('showKeptScreen', () => {
  const html = '<main><p>kept</p></main>';

  it('should show the kept screen made for the same reads, before its time runs out', () => {
    expect(screen.showKeptScreen(root(), signedIn(), keep(html))).toBe(true);
    expect(root().innerHTML).toBe(html);
    expect(screen.keptScreenUp()).toBe(true);
  });

  it.each([
    ['for other reads', () => [signedIn({ [ROW_HEIGHT_KEY]: 50 }), keep(html)]],
    [
      'whose relative times read otherwise now',
      () => [signedIn(), keep(html, signedIn(), {}, Date.now() - 1)],
    ],
    ['with a draft typed since', () => [signedIn(), { ...keep(html), [DRAFT_KEY]: 'x' }]],
    ['that is not one', () => [signedIn(), { [FIRST_SCREEN_KEY]: { html } }]],
    ['when there is none', () => [signedIn(), {}]],
  ] satisfies [string, () => Record<string, unknown>[]][])('should show nothing kept %s', (_, reads) => {
    const [local = {}, session = {}] = reads();
    expect(screen.showKeptScreen(root(), local, session)).toBe(false);
    expect(root().innerHTML).toBe('');
    expect(screen.keptScreenUp()).toBe(false);
  });
});

describe('takeOver', () => {
  /** The page as the next opening has it: the kept screen up, the code not loaded yet. */
  function keptPanel(): void {
    screen.watchEarlyInput();
    // As the last opening painted it: drawn by the code, fields empty.
    const box = document.createElement('div');
    render(<Panel />, box);
    const html = box.innerHTML;
    render(null, box);
    expect(screen.showKeptScreen(root(), signedIn(), keep(html))).toBe(true);
  }
  const byLabel = <T extends Element>(label: string): T =>
    root().querySelector(`[aria-label="${label}"]`) as T;
  const button = (name: string): HTMLButtonElement =>
    [...root().querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
  const state = (): string | null | undefined => root().querySelector('[data-testid="state"]')?.textContent;

  it('should hold a click on the kept screen, and make it once the code has drawn', async () => {
    keptPanel();
    const copy = button('Copy');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    copy.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);

    const done = screen.takeOver(root());
    render(<Panel />, root());
    done?.(Promise.resolve(REV));
    await settled();
    // The code drew over the same nodes, and the click counted once.
    expect(button('Copy')).toBe(copy);
    expect(state()).toBe('|name|1');
    expect(screen.keptScreenUp()).toBe(false);
  });

  it('should not make a held click whose element says otherwise in a list drawn anew', async () => {
    keptPanel();
    const name = byLabel<HTMLInputElement>('Token name');
    name.value = 'laptop';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    const copy = button('Copy');
    copy.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    copy.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));

    const done = screen.takeOver(root());
    render(<Panel />, root());
    // The list drawn is not the kept one: the button now says something else after one click.
    copy.textContent = 'Copy (moved)';
    done?.(Promise.resolve(REV + 1));
    await settled();
    // Not made; what was typed stays.
    expect(state()).toBe('laptop|name|0');
  });

  it('should make a held click whose element says the same in a list drawn anew', async () => {
    keptPanel();
    button('Copy').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    const done = screen.takeOver(root());
    render(<Panel />, root());
    done?.(Promise.resolve(REV + 1));
    await settled();
    expect(state()).toBe('|name|1');
  });

  it('should keep what was typed and chosen, with the caret, and tell the code', async () => {
    keptPanel();
    const name = byLabel<HTMLInputElement>('Token name');
    name.focus();
    name.value = 'laptop';
    name.setSelectionRange(2, 2);
    name.dispatchEvent(new Event('input', { bubbles: true }));
    const order = byLabel<HTMLSelectElement>('Order');
    order.value = 'new';
    order.dispatchEvent(new Event('change', { bubbles: true }));

    const done = screen.takeOver(root());
    render(<Panel />, root());
    done?.(Promise.resolve(REV));
    await settled();
    expect(byLabel('Token name')).toBe(name);
    expect(name.value).toBe('laptop');
    expect(document.activeElement).toBe(name);
    expect([name.selectionStart, name.selectionEnd]).toEqual([2, 2]);
    expect(order.value).toBe('new');
    expect(state()).toBe('laptop|new|0');
  });

  it('should submit a form submitted on the kept screen, with what was typed', async () => {
    keptPanel();
    const created: string[] = [];
    const name = byLabel<HTMLInputElement>('Token name');
    name.value = 'ci';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    const submit = new Event('submit', { bubbles: true, cancelable: true });
    name.form?.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);

    const done = screen.takeOver(root());
    render(<Panel onCreate={(n) => created.push(n)} />, root());
    done?.(Promise.resolve(REV));
    await settled();
    expect(created).toEqual(['ci']);
  });

  it('should pass keys on as they come, and give the code those the fields did not take', async () => {
    keptPanel();
    const keys: string[] = [];
    const copy = button('Copy');
    const down = new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true });
    copy.dispatchEvent(down);
    byLabel('Token name').dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(down.defaultPrevented).toBe(false);

    const done = screen.takeOver(root());
    render(<Panel />, root());
    root().addEventListener('keydown', (event) => keys.push(event.key));
    done?.(Promise.resolve(REV));
    await settled();
    expect(keys).toEqual(['ArrowDown']);
  });

  it('should do nothing when no kept screen is up', async () => {
    screen.watchEarlyInput();
    render(<Panel />, root());
    expect(screen.takeOver(root())).toBeNull();
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    button('Copy').dispatchEvent(click);
    await settled();
    expect(click.defaultPrevented).toBe(false);
    expect(state()).toBe('|name|1');
  });
});

describe('keeping the first screen', () => {
  it("should keep the screen as painted, with each select's choice and no typed value", async () => {
    screen.watchEarlyInput();
    render(<Panel />, root());
    const order = root().querySelector('select') as HTMLSelectElement;
    order.value = 'new';
    const html = screen.screenOf(root()) as string;
    expect(html).toMatch(/<option value="new" selected="">/);
    await screen.keepFirstScreen(screen.firstScreenKey(signedIn(), {}), {
      html,
      until: Date.now() + 1000,
      rev: 3,
    });
    const kept = (await fakeBrowser.storage.session.get(FIRST_SCREEN_KEY))[FIRST_SCREEN_KEY];
    expect(kept).toEqual({
      key: screen.firstScreenKey(signedIn(), {}),
      html,
      until: expect.any(Number),
      rev: 3,
    });
  });

  it('should keep nothing once the person has done anything on the page', () => {
    screen.watchEarlyInput();
    render(<Panel />, root());
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(screen.screenOf(root())).toBeNull();
  });

  it('should not write again the screen it showed, nor one for no key or already out of time', async () => {
    const html = '<main>kept</main>';
    const session = keep(html);
    screen.showKeptScreen(root(), signedIn(), session);
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    const key = screen.firstScreenKey(signedIn(), {});
    const { until } = session[FIRST_SCREEN_KEY] as { until: number };
    // Nothing to write: the store is not even asked whether the list is still the one drawn.
    const current = vi.fn(async () => true);
    await screen.keepFirstScreen(key, { html, until, rev: REV }, current);
    await screen.keepFirstScreen(null, { html: '<main>other</main>', until, rev: REV }, current);
    await screen.keepFirstScreen(
      key,
      { html: '<main>other</main>', until: Date.now() - 1, rev: REV },
      current,
    );
    expect(current).not.toHaveBeenCalled();
    expect(set).not.toHaveBeenCalled();
  });

  it('should keep nothing once the store no longer holds the list drawn', async () => {
    const key = screen.firstScreenKey(signedIn(), {});
    const until = Date.now() + 60_000;
    await screen.keepFirstScreen(key, { html: '<main>old list</main>', until, rev: REV }, async () => false);
    expect(await fakeBrowser.storage.session.get(FIRST_SCREEN_KEY)).toEqual({});
    await screen.keepFirstScreen(key, { html: '<main>old list</main>', until, rev: REV }, async () => true);
    expect(await fakeBrowser.storage.session.get(FIRST_SCREEN_KEY)).toEqual({
      [FIRST_SCREEN_KEY]: { key, html: '<main>old list</main>', until, rev: REV },
    });
  });
});
