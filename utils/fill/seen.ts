import { MIN_OPACITY, MIN_SIZE_PX, type Skip } from './field-rank';

// Whether a person can see an element (issue 11), judged in the frame it lives in: its visible
// box (its rectangle cut by every clipping ancestor and the window), anything that makes it
// see-through, and anything painted over it. The frames above are judged by their own frames
// (frames.ts joins them). What cannot be judged reliably is refused, never guessed.

/** A rectangle in a frame's viewport, CSS pixels: left, top, right, bottom. */
export interface Box {
  l: number;
  t: number;
  r: number;
  b: number;
}

export const meet = (a: Box, b: Box): Box => ({
  l: Math.max(a.l, b.l),
  t: Math.max(a.t, b.t),
  r: Math.min(a.r, b.r),
  b: Math.min(a.b, b.b),
});
/** Whether a visible box is big enough to see (MIN_SIZE_PX both ways). */
export const boxSize = (b: Box, scale = 1): boolean =>
  (b.r - b.l) * scale >= MIN_SIZE_PX && (b.b - b.t) * scale >= MIN_SIZE_PX;

const rectBox = (r: DOMRect): Box => ({ l: r.left, t: r.top, r: r.right, b: r.bottom });
const overlaps = (a: Box, b: Box): boolean => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;

/** The element that lays `n` out: its slot, its parent, or its shadow root's host. */
const parentOf = (n: Element): Element | null =>
  n.assignedSlot ?? n.parentElement ?? (n.getRootNode() as ShadowRoot).host ?? null;

/** A computed colour's alpha, 1 when none is given (`rgba(0, 0, 0, 0)`, `color(srgb 0 0 0 / 0.5)`). */
export function alpha(color: string): number {
  if (color === 'transparent') return 0;
  const parts = color.replace(/^[a-z-]+\(|\)$/g, '').split(/[\s,/]+/);
  const last = color.includes('/') || color.startsWith('rgba') ? parts.at(-1) : undefined;
  if (last === undefined) return 1;
  const value = Number.parseFloat(last);
  return last.endsWith('%') ? value / 100 : value;
}

/** A transform that only moves or scales (the size check judges the scale); anything else is refused. */
function plainTransform(s: CSSStyleDeclaration): boolean {
  const m = /^matrix\(([^)]+)\)$/.exec(s.transform);
  const [a, b, c, d] = (m?.[1] ?? '').split(',').map(Number);
  const flat = s.transform === 'none' || (b === 0 && c === 0 && (a ?? 0) > 0 && (d ?? 0) > 0);
  return flat && s.rotate === 'none' && !s.scale.includes('-');
}

/** Styles whose effect on what is drawn cannot be judged from here: filters, blending, masks, clip paths. */
const unjudgeable = (s: CSSStyleDeclaration): boolean =>
  s.filter !== 'none' ||
  s.backdropFilter !== 'none' ||
  s.mixBlendMode !== 'normal' ||
  (s.maskImage || s.webkitMaskImage || 'none') !== 'none' ||
  s.clipPath !== 'none' ||
  s.clip !== 'auto' ||
  !plainTransform(s);

/** A field whose typed text cannot be seen (transparent or zero-sized) and whose box is not drawn either. */
function textUnseen(el: Element, s: CSSStyleDeclaration): boolean {
  if (el.localName !== 'input' && el.localName !== 'textarea') return false;
  const text =
    alpha(s.color) < 0.3 ||
    alpha(s.webkitTextFillColor || s.color) < 0.3 ||
    Number.parseFloat(s.fontSize) < 4;
  const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
  const drawn =
    alpha(s.backgroundColor) >= 0.3 ||
    s.backgroundImage !== 'none' ||
    sides.some(
      (side) =>
        Number.parseFloat(s[`border${side}Width`]) >= 1 &&
        s[`border${side}Style`] !== 'none' &&
        alpha(s[`border${side}Color`]) >= 0.3,
    );
  return text && !drawn;
}

/** An element that may be drawn over others (null: a pseudo-element), and its box. */
export interface Cover {
  e: Element | null;
  box: Box;
}

/** Whether `e` is `el` or lays it out (an ancestor through slots, shadow hosts): it is drawn below. */
function holds(e: Element, el: Element): boolean {
  for (let n: Element | null = el; n; n = parentOf(n)) if (n === e) return true;
  return false;
}

