import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { moveIndex, scrollToShow } from '../../utils/lib';

// Only the rows in view (plus OVERSCAN either side, once the page is idle after its first paint)
// are in the DOM, so the popup opens as fast with 10,000 tokens as with 10 (issue 6). Every row is
// one line of name and one of details, so all rows share one height: measured from the first row,
// estimated until then. The scroll box is taken to be at least as tall as its CSS max-height,
// also where there is no layout (happy-dom in the component tests).
const ROW_ESTIMATE_PX = 44;
const VIEWPORT_FALLBACK_PX = 330;
const OVERSCAN = 8;

export interface VirtualRows {
  /** Spread on the scroll box. */
  box: {
    ref: RefObject<HTMLDivElement>;
    onScroll(event: Event & { currentTarget: HTMLDivElement }): void;
  };
  /** Spread on the list: padding standing in for the rows not rendered, and the roving tabindex. */
  list: {
    ref: RefObject<HTMLUListElement>;
    style: { paddingTop: string; paddingBottom: string };
    onKeyDown(event: KeyboardEvent): void;
    onFocusCapture(event: FocusEvent): void;
  };
  /** The rendered window of rows: `first` included, `last` not. */
  first: number;
  last: number;
  /** The row in the tab order. */
  tabStop: number;
}

/** The scroll box and the list, with the height of a row and of the box, measured once there. */
function useSizes(): {
  scroller: RefObject<HTMLDivElement>;
  list: RefObject<HTMLUListElement>;
  viewport: number;
  rowHeight: number;
} {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [viewport, setViewport] = useState(VIEWPORT_FALLBACK_PX);
  const [rowHeight, setRowHeight] = useState(rememberedHeight);
  // The row height is read once, from the first row rendered: reading layout on every render
  // would force a layout in the middle of each keystroke of a search. It is read in the frame
  // after the first paint, when the layout is already done: read while rendering, it forced one
  // more before the list could show (issue 14).
  const measured = useRef(false);
  useLayoutEffect(() => {
    const row = measured.current ? null : list.current?.firstElementChild;
    if (!row) return;
    const frame = requestAnimationFrame(() => {
      const height = row.getBoundingClientRect().height;
      if (!height) return;
      measured.current = true;
      setRowHeight(height);
      rememberHeight(height);
    });
    return () => cancelAnimationFrame(frame);
  });
  // A box taller than its usual max-height (a page that lets it grow) gets rows to fill it; a
  // shorter one (a short list) keeps the usual screenful, so a search that brings rows back never
  // waits for the box to be measured again. Watched, not read on each render.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const observer = new ResizeObserver(() => {
      setViewport(Math.max(box.clientHeight, VIEWPORT_FALLBACK_PX));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return { scroller, list, viewport, rowHeight };
}

/**
 * The height measured last time (issue 14), and where to keep a new one, as the page gives them
 * (rememberRowHeight). The first render of the next opening then has the right window and
 * padding, and the measurement in its first frame changes nothing (no second render before the
 * list is painted). A height, never anything about a token.
 */
const remembered: { height: number | null; keep(height: number): void } = { height: null, keep: () => {} };

/**
 * The row height the page kept last time (anything but a height is ignored: the rows are
 * estimated), and where it keeps the one measured now. Set up by the page before its list renders.
 */
export function rememberRowHeight(memory: { kept: Promise<unknown>; keep(height: number): void }): void {
  remembered.keep = memory.keep;
  memory.kept.then(
    (height) => {
      remembered.height = typeof height === 'number' && height > 0 && height < 1_000 ? height : null;
    },
    () => {},
  );
}

function rememberedHeight(): number {
  return remembered.height ?? ROW_ESTIMATE_PX;
}

function rememberHeight(height: number): void {
  if (remembered.height === height) return;
  remembered.height = height;
  remembered.keep(height);
}

/**
 * A virtualised list of `count` rows with a roving tabindex: arrow keys, Page Up/Down, Home and
 * End move it, scrolling the row into the rendered window first.
 */
export function useVirtualRows(count: number, opening = false): VirtualRows {
  const { scroller, list, viewport, rowHeight } = useSizes();
  // The first frame has only the rows in view, so the list shows with less to lay out; the rows
  // either side come when the page is next idle (issue 14), once its opening work is over. Not in
  // the effects Preact runs right after the paint: rendered there, they held the main thread for
  // 2–15 ms before anything else, a key pressed at once included, could run. Nor during the
  // page's first sync: drawn then, they held its answer back by up to 6 ms (10 tokens).
  const [overscan, setOverscan] = useState(0);
  useEffect(() => {
    if (opening || overscan) return;
    const idle = requestIdleCallback(() => setOverscan(OVERSCAN));
    return () => cancelIdleCallback(idle);
  }, [opening, overscan]);
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const moved = useRef(false);

  // A shorter list (a search) may leave the old scroll position past its end until the browser
  // clamps it: render the last screenful meanwhile, never an empty one.
  const top = Math.min(scrollTop, Math.max(0, count * rowHeight - viewport));
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((top + viewport) / rowHeight) + overscan);
  // Padding stands in for the rows not rendered, so the scrollbar spans the whole list.
  const style = { paddingTop: `${first * rowHeight}px`, paddingBottom: `${(count - last) * rowHeight}px` };
  // The row in the tab order: the active one, or the first rendered while that one is scrolled away.
  const current = Math.min(active, count - 1);
  const tabStop = current >= first && current < last ? current : first;

  // Focus follows a key only once the row it moved to is rendered: at once, or when the rest of a
  // list painted from its head has come (issue 14: End pressed as the popup opens).
  useLayoutEffect(() => {
    if (!moved.current) return;
    const rows = list.current;
    const row = rows?.querySelector<HTMLElement>(`li[aria-posinset="${current + 1}"]`);
    // Waits only while rows of the window are still to come; never takes the focus back later.
    if (!row && (rows?.children.length ?? 0) < last - first) return;
    moved.current = false;
    (row ?? rows?.querySelector<HTMLElement>('li[tabindex="0"]'))?.focus();
  });

  function onKeyDown(event: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const to = moveIndex(event.key, positionOf(event.target) - 1, count, page);
    if (to === null) return;
    event.preventDefault();
    const box = scroller.current;
    if (box) {
      const y = scrollToShow(to, rowHeight, box.scrollTop, box.clientHeight || viewport);
      box.scrollTop = y;
      setScrollTop(y);
    }
    moved.current = true;
    setActive(to);
  }

  return {
    box: { ref: scroller, onScroll: (event) => setScrollTop(event.currentTarget.scrollTop) },
    list: { ref: list, style, onKeyDown, onFocusCapture: (event) => setActive(positionOf(event.target) - 1) },
    first,
    last,
    tabStop,
  };
}

/** The 1-based position of the row holding `target`, which is always inside the list. */
function positionOf(target: EventTarget | null): number {
  return Number((target as Element).closest('li')?.getAttribute('aria-posinset') ?? 1);
}
