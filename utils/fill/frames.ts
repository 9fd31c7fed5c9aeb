import type { Skip } from './field-rank';
import type { ChildFrame, PageAnswer } from './page';
import { type Box, boxSize, meet } from './seen';

/** One frame's answer, with the id `scripting.executeScript` gave it (0: the top frame). */
export interface FrameAnswer extends PageAnswer {
  frameId: number;
}

/**
 * Where a fill goes: a frame the extension can script (`frameId`), or a frame the person focused
 * that it may not script yet (`frameId` null: its origin must be allowed first). `path` is checked
 * again in the frame at the fill.
 */
export interface FillTarget {
  frameId: number | null;
  origin: string;
  /** The frame's address (no query, no fragment), for the question. */
  url: string;
  path: string;
}

/** The frame chosen, or why none may be filled ('none': no field for a token). */
export type FramePick = { ok: true; target: FillTarget } | { ok: false; why: Skip | 'none' };

const key = (path: readonly number[] | null): string => JSON.stringify(path);

/** The answers by path; two answers naming the same path both drop out (neither can be trusted). */
function byPath(answers: readonly FrameAnswer[]): Map<string, FrameAnswer> {
  const map = new Map<string, FrameAnswer | null>();
  for (const a of answers) {
    // Where the browser names frames (`runtime.getFrameId`), the frame's own word must match.
    if (a.path === null || (a.self >= 0 && a.self !== a.frameId)) continue;
    const k = key(a.path);
    map.set(k, map.has(k) ? null : a);
  }
  return new Map([...map].flatMap(([k, a]) => (a ? [[k, a] as const] : [])));
}

/** A frame's visible part, in its own pixels, and its scale on screen; null when it is not seen. */
interface Region {
  box: Box;
  scale: number;
}

/**
 * Joins the frames' answers top down: a frame is seen where its element is seen in its parent
 * (visible, not see-through, uncovered: page.ts), inside its parent's own seen part, and so on
 * up to the top frame's viewport. A frame whose parent did not answer cannot be judged: not seen.
 */
export function frameRegions(answers: readonly FrameAnswer[]): Map<FrameAnswer, Region> {
  const paths = byPath(answers);
  const regions = new Map<FrameAnswer, Region>();
  const sorted = [...paths.values()].sort((a, b) => (a.path?.length ?? 0) - (b.path?.length ?? 0));
  for (const a of sorted) {
    const path = a.path ?? [];
    if (path.length === 0) {
      if (a.frameId === 0) regions.set(a, { box: a.view, scale: 1 });
      continue;
    }
    const parent = paths.get(key(path.slice(0, -1)));
    const child: ChildFrame | undefined = parent?.frames[path.at(-1) ?? -1];
    const outer = parent && regions.get(parent);
    if (!child?.box || !outer || (child.frameId >= 0 && child.frameId !== a.frameId)) continue;
    const seen = meet(child.box, outer.box);
    if (!boxSize(seen, outer.scale)) continue;
    const s = child.scale > 0 ? child.scale : 1;
    const mapped = {
      l: (seen.l - child.x) / s,
      t: (seen.t - child.y) / s,
      r: (seen.r - child.x) / s,
      b: (seen.b - child.y) / s,
    };
    regions.set(a, { box: meet(mapped, a.view), scale: outer.scale * s });
  }
  return regions;
}

/**
 * Picks the frame to fill from every frame's answer (issues 4 and 11): the frame holding the
 * focus, following focus from the top frame down; else the best-ranked field among the frames
 * that are seen. A focused field that may not be filled, or focus on a frame that is not seen,
 * fills nothing instead. Ties go to the frame answering first (the top frame first).
 */
export function pickFrame(answers: readonly FrameAnswer[]): FramePick {
  const regions = frameRegions(answers);
  const paths = byPath(answers);
  const seenField = (a: FrameAnswer): boolean => {
    const region = regions.get(a);
    return !!region && !!a.box && boxSize(meet(a.box, region.box), region.scale);
  };
  const target = (a: FrameAnswer): FramePick => ({
    ok: true,
    target: { frameId: a.frameId, origin: a.origin, url: a.url, path: key(a.path) },
  });
  const top = paths.get('[]');
  if (!top || !regions.has(top)) return { ok: false, why: 'none' };
  let at = top;
  while (at.focusIn !== null) {
    const path = [...(at.path ?? []), at.focusIn];
    const next = paths.get(key(path));
    if (next) {
      at = next;
      continue;
    }
    // A frame the extension may not script yet: asked about by the origin its element names.
    const child = at.frames[at.focusIn];
    const region = regions.get(at);
    if (!child?.box || !child.src || !region || !boxSize(meet(child.box, region.box), region.scale))
      return { ok: false, why: 'frame' };
    return { ok: true, target: { frameId: null, origin: child.src, url: child.src, path: key(path) } };
  }
  if (at.refused) return { ok: false, why: at.refused };
  if (at !== top || at.focused) {
    if (!at.found) return { ok: false, why: 'none' };
    return seenField(at) ? target(at) : { ok: false, why: 'frame' };
  }
  let best: FrameAnswer | null = null;
  for (const a of [top, ...paths.values()]) {
    if (a.found && a.score > 0 && seenField(a) && (!best || a.score > best.score)) best = a;
  }
  if (best) return target(best);
  // Say why a field asking for a token was passed over: the field itself, in a frame that is
  // seen, or else its frame.
  const named = [...paths.values()].filter((a) => (a.found && a.score > 0) || a.unseen);
  const own = named.find((a) => a.unseen && regions.has(a))?.unseen;
  return { ok: false, why: own ?? (named.length > 0 ? 'frame' : 'none') };
}

/** The match pattern the extension asks for to reach a frame of `origin` (every port: Chromium grants
 * host permissions by host). */
export function framePattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** A page over plain http to a host other than this machine: the question warns about it. */
export function insecure(origin: string): boolean {
  const { protocol, hostname } = new URL(origin);
  return protocol === 'http:' && !/^(localhost|127(\.\d+){3}|\[::1\])$/.test(hostname);
}