/**
 * Makes everything hit-testable while the frame is judged, so `elementsFromPoint` sees covers
 * with `pointer-events: none` too; answers the boxes of elements that kept it anyway (an inline
 * or layered `!important` beats this sheet), which count as covers, and the undo. Nothing of the
 * page's own script runs in between: this is one synchronous call.
 */
export function hitTestAll(doc: Document, els: Element[]): { stubborn: Cover[]; undo(): void } {
  const win = doc.defaultView ?? window;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync('*,*::before,*::after{pointer-events:auto!important}');
  const roots: (Document | ShadowRoot)[] = [doc, ...els.flatMap((e) => e.shadowRoot ?? [])];
  const saved = roots.map((r) => r.adoptedStyleSheets);
  for (const r of roots) r.adoptedStyleSheets = [...r.adoptedStyleSheets, sheet];
  const view = { l: 0, t: 0, r: win.innerWidth, b: win.innerHeight };
  const stubborn: Cover[] = [];
  for (const e of els) {
    if (win.getComputedStyle(e).pointerEvents === 'none')
      stubborn.push({ e, box: rectBox(e.getBoundingClientRect()) });
    // A pseudo-element's own box is out of reach: it may lie anywhere in the frame.
    for (const p of ['::before', '::after']) {
      const s = win.getComputedStyle(e, p);
      if (s.content !== 'none' && s.content !== 'normal' && s.pointerEvents === 'none')
        stubborn.push({ e: null, box: view });
    }
  }
  return {
    stubborn,
    undo: () => {
      roots.forEach((r, i) => {
        r.adoptedStyleSheets = saved[i] ?? [];
      });
    },
  };
}

/** Whether `el` is on top at every sample point of `box` (corners inset, edges' middles, centre), in each tree up to the document. */
function onTop(el: Element, box: Box): boolean {
  const inset = Math.min(2, (box.r - box.l) / 4, (box.b - box.t) / 4);
  const xs = [box.l + inset, (box.l + box.r) / 2, box.r - inset];
  const ys = [box.t + inset, (box.t + box.b) / 2, box.b - inset];
  for (const x of xs)
    for (const y of ys) {
      for (let e: Element = el; ; ) {
        const root = e.getRootNode() as Document | ShadowRoot;
        if (root.elementsFromPoint(x, y)[0] !== e) return false;
        if (!(root instanceof ShadowRoot)) break;
        e = root.host;
      }
    }
  return true;
}

export interface Seen {
  box: Box;
  /** Why a person cannot see it, or null when they can. */
  skip: Skip | null;
}

/** Judges `el` in its own frame; `stubborn` are the boxes of covers `hitTestAll` could not make hit-testable. */
export function seen(el: Element, stubborn: readonly Cover[]): Seen {
  const doc = el.ownerDocument;
  const win = doc.defaultView ?? window;
  const own = rectBox(el.getBoundingClientRect());
  let box = meet(own, { l: 0, t: 0, r: win.innerWidth, b: win.innerHeight });
  const no = (skip: Skip): Seen => ({ box, skip });
  const shown = el.checkVisibility({
    opacityProperty: true,
    visibilityProperty: true,
    contentVisibilityAuto: true,
  });
  if (!shown) return no('hidden');
  // The body's overflow is the viewport's when the root's is visible; the root's always is.
  const rootOverflow = win.getComputedStyle(doc.documentElement).overflow === 'visible';
  let opacity = 1;
  for (let n: Element | null = el; n; n = parentOf(n)) {
    const s = win.getComputedStyle(n);
    opacity *= Number(s.opacity);
    if (unjudgeable(s)) return no('style');
    const clips =
      s.overflowX !== 'visible' || s.overflowY !== 'visible' || /paint|strict|content/.test(s.contain);
    if (clips && n !== doc.documentElement && !(n === doc.body && rootOverflow)) {
      const r = n.getBoundingClientRect();
      const l = r.left + n.clientLeft;
      const t = r.top + n.clientTop;
      box = meet(box, { l, t, r: l + n.clientWidth, b: t + n.clientHeight });
    }
  }
  if (opacity < MIN_OPACITY || textUnseen(el, win.getComputedStyle(el))) return no('transparent');
  if (!boxSize(box)) return no(boxSize(own) ? 'clipped' : 'tiny');
  const under = stubborn.some((c) => !(c.e && holds(c.e, el)) && overlaps(c.box, box));
  if (under || !onTop(el, box)) return no('covered');
  return { box, skip: null };
}
