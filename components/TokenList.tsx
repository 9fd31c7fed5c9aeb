import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { absoluteTime, maskSecret, relativeTime } from '../utils/format';
import { t } from '../utils/i18n';
import type { TokenRecord } from '../utils/reconcile';
import { TokenActions } from './TokenActions';

interface TokenListProps {
  tokens: readonly TokenRecord[];
  copiedId: string | null;
  now: number;
  onCopy(id: string): void;
  onRevoke(id: string): void;
  onFill?: (id: string) => void;
}

// Only the rows in view (plus OVERSCAN either side) are in the DOM, so the popup opens as fast
// with 10,000 tokens as with 10 (issue 6). Every row is one line of name and one of details, so
// all rows share one height: measured from the first row, estimated until then. The scroll box is
// taken to be at least as tall as its CSS max-height, also where there is no layout (happy-dom in
// the component tests).
const ROW_ESTIMATE_PX = 44;
const VIEWPORT_FALLBACK_PX = 330;
const OVERSCAN = 8;

/** The popup's compact list: name, masked secret, age, actions; virtualised. */
export function TokenList({ tokens, copiedId, now, onCopy, onRevoke, onFill }: TokenListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(VIEWPORT_FALLBACK_PX);
  const [rowHeight, setRowHeight] = useState(ROW_ESTIMATE_PX);

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

  return (
    <div
      ref={scroller}
      class="token-scroll"
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <ul ref={list} class="token-list" aria-label={t('apiTokens')} style={style}>
        {tokens.slice(first, last).map((token, i) => (
          <li key={token.id} aria-setsize={count} aria-posinset={first + i + 1}>
            <div class="token-main">
              <div class="token-name" dir="auto" title={token.name}>
                {token.name}
              </div>
              <div class="token-meta">
                <span class="mono" title={t('maskedTitle')}>
                  {maskSecret(token.secret)}
                </span>
                <time dateTime={token.created} title={absoluteTime(token.createdMs)}>
                  {relativeTime(token.createdMs, now)}
                </time>
              </div>
            </div>
            <TokenActions
              token={token}
              copiedId={copiedId}
              onCopy={onCopy}
              onRevoke={onRevoke}
              onFill={onFill}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
