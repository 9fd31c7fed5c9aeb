import { type FieldFacts, fieldScore, pickField, type Skip, skipReason } from './field-rank';
import { type Box, boxSize, type Cover, hitTestAll, type Seen, seen } from './seen';

/** One child frame of this frame, as this frame sees its `<iframe>` (issue 11: frames are judged frame by frame). */
export interface ChildFrame {
  /** Its index in `window.frames`: the child names itself by the same index (`PageAnswer.path`). */
  index: number;
  /** `runtime.getFrameId` of the element where the browser has it (Firefox), else -1. */
  frameId: number;
  /** The origin its `src` names (the child answers with its real one). */
  src: string | null;
  /** Its visible box here, or null when it may not be filled (hidden, see-through, covered, clipped away). */
  box: Box | null;
  /** Its content box's corner here and its scale: maps this frame's points into the child's. */
  x: number;
  y: number;
  scale: number;
}

/** What the fill script answers from one frame; utils/fill/frames.ts joins the frames' answers. */
export interface PageAnswer {
  origin: string;
  /** The frame's address without query or fragment, for the question. */
  url: string;
  /** Indexes through `frames` from the top window down to this one; null: not found. */
  path: number[] | null;
  /** `runtime.getFrameId(window)` where the browser has it, else -1. */
  self: number;
  /** This frame's viewport. */
  view: Box;
  found: boolean;
  /** How strongly the found field asks for a token (field-rank's `fieldScore`). */
  score: number;
  /** The found field is the focused one. */
  focused: boolean;
  /** The found field's visible box here. */
  box: Box | null;
  /** Focus is on a child frame: its index in `frames`. */
  focusIn: number | null;
  /** Focus is on a field that may not be filled: why. Nothing is filled then. */
  refused: Skip | null;
  /** No field found, yet one asks for a token: why that one may not be filled. */
  unseen: Skip | null;
  frames: ChildFrame[];
}

type Field = HTMLInputElement | HTMLTextAreaElement;

const isField = (el: Element | null): el is Field =>
  el?.localName === 'input' || el?.localName === 'textarea';
const FRAME = /^i?frame$/;

/** The focused element, looking into open shadow roots (frames answer for themselves). */
function focused(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Every element in `root` and the open shadow roots inside it. */
function all(root: Document | ShadowRoot, found: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    found.push(el);
    if (el.shadowRoot) all(el.shadowRoot, found);
  }
  return found;
}

function facts(el: Field, covers: readonly Cover[]): FieldFacts & Seen {
  const look = seen(el, covers);
  const labels = [...(el.labels ?? [])].map((l) => l.textContent);
  const attrs = ['name', 'id', 'placeholder', 'aria-label', 'autocomplete'].map((a) => el.getAttribute(a));
  return {
    tag: el.localName as FieldFacts['tag'],
    type: el.localName === 'input' ? (el.getAttribute('type') ?? '').toLowerCase() : '',
    text: [...attrs, ...labels].join(' '),
    disabled: el.disabled,
    readOnly: el.readOnly,
    ...look,
  };
}

/** Indexes through `frames` from the top down to `win`, compared by identity (the page cannot forge it). */
function pathOf(win: Window): number[] | null {
  const path: number[] = [];
  for (let w = win; w.parent !== w; w = w.parent) {
    const up = w.parent;
    let i = 0;
    while (i < up.length && up[i] !== w) i++;
    if (i === up.length) return null;
    path.unshift(i);
  }
  return path;
}

const frameIdOf = (target: object): number => {
  try {
    // Firefox has it; Chromium does not yet, where the path alone matches frames.
    return (
      (
        globalThis as { chrome?: { runtime?: { getFrameId?(t: object): number } } }
      ).chrome?.runtime?.getFrameId?.(target) ?? -1
    );
  } catch {
    return -1;
  }
};

function originOf(src: string): string | null {
  try {
    const origin = new URL(src).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Each child window with the element showing it, judged here as a field is. */
function childFrames(win: Window, els: Element[], covers: readonly Cover[]): ChildFrame[] {
  const frames = els.filter((el) => FRAME.test(el.localName)) as HTMLIFrameElement[];
  const out: ChildFrame[] = [];
  for (let index = 0; index < win.length; index++) {
    const el = frames.find((f) => f.contentWindow === win[index]);
    const rect = el?.getBoundingClientRect();
    const look = el && seen(el, covers);
    const box = look && !look.skip && boxSize(look.box) ? look.box : null;
    const scale = el && rect && el.offsetWidth ? rect.width / el.offsetWidth : 1;
    out.push({
      index,
      frameId: el ? frameIdOf(el) : -1,
      src: el ? originOf(el.src) : null,
      box,
      x: (rect?.left ?? 0) + (el?.clientLeft ?? 0) * scale,
      y: (rect?.top ?? 0) + (el?.clientTop ?? 0) * scale,
      scale,
    });
  }
  return out;
}

/**
 * Finds the field for a token in this frame: the focused one if it may receive it, else the
 * best-ranked one, and judges the frames shown here. With `secret` null it only looks. With a
 * secret it fills only when this frame is still at `origin` and at `path`, judging the field again
 * in this same call, through the native value setter with `input` and `change` (React, Vue and
 * Angular keep the value); it never submits.
 */
export function fillPage(
  secret: string | null,
  origin: string | null,
  path: string | null = null,
  doc: Document = document,
): PageAnswer {
  const els = all(doc);
  const hits = hitTestAll(doc, els);
  try {
    return judge(doc, els, hits.stubborn, (target) => {
      if (secret === null || origin !== doc.location.origin || path !== JSON.stringify(pathOf(window)))
        return;
      const proto = Object.getPrototypeOf(target);
      // The prototype's setter, not the element's own: React replaces `value` on the element to track it.
      Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(target, secret);
      for (const type of ['input', 'change'])
        target.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    });
  } finally {
    hits.undo();
  }
}

/** Answers for this frame; `fill` gets the chosen field, judged in this same call. */
function judge(
  doc: Document,
  els: Element[],
  covers: readonly Cover[],
  fill: (f: Field) => void,
): PageAnswer {
  const win = doc.defaultView ?? window;
  const active = focused(doc);
  const fields = els.filter(isField);
  const answer: PageAnswer = {
    origin: doc.location.origin,
    url: doc.location.href.replace(/[?#].*/, ''),
    path: pathOf(win),
    self: frameIdOf(win),
    view: { l: 0, t: 0, r: win.innerWidth, b: win.innerHeight },
    found: false,
    score: 0,
    focused: false,
    box: null,
    focusIn: null,
    refused: null,
    unseen: null,
    frames: childFrames(win, els, covers),
  };
  // Focus on a frame: the person meant a field there, so no field here is filled.
  if (active && FRAME.test(active.localName)) {
    const index = answer.frames.findIndex(
      (f) => win[f.index] === (active as HTMLIFrameElement).contentWindow,
    );
    answer.focusIn = index < 0 ? null : index;
    if (index < 0) answer.refused = 'frame';
    return answer;
  }
  const own = isField(active) ? facts(active, covers) : null;
  answer.refused = own && skipReason(own);
  if (answer.refused) return answer;
  const judged = fields.map((f) => (f === active && own ? own : facts(f, covers)));
  const i = own ? fields.indexOf(active as Field) : pickField(judged);
  const target = fields[i];
  const f = judged[i];
  if (!target || !f) {
    answer.unseen = judged.find((g) => fieldScore(g) > 0)?.skip ?? null;
    return answer;
  }
  Object.assign(answer, { found: true, focused: own !== null, score: fieldScore(f), box: f.box });
  fill(target);
  return answer;
}
