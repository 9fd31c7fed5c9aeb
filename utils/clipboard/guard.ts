import { browser } from 'wxt/browser';
import { loadSettings } from '../settings';
import type { CopiedMark } from './copy';
import type { ClearOutcome } from './dom';
import { clearClipboard } from './offscreen';
import { type ClipboardMark, isDue, planClear } from './rule';

export const CLIPBOARD_ALARM = 'clear-clipboard';
/** storage.session: gone when the browser closes, and out of reach of content scripts by default. */
const MARK_KEY = 'clipboard-mark.v1';

export interface ClipboardGuardDeps {
  /** The person's choice, in seconds; 0 is never. */
  loadSeconds(): Promise<number>;
  clear(mark: CopiedMark): Promise<ClearOutcome>;
  now(): number;
}

export interface ClipboardGuard {
  /** A page copied: (re)start the countdown. A new copy replaces the last one's. */
  copied(mark: CopiedMark): Promise<void>;
  /** The timer or the alarm fired: clear if due and the clipboard still holds the copy. */
  fire(): Promise<ClearOutcome | null>;
}

/**
 * Clears a copied token from the clipboard after the chosen delay. The alarm is the durable part
 * (it outlives the service worker); delays under the alarm minimum also get a timer, which runs
 * while the worker lives (30 s after its last event), the alarm catching the rest.
 */
export function createClipboardGuard(deps: ClipboardGuardDeps): ClipboardGuard {
  let running: Promise<ClearOutcome | null> = Promise.resolve(null);

  async function readMark(): Promise<ClipboardMark | null> {
    const stored = (await browser.storage.session.get(MARK_KEY))[MARK_KEY] as ClipboardMark | undefined;
    return stored ?? null;
  }

  async function forget(): Promise<void> {
    await browser.storage.session.remove(MARK_KEY);
    await browser.alarms.clear(CLIPBOARD_ALARM);
  }

  async function fireNow(): Promise<ClearOutcome | null> {
    const mark = await readMark();
    if (!isDue(mark, deps.now())) return null;
    await forget();
    return deps.clear({ salt: mark.salt, digest: mark.digest }).catch(() => 'unreadable' as const);
  }

  // One clear at a time: a timer and an alarm for the same copy may fire together.
  const fire = (): Promise<ClearOutcome | null> => {
    running = running.then(fireNow, fireNow);
    return running;
  };

  return {
    async copied({ salt, digest }) {
      const plan = planClear(await deps.loadSeconds(), deps.now());
      if (!plan) {
        await forget();
        return;
      }
      const mark: ClipboardMark = { salt, digest, due: plan.due };
      await browser.storage.session.set({ [MARK_KEY]: mark });
      await browser.alarms.create(CLIPBOARD_ALARM, { when: plan.alarmAt });
      if (plan.timerMs !== null) setTimeout(() => void fire(), plan.timerMs);
    },
    fire,
  };
}

/** The background's guard: the delay from the settings, the clear in the offscreen document. */
export function backgroundClipboardGuard(): ClipboardGuard {
  const loadSeconds = async (): Promise<number> => (await loadSettings()).clipboardSeconds;
  return createClipboardGuard({ loadSeconds, clear: clearClipboard, now: Date.now });
}
