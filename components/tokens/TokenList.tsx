import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { absoluteTime, maskSecret, moveIndex, relativeTime, scrollToShow, t } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';
import { isNeverUsed, visibleName } from '../../utils/tokens';
import { TokenActions } from './TokenActions';

interface TokenListProps {
  tokens: readonly TokenRecord[];
  copiedId: string | null;
  now: number;
  onCopy(id: string): void;
  onRevoke(id: string): void;
  onFill?: (id: string) => void;
  onDetails?: (id: string) => void;
}

// Only the rows in view (plus OVERSCAN either side) are in the DOM, so the popup opens as fast
// with 10,000 tokens as with 10 (issue 6). Every row is one line of name and one of details, so
// all rows share one height: measured from the first row, estimated until then. The scroll box is
// taken to be at least as tall as its CSS max-height, also where there is no layout (happy-dom in
// the component tests).
const ROW_ESTIMATE_PX = 44;
const VIEWPORT_FALLBACK_PX = 330;
const OVERSCAN = 8;

/**
 * The popup's compact list: name, masked secret, age, actions; virtualised. One row at a time is
 * in the tab order (a roving tabindex): arrow keys, Page Up/Down, Home and End move it, scrolling
 * the row into the rendered window first, and Enter on a row copies its token.
 */
export function TokenList({ tokens, copiedId, now, onCopy, onRevoke, onFill, onDetails }: TokenListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(VIEWPORT_FALLBACK_PX);
  const [rowHeight, setRowHeight] = useState(ROW_ESTIMATE_PX);
  const [active, setActive] = useState(0);
  const moved = useRef(false);

  // The row height is read once, from the first row rendered: reading layout on every render
  // would force a layout in the middle of each keystroke of a search.
  const measured = useRef(false);
  useLayoutEffect(() => {
    const height = measured.current ? 0 : list.current?.firstElementChild?.getBoundingClientRect().height;
    if (!height) return;
    measured.current = true;
    setRowHeight(height);
  });
  // A box taller than its usual max-height (a page that lets it grow) gets rows to fill it; a
  // shorter one (a short list) keeps the usual screenful, so a search that brings rows back never
  // waits for the box to be measured again. Watched, not read on each render.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      setViewport(Math.max(box.clientHeight, VIEWPORT_FALLBACK_PX));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const count = tokens.length;
  // A shorter list (a search) may leave the old scroll position past its end until the browser
  // clamps it: render the last screenful meanwhile, never an empty one.
  const top = Math.min(scrollTop, Math.max(0, count * rowHeight - viewport));
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((top + viewport) / rowHeight) + OVERSCAN);
  // Padding stands in for the rows not rendered, so the scrollbar spans the whole list.
  const style = { paddingTop: `${first * rowHeight}px`, paddingBottom: `${(count - last) * rowHeight}px` };
  // The row in the tab order: the active one, or the first rendered while that one is scrolled away.
  const current = Math.min(active, count - 1);
  const tabStop = current >= first && current < last ? current : first;

  // Focus follows a key only once the row it moved to is rendered.
  useLayoutEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    list.current?.querySelector<HTMLElement>('li[tabindex="0"]')?.focus();
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

  return (
    <div
      ref={scroller}
      class="token-scroll"
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <ul
        ref={list}
        class="token-list"
        aria-label={t('apiTokens')}
        style={style}
        onKeyDown={onKeyDown}
        onFocusCapture={(event) => setActive(positionOf(event.target) - 1)}
      >
        {tokens.slice(first, last).map((token, i) => (
          <li
            key={token.id}
            aria-setsize={count}
            aria-posinset={first + i + 1}
            tabIndex={first + i === tabStop ? 0 : -1}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && event.target === event.currentTarget) onCopy(token.id);
            }}
          >
            <div class="token-main">
              <div class="token-name" dir="auto" title={token.name}>
                {visibleName(token.name)}
              </div>
              <div class="token-meta">
                <span class="mono" title={t('maskedTitle')}>
                  {maskSecret(token.secret)}
                </span>
                <time dateTime={token.created} title={absoluteTime(token.createdMs)}>
                  {relativeTime(token.createdMs, now)}
                </time>
                {isNeverUsed(token, now) ? <span class="badge quiet-badge">{t('neverUsed')}</span> : null}
              </div>
            </div>
            <TokenActions
              token={token}
              copiedId={copiedId}
              onCopy={onCopy}
              onRevoke={onRevoke}
              onFill={onFill}
              onDetails={onDetails}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The 1-based position of the row holding `target`, which is always inside the list. */
function positionOf(target: EventTarget | null): number {
  return Number((target as Element).closest('li')?.getAttribute('aria-posinset') ?? 1);
}
