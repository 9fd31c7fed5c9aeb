import { browser } from 'wxt/browser';
import {
  FIRST_SCREEN_KEY,
  firstScreenKey,
  heldSoFar,
  type KeptScreen,
  noteKept,
  shownScreen,
  stopHolding,
  touchedYet,
} from './first-screen';
import { noteSteadiness } from './lib';
import { type PageHead, pageHead } from './page-head';
import { readListEarly } from './store';

// Issue 14: the half of the kept first screen that comes with the popup's code (first-screen.ts
// has the first script's half): the code's first drawing takes over from the kept screen and does
// again what was done on it, and the screen it paints is kept for the next opening.

export { keptScreenUp } from './first-screen';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type TextField = HTMLInputElement | HTMLTextAreaElement;

const isField = (target: EventTarget | null): target is Field =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLSelectElement ||
  target instanceof HTMLTextAreaElement;

const isTextField = (target: EventTarget | null): target is TextField =>
  target instanceof HTMLTextAreaElement ||
  (target instanceof HTMLInputElement &&
    !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type));

/** Where the caret was in a text field: put back after the code has set the field's value. */
function selectionOf(field: Field): [number, number] | null {
  if (!isTextField(field) || field.selectionStart === null || field.selectionEnd === null) return null;
  return [field.selectionStart, field.selectionEnd];
}

/** What an element says (its label and text, and its row's): to tell whether a drawing moved it. */
function says(target: EventTarget | null): string {
  if (!(target instanceof Element)) return '';
  return [target.getAttribute('aria-label'), target.textContent, target.closest('li')?.textContent].join(
    '\n',
  );
}

/**
 * Call before the code's first drawing into `root`; run what it returns right after it, with the
 * revision of the list drawn. Null when no kept screen is up. What was typed or chosen on the kept
 * screen is put back and told to the code (an input or change event); then the held clicks and
 * submits, and the keys the fields did not take, are done again in their order. If the list drawn
 * is not the one the kept screen showed, one is done only where its element still says what it
 * said (its row may have moved, or gone).
 */
export function takeOver(root: HTMLElement): ((rev: Promise<number | null>) => void) | null {
  const held = heldSoFar();
  if (held === null) return null;
  const changed = new Set(
    held.filter((event) => event.type === 'input' || event.type === 'change').map((e) => e.target),
  );
  const typed = [...changed]
    .filter(isField)
    .filter((field) => root.contains(field))
    .map((field) => ({ field, value: field.value, selection: selectionOf(field) }));
  const keptRev = shownScreen()?.rev ?? null;
  const said = new Map(held.map((event) => [event, says(event.target)]));
  return (rev) => {
    const events = stopHolding();
    for (const { field, value, selection } of typed) {
      if (!field.isConnected) continue;
      field.value = value;
      if (selection && isTextField(field) && document.activeElement === field)
        field.setSelectionRange(...selection);
      field.dispatchEvent(
        new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
      );
    }
    // In a task of their own, as they came: after the code has drawn what was typed.
    void rev.then((drawn) =>
      setTimeout(() => {
        const same = keptRev !== null && drawn === keptRev;
        for (const event of events) if (same || says(event.target) === said.get(event)) replay(event);
      }),
    );
  };
}

function replay(event: Event): void {
  const target = event.target;
  if (!(target instanceof Element) || !target.isConnected) return;
  if (event instanceof MouseEvent && event.type === 'click') {
    target.dispatchEvent(new MouseEvent('click', event));
  } else if (event.type === 'submit' && target instanceof HTMLFormElement) {
    const submitter = (event as SubmitEvent).submitter;
    target.requestSubmit(
      submitter?.isConnected && (submitter as HTMLButtonElement).form === target ? submitter : undefined,
    );
  } else if (event instanceof KeyboardEvent && event.type === 'keydown' && !isTextField(target)) {
    target.dispatchEvent(new KeyboardEvent('keydown', event));
  }
}

/**
 * The markup of `root` as painted, to keep (call it in the frame's requestAnimationFrame): each
 * select's choice written into it, the fields left empty. Null once the person has done anything
 * on the page: what is painted may then be theirs (a search, a menu), not the first screen.
 */
export function screenOf(root: HTMLElement): string | null {
  if (touchedYet()) return null;
  const copy = root.cloneNode(true) as HTMLElement;
  const selects = root.querySelectorAll('select');
  for (const [i, select] of copy.querySelectorAll('select').entries()) {
    const chosen = selects[i]?.selectedIndex ?? -1;
    for (const [k, option] of select.querySelectorAll('option').entries())
      option.toggleAttribute('selected', k === chosen);
  }
  return copy.innerHTML;
}

/**
 * Keeps `screen` (its html from screenOf) as the first screen for `key`, unless it is the one
 * shown or kept already, or there is no key or no time left, or `current` (asked only when there
 * is something to write) says the list on it is no longer the store's.
 */
export async function keepFirstScreen(
  key: string | null,
  screen: Omit<KeptScreen, 'key'>,
  current: () => Promise<boolean> = async () => true,
): Promise<void> {
  const kept: KeptScreen | null = key === null ? null : { key, ...screen };
  const before = shownScreen();
  if (kept === null || kept.until <= Date.now() || JSON.stringify(before) === JSON.stringify(kept)) return;
  if (!(await current())) return;
  noteKept(kept);
  await browser.storage.session.set({ [FIRST_SCREEN_KEY]: kept }).catch(() => {});
}

/**
 * The code's first drawing (`draw`) into the page's `#app`: over the kept screen if one is up
 * (takeOver), and kept as its frame paints, for the next opening, if it shows the list (`state`
 * ready). The keeping is written once the page's opening work (`opened`: its sync) is done and the
 * page is idle: a click made at once (a Fill) does not wait behind it.
 */
export function drawFirstScreen(
  draw: (root: HTMLElement) => void,
  state: { readonly value: string },
  opened: Promise<unknown>,
  root = document.getElementById('app') as HTMLElement,
  head: Pick<PageHead, 'local' | 'session' | 'list' | 'db'> = pageHead(),
): void {
  const steady = noteSteadiness();
  const handOver = takeOver(root);
  draw(root);
  // The code drew the list of the first reads (the list's head): its revision.
  const rev = head.list.then(
    (found) => found?.list.rev ?? null,
    () => null,
  );
  handOver?.(rev);
  if (state.value !== 'ready') {
    steady();
    return;
  }
  requestAnimationFrame(() => {
    const until = steady();
    const html = screenOf(root);
    if (html === null) return;
    const settled = opened.catch(() => {});
    void Promise.all([head.local, head.session, head.list, rev, settled]).then(
      ([local, session, drawn, shownRev]) =>
        requestIdleCallback(() => {
          // Kept only while the store still holds the list drawn: a sync that changed it since
          // has forgotten the kept screen (announceChange), and this one would show the list
          // before it. One read of the list's head, made only when there is something to write.
          if (!drawn || shownRev === null) return;
          const current = (): Promise<boolean> =>
            readListEarly(head.db, drawn.scope).then((now) => now?.rev === shownRev);
          void keepFirstScreen(firstScreenKey(local, session), { html, until, rev: shownRev }, current);
        }),
    );
  });
}
