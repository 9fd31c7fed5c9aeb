/**
 * Where a key moves the focused row of a list of `count` rows, `page` rows to a screen; `null`
 * for a key the list leaves alone. The list is virtualised, so this works on indexes, not on
 * elements (WAI-ARIA APG, keyboard navigation inside components:
 * https://www.w3.org/WAI/ARIA/apg/practices/keyboard-interface/).
 */
export function moveIndex(key: string, index: number, count: number, page: number): number | null {
  const step: Record<string, number> = {
    ArrowDown: 1,
    ArrowUp: -1,
    PageDown: page,
    PageUp: -page,
    Home: -count,
    End: count,
  };
  const by = step[key];
  if (by === undefined || count === 0) return null;
  return Math.min(count - 1, Math.max(0, index + by));
}

/** The scroll position that shows row `index` whole, moving as little as possible from `top`. */
export function scrollToShow(index: number, rowHeight: number, top: number, viewport: number): number {
  const start = index * rowHeight;
  if (start < top) return start;
  return Math.max(top, start + rowHeight - viewport);
}
