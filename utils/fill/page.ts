import { type FieldFacts, fieldScore, pickField, skipReason } from './field-rank';

/**
 * What the fill script answers from one frame: its origin, and whether it found (or filled) a
 * field. Every frame the extension may script answers; utils/fill/frames.ts picks one.
 */
export interface PageAnswer {
  origin: string;
  found: boolean;
  /** How strongly the found field asks for a token (field-rank's `fieldScore`). */
  score: number;
  /** The found field is the focused one. */
  focused: boolean;
  /** Focus is on a cross-origin frame shown here: that frame's origin, as its `src` says. */
  focusIn: string | null;
  /** The origins of the cross-origin frames shown here that pass the visibility rules. */
  frames: string[];
}

type Field = HTMLInputElement | HTMLTextAreaElement;

const isField = (el: Element | null): el is Field =>
  el?.localName === 'input' || el?.localName === 'textarea';
/** A same-origin frame's document; null for a cross-origin one (its own fill script answers for it). */
const frameDoc = (el: Element): Document | null =>
  el.localName === 'iframe' ? (el as HTMLIFrameElement).contentDocument : null;

/** The focused element, looking into open shadow roots and same-origin frames. */
function focused(doc: Document): Element | null {
  let el = doc.activeElement;
  for (;;) {
    const inner = el?.shadowRoot?.activeElement ?? (el && frameDoc(el)?.activeElement);
    if (!inner || inner === el) return el;
    el = inner;
  }
}

/** Every input and textarea, in open shadow roots and same-origin frames too; `frames` gets the cross-origin frames. */
function allFields(root: Document | ShadowRoot, frames: Element[], found: Field[] = []): Field[] {
  for (const el of root.querySelectorAll('*')) {
    if (isField(el)) found.push(el);
    if (el.shadowRoot) allFields(el.shadowRoot, frames, found);
    const doc = frameDoc(el);
    if (doc) allFields(doc, frames, found);
    else if (el.localName === 'iframe') frames.push(el);
  }
  return found;
}

/** Whether `el` is the top element at its centre, and so is its frame in the page above. */
function onTop(el: Element, x: number, y: number): boolean {
  const root = el.getRootNode() as Document | ShadowRoot;
  if (root.elementFromPoint(x, y) !== el) return false;
  const frame = el.ownerDocument.defaultView?.frameElement;
  if (!frame) return true;
  const box = frame.getBoundingClientRect();
  return onTop(frame, box.left + frame.clientLeft + x, box.top + frame.clientTop + y);
}

/** The product of opacities from `el` up through shadow hosts and frames to the top document. */
function opacity(el: Element): number {
  let product = 1;
  for (let n: Element | null | undefined = el; n; ) {
    product *= Number(n.ownerDocument.defaultView?.getComputedStyle(n).opacity ?? 1);
    const root = n.getRootNode();
    n = n.parentElement ?? (root as ShadowRoot).host ?? n.ownerDocument.defaultView?.frameElement;
  }
  return product;
}

function facts(el: Field): FieldFacts {
  const box = el.getBoundingClientRect();
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  const labels = [...(el.labels ?? [])].map((l) => l.textContent);
  const attrs = ['name', 'id', 'placeholder', 'aria-label', 'autocomplete'].map((a) => el.getAttribute(a));
  return {
    tag: el.localName as FieldFacts['tag'],
    type: el.localName === 'input' ? (el.getAttribute('type') ?? '').toLowerCase() : '',
    text: [...attrs, ...labels].join(' '),
    hidden: style?.visibility !== 'visible' || style.display === 'none',
    disabled: el.disabled,
    readOnly: el.readOnly,
    width: box.width,
    height: box.height,
    opacity: opacity(el),
    onTop: onTop(el, box.left + box.width / 2, box.top + box.height / 2),
  };
}

/** A cross-origin frame's origin, from its `src` (null for about:blank, srcdoc, a bad URL). */
function frameOrigin(el: Element): string | null {
  try {
    const origin = new URL((el as HTMLIFrameElement).src).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Whether this frame's parent is of another origin (or there is none): it answers for its own. */
function ownsIsland(win: Window): boolean {
  if (win.parent === win) return true;
  try {
    return !win.parent.document;
  } catch {
    return true;
  }
}

/**
 * Finds the field for a token: the focused one if it may receive it, else the best-ranked one.
 * With `secret` null it only looks. With a secret it fills through the native value setter and
 * fires `input` and `change`, so React, Vue and Angular keep the value; it never submits. It
 * fills nothing when the frame is no longer at `origin` (it navigated after the person said yes).
 * A frame under a same-origin parent answers null: the parent looks into it.
 */
export function fillPage(
  secret: string | null,
  origin: string | null,
  doc: Document = document,
): PageAnswer | null {
  const win = doc.defaultView;
  if (win && !ownsIsland(win)) return null;
  const here = doc.location.origin;
  const active = focused(doc);
  const all: Element[] = [];
  const fields = allFields(doc, all);
  // A cross-origin frame's document is out of reach here; the iframe element is not, so its
  // own visibility is checked on this side (the frame cannot see whether it is covered).
  const frames = all.filter((el) => skipReason({ ...facts(el as Field), tag: 'textarea' }) === null);
  const answer: PageAnswer = {
    origin: here,
    found: false,
    score: 0,
    focused: false,
    focusIn: null,
    frames: frames.flatMap((el) => frameOrigin(el) ?? []),
  };
  // Focus on a cross-origin frame: the person meant a field there, so no field here is filled.
  if (active?.localName === 'iframe') {
    answer.focusIn = frames.includes(active) ? frameOrigin(active) : null;
    return answer;
  }
  const focusedOk = isField(active) && skipReason(facts(active)) === null;
  const target = focusedOk ? active : fields[pickField(fields.map(facts))];
  if (!target) return answer;
  Object.assign(answer, { found: true, focused: focusedOk, score: fieldScore(facts(target)) });
  if (secret === null || origin !== here) return answer;
  const proto = Object.getPrototypeOf(target);
  // The prototype's setter, not the element's own: React replaces `value` on the element to track it.
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(target, secret);
  for (const type of ['input', 'change'])
    target.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  return answer;
}
