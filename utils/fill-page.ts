import { type FieldFacts, pickField, skipReason } from './field-rank';

/** What the fill script answers: the page's origin, and whether it found (or filled) a field. */
export interface PageAnswer {
  origin: string;
  found: boolean;
}

type Field = HTMLInputElement | HTMLTextAreaElement;

const isField = (el: Element | null): el is Field =>
  el?.localName === 'input' || el?.localName === 'textarea';
/** A same-origin frame's document; null for a cross-origin one (never filled, issue 4). */
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

/** Every input and textarea, in open shadow roots and same-origin frames too. */
function allFields(root: Document | ShadowRoot, found: Field[] = []): Field[] {
  for (const el of root.querySelectorAll('*')) {
    if (isField(el)) found.push(el);
    if (el.shadowRoot) allFields(el.shadowRoot, found);
    const doc = frameDoc(el);
    if (doc) allFields(doc, found);
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

/**
 * Finds the field for a token: the focused one if it may receive it, else the best-ranked one.
 * With `secret` null it only looks. With a secret it fills through the native value setter and
 * fires `input` and `change`, so React, Vue and Angular keep the value; it never submits. It
 * fills nothing when the page is no longer at `origin` (it navigated after the person said yes).
 */
export function fillPage(secret: string | null, origin: string | null, doc: Document = document): PageAnswer {
  const here = doc.location.origin;
  const active = focused(doc);
  // Focus inside a cross-origin frame: the person meant a field there, which is never filled
  // (issue 4), so no other field of the page is filled instead.
  if (active?.localName === 'iframe') return { origin: here, found: false };
  const fields = allFields(doc);
  const target =
    isField(active) && skipReason(facts(active)) === null ? active : fields[pickField(fields.map(facts))];
  if (!target || secret === null || origin !== here) return { origin: here, found: Boolean(target) };
  const proto = Object.getPrototypeOf(target);
  // The prototype's setter, not the element's own: React replaces `value` on the element to track it.
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(target, secret);
  for (const type of ['input', 'change'])
    target.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  return { origin: here, found: true };
}
