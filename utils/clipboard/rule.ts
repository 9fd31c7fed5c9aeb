/**
 * When and whether to clear the clipboard after a copy (issue 5). Pure: plain data in, plain data out.
 * The copied secret is never kept: only a SHA-256 digest of a random salt and the text, so the
 * clipboard's later content can be compared with it.
 */

/** Seconds after a copy; 0 is "never". */
export const CLIPBOARD_CHOICES = [0, 15, 30, 60, 120, 300] as const;
export const DEFAULT_CLIPBOARD_SECONDS = 30;

/**
 * Chromium fires an MV3 extension's alarm no sooner than 30 s after it is set (1 s unpacked):
 * https://chromium.googlesource.com/chromium/src/+/main/extensions/browser/api/alarms/alarms_api_constants.h
 */
export const ALARM_MINIMUM_MS = 30_000;

/** What the background keeps between a copy and the clear, in storage.session. */
export interface ClipboardMark {
  salt: string;
  /** Hex SHA-256 of salt + copied text. */
  digest: string;
  /** When the clipboard is due to be cleared, in ms since the epoch. */
  due: number;
  /** Clears tried so far that could not read the clipboard. */
  tries?: number;
  /**
   * The copies just before this one, newest first: a copy is announced before it is written, so
   * when the write fails the earlier copy, still on the clipboard, is cleared instead.
   */
  earlier?: Pick<ClipboardMark, 'salt' | 'digest'>[];
}

/** Retries of a clear that could not read the clipboard (an offscreen document not ready, a busy clipboard). */
export const CLEAR_RETRIES = 3;
const EARLIER_KEPT = 2;

/** A new copy's mark, keeping the copies it replaces (see `earlier`). */
export function nextMark(
  copy: Pick<ClipboardMark, 'salt' | 'digest'>,
  due: number,
  last: ClipboardMark | null,
): ClipboardMark {
  const earlier = last ? [{ salt: last.salt, digest: last.digest }, ...(last.earlier ?? [])] : [];
  return { salt: copy.salt, digest: copy.digest, due, earlier: earlier.slice(0, EARLIER_KEPT) };
}

/** The same clear again after 30 s, 60 s, 120 s (alarms: they outlive the service worker), then none. */
export function retryLater(mark: ClipboardMark, now: number): ClipboardMark | null {
  const tries = mark.tries ?? 0;
  return tries >= CLEAR_RETRIES
    ? null
    : { ...mark, tries: tries + 1, due: now + ALARM_MINIMUM_MS * 2 ** tries };
}

export interface ClearPlan {
  due: number;
  /** The durable alarm: survives the service worker stopping, never sooner than the minimum. */
  alarmAt: number;
  /** An in-memory timer for delays shorter than the alarm minimum, or null. */
  timerMs: number | null;
}

/** Null for "never" or a value that is not one of the choices. */
export function planClear(seconds: number, now: number): ClearPlan | null {
  if (seconds <= 0 || !CLIPBOARD_CHOICES.includes(seconds as (typeof CLIPBOARD_CHOICES)[number])) return null;
  const delay = seconds * 1000;
  const due = now + delay;
  return {
    due,
    alarmAt: now + Math.max(delay, ALARM_MINIMUM_MS),
    timerMs: delay < ALARM_MINIMUM_MS ? delay : null,
  };
}

/** A timer or alarm that fires for an older copy (a newer one moved `due` on) does nothing. */
export function isDue(mark: ClipboardMark | null, now: number): mark is ClipboardMark {
  return mark !== null && mark.due <= now;
}

/** Clear only when the clipboard still holds what was copied: the person may have copied since. */
export function shouldClear(mark: Pick<ClipboardMark, 'digest'>, currentDigest: string | null): boolean {
  return currentDigest !== null && currentDigest === mark.digest;
}

/** A salt (16 bytes) and a SHA-256 digest, both hex, from a message of unknown shape; else null. */
export function copiedMarkOf(value: unknown): Pick<ClipboardMark, 'salt' | 'digest'> | null {
  const m = value as Partial<ClipboardMark> | null;
  const hex = (v: unknown, length: number): v is string =>
    typeof v === 'string' && v.length === length && /^[0-9a-f]+$/.test(v);
  return m && hex(m.salt, 32) && hex(m.digest, 64) ? { salt: m.salt, digest: m.digest } : null;
}
