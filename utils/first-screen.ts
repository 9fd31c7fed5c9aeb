import { shownAccountsOf, storedSessionsOf } from './account';
import { PENDING_FILL_KEY } from './fill';
import { FIRST_SCREEN_KEY } from './first-screen-key';
import { uiLanguage } from './lib';
import { DRAFT_KEY, ROW_HEIGHT_KEY } from './page-head';
import { HOLDS_KEY } from './sync';

// Issue 14: the popup's first screen, kept as it was last drawn, so that the next opening shows it
// as soon as the first reads are in, while the popup's code (62 KB) is still loading. The code
// then draws over it (Preact reuses the nodes it finds, so focus and typing stay where they are),
// and what the person did in between is done again: a click or a submit is held and replayed, a
// key is passed on, and what was typed is handed to the code. A screen is kept only when nothing
// it shows can have changed but the list (the same build, language, accounts and row height, no
// draft, no question, no hold, and every "3 days ago" still reading the same); the list itself is
// read as before, and the code's first drawing shows it as the store has it.
//
// This half is the first script's: the key, showing the kept screen, holding what is done on it.
// The other half (first-screen-keep.ts) comes with the popup's code: the take-over, the keeping.

export { FIRST_SCREEN_KEY, forgetFirstScreen } from './first-screen-key';

/** A first screen as kept in storage.session. */
export interface KeptScreen {
  /** What it was drawn for (firstScreenKey). */
  key: string;
  /** The popup's `#app` as it was painted first, its fields empty. */
  html: string;
  /** Until when every relative time on it still reads the same (noteSteadiness). */
  until: number;
  /** The revision of the list it shows (ListRecord.rev); null if unknown. */
  rev: number | null;
}

/**
 * What the first screen shows besides the list, from the first reads: the build, the UI language,
 * the accounts (never a credential), the kept row height. Null when the screen should not be kept
 * or shown: nobody is signed in, a name is typed under Create (its warning), a fill's question
 * waits, or the service has a hold (its banner, its countdown).
 */
export function firstScreenKey(
  local: Record<string, unknown>,
  session: Record<string, unknown>,
): string | null {
  if (session[DRAFT_KEY] || session[PENDING_FILL_KEY] !== undefined) return null;
  const accounts = shownAccountsOf(storedSessionsOf(local));
  const shown = accounts[0];
  if (!shown?.active) return null;
  const holds = local[HOLDS_KEY];
  if (typeof holds === 'object' && holds !== null && shown.session.serviceUrl in holds) return null;
  return JSON.stringify([
    import.meta.url,
    uiLanguage(),
    local[ROW_HEIGHT_KEY] ?? null,
    accounts.map(({ session: { serviceUrl, account, email }, active }) => [
      serviceUrl,
      account,
      email,
      active,
    ]),
  ]);
}

function isKept(value: unknown): value is KeptScreen {
  const kept = value as Partial<KeptScreen> | null | undefined;
  return (
    typeof kept?.key === 'string' &&
    typeof kept.html === 'string' &&
    typeof kept.until === 'number' &&
    (typeof kept.rev === 'number' || kept.rev === null)
  );
}

/** What the person did while a kept screen was up: replayed once the code has drawn over it. */
let held: Event[] | null = null;
/** Whether the person has done anything on this page yet: a screen is kept only before. */
let touched = false;
/** The kept screen shown, or kept since: kept again only when the new one differs. */
let shown: KeptScreen | null = null;

const EARLY = ['pointerdown', 'click', 'submit', 'keydown', 'input', 'change'] as const;

function early(event: Event): void {
  touched = true;
  if (held === null || event.type === 'pointerdown') return;
  held.push(event);
  // Nothing would answer them yet: held, and done again by the code (replay).
  if (event.type === 'click' || event.type === 'submit') {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}

/** From the page's first script: starts noting what the person does (before anything is shown). */
export function watchEarlyInput(doc: Document = document): void {
  for (const type of EARLY) doc.addEventListener(type, early, true);
}

/**
 * Puts the kept first screen into `root` if it fits the first reads and `now`; true if it did.
 * Until takeOver, clicks and submits on it are held.
 */
export function showKeptScreen(
  root: HTMLElement,
  local: Record<string, unknown>,
  session: Record<string, unknown>,
  now = Date.now(),
): boolean {
  const kept = session[FIRST_SCREEN_KEY];
  if (!isKept(kept) || now >= kept.until || kept.key !== firstScreenKey(local, session)) return false;
  // Markup this page drew itself, from the extension's own memory-only storage: parsed inert, then
  // moved in (the extension's policy runs no script of it either way).
  root.replaceChildren(...new DOMParser().parseFromString(kept.html, 'text/html').body.childNodes);
  shown = kept;
  held = [];
  return true;
}

/** Whether a kept screen is up and the code has not drawn over it yet. */
export const keptScreenUp = (): boolean => held !== null;

/** What was done on the kept screen so far (null: none is up). */
export const heldSoFar = (): readonly Event[] | null => held;

/** Stops holding (the code has drawn over the kept screen): what was held, to be done again. */
export function stopHolding(): Event[] {
  const events = held ?? [];
  held = null;
  return events;
}

/** Whether the person has done anything on this page yet (watchEarlyInput). */
export const touchedYet = (): boolean => touched;

/** The kept screen shown on this page, or kept since (keepFirstScreen); null if neither. */
export const shownScreen = (): KeptScreen | null => shown;

/** Notes `kept` as the kept screen from now on (keepFirstScreen). */
export function noteKept(kept: KeptScreen): void {
  shown = kept;
}
