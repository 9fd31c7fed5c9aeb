import { browser } from 'wxt/browser';
import { loadSettings } from '../settings';
import type { Scope } from '../store';
import type { CopiedMark } from './copy';
import type { ClearOutcome } from './dom';
import { clearClipboard } from './offscreen';
import { type ClipboardMark, isDue, nextMark, planClear, retryLater } from './rule';

export const CLIPBOARD_ALARM = 'clear-clipboard';
/** storage.session: gone when the browser closes, and out of reach of content scripts by default. */
const MARK_KEY = 'clipboard-mark.v1';

export interface ClipboardGuardDeps {
  /** The choice of the account whose token was copied (issue 15), in seconds; 0 is never. */
  loadSeconds(scope: Scope | null): Promise<number>;
  clear(mark: CopiedMark): Promise<ClearOutcome>;
  now(): number;
}

export interface ClipboardGuard {
  /**
   * A page is about to copy a token of `scope`'s account: (re)start the countdown with that
   * account's delay. A new copy replaces the last one's.
   */
  copied(mark: CopiedMark, scope?: Scope | null): Promise<void>;
  /** The timer or the alarm fired: clear if due and the clipboard still holds the copy. */
  fire(): Promise<ClearOutcome | null>;
}

/**
 * Clears a copied token from the clipboard after the chosen delay. The alarm is the durable part
 * (it outlives the service worker); delays under the alarm minimum also get a timer, which runs
 * while the worker lives (30 s after its last event), the alarm catching the rest. A clear that
 * could not read the clipboard is tried again on an alarm (retryLater).
 */
export function createClipboardGuard(deps: ClipboardGuardDeps): ClipboardGuard {
  let running: Promise<unknown> = Promise.resolve();
  // One step at a time: a timer and an alarm may fire together, and a copy may come mid-clear.
  const queued = <T>(step: () => Promise<T>): Promise<T> => {
    const turn = running.then(step, step);
    running = turn.catch(() => {});
    return turn;
  };

  async function readMark(): Promise<ClipboardMark | null> {
    const stored = (await browser.storage.session.get(MARK_KEY))[MARK_KEY] as ClipboardMark | undefined;
    return stored ?? null;
  }

  async function arm(mark: ClipboardMark, alarmAt: number): Promise<void> {
    await browser.storage.session.set({ [MARK_KEY]: mark });
    await browser.alarms.create(CLIPBOARD_ALARM, { when: alarmAt });
  }

  async function forget(): Promise<void> {
    await browser.storage.session.remove(MARK_KEY);
    await browser.alarms.clear(CLIPBOARD_ALARM);
  }

  async function fireNow(): Promise<ClearOutcome | null> {
    const mark = await readMark();
    if (!isDue(mark, deps.now())) return null;
    await forget();
    let outcome: ClearOutcome = 'changed';
    for (const copy of [mark, ...(mark.earlier ?? [])]) {
      const { salt, digest } = copy;
      outcome = await deps.clear({ salt, digest }).catch(() => 'unreadable' as const);
      if (outcome !== 'changed') break;
    }
    const again = outcome === 'unreadable' ? retryLater(mark, deps.now()) : null;
    if (again) await arm(again, again.due);
    return outcome;
  }

  async function copiedNow({ salt, digest }: CopiedMark, scope: Scope | null): Promise<void> {
    const plan = planClear(await deps.loadSeconds(scope), deps.now());
    if (!plan) return forget();
    await arm(nextMark({ salt, digest }, plan.due, await readMark()), plan.alarmAt);
    if (plan.timerMs !== null) setTimeout(() => void fire(), plan.timerMs);
  }

  const fire = (): Promise<ClearOutcome | null> => queued(fireNow);
  return { copied: (mark, scope) => queued(() => copiedNow(mark, scope ?? null)), fire };
}

/**
 * The background's guard: the delay from the settings of the account whose token was copied
 * (`shown`'s, the account the pages show, for a page that did not name one), the clear in the
 * offscreen document.
 */
export function backgroundClipboardGuard(shown: () => Promise<Scope | null>): ClipboardGuard {
  const loadSeconds = async (scope: Scope | null): Promise<number> =>
    (await loadSettings(scope ?? (await shown()))).clipboardSeconds;
  return createClipboardGuard({ loadSeconds, clear: clearClipboard, now: Date.now });
}
