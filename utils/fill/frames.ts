import type { PageAnswer } from './page';

/** One frame's answer, with the id `scripting.executeScript` gave it (0: the top frame). */
export interface FrameAnswer extends PageAnswer {
  frameId: number;
}

/**
 * Where a fill goes: a frame the extension can script (`frameId`), or a cross-origin frame the
 * person focused that it may not script yet (`frameId` null: its origin must be allowed first).
 */
export interface FillTarget {
  frameId: number | null;
  origin: string;
}

/**
 * Picks the frame to fill from every frame's answer (issue 4): the frame holding the focus,
 * following focus from the top frame down through cross-origin frames; else the best-ranked
 * field among the top frame and the cross-origin frames it shows (visible ones only: a hidden
 * frame is a clickjacking decoy like a hidden field). Ties go to the top frame. Null: none.
 */
export function pickFrame(answers: readonly FrameAnswer[]): FillTarget | null {
  const top = answers.find((a) => a.frameId === 0);
  if (!top) return null;
  let at = top;
  const seen = new Set<number>([0]);
  while (at.focusIn !== null) {
    const origin = at.focusIn;
    const reached = answers.filter((a) => a.origin === origin && !seen.has(a.frameId));
    if (reached.length === 0) return { frameId: null, origin };
    // Focus on a field the rules refuse (a covered one, a checkbox): nothing else is filled instead.
    const next = reached.find((a) => a.focused || a.focusIn !== null);
    if (!next) return null;
    seen.add(next.frameId);
    at = next;
  }
  if (at !== top || top.focused) return at.found ? { frameId: at.frameId, origin: at.origin } : null;
  const shown = new Set(answers.flatMap((a) => a.frames));
  let best: FrameAnswer | null = null;
  for (const a of answers) {
    if (!a.found || a.score === 0 || (a !== top && !shown.has(a.origin))) continue;
    if (!best || a.score > best.score || (a === top && a.score === best.score)) best = a;
  }
  return best && { frameId: best.frameId, origin: best.origin };
}

/** The match pattern the extension asks for to reach a frame of `origin` (every port: Chromium grants
 * host permissions by host). */
export function framePattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
