import { act, fireEvent, render, screen, within } from '@testing-library/preact';
import { render as preactRender } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { TokenList } from '../../../components/tokens/TokenList';
import { rememberRowHeight } from '../../../components/tokens/useVirtualRows';
import type { TokenRecord } from '../../../utils/store/records';
import { tokenRecord } from '../../helpers/token-record';

const record = (i: number): TokenRecord =>
  tokenRecord({
    id: String(i + 1),
    name: `token ${i + 1}`,
    secret: `header.payload.signature-${i + 1}-abcdef`,
  });

function renderList(count: number) {
  const tokens = Array.from({ length: count }, (_, i) => record(i));
  const onCopy = vi.fn();
  const onRevoke = vi.fn();
  const view = render(
    <TokenList
      tokens={tokens}
      copiedId={null}
      now={Date.UTC(2026, 10, 22)}
      onCopy={onCopy}
      onRevoke={onRevoke}
    />,
  );
  const list = screen.getByRole('list', { name: 'API tokens' });
  return { ...view, list, rows: () => within(list).getAllByRole('listitem'), onCopy, onRevoke };
}

describe('TokenList', () => {
  // Issue 14: the popup paints the first rows of a list (its head) and counts them all.
  it('should count every row of a list of which it has only the first, and ask for the rest past them', () => {
    const onMore = vi.fn();
    const tokens = Array.from({ length: 30 }, (_, i) => record(i));
    const view = render(
      <TokenList
        tokens={tokens}
        total={1_000}
        copiedId={null}
        now={0}
        onCopy={vi.fn()}
        onRevoke={vi.fn()}
        onMore={onMore}
      />,
    );
    const list = screen.getByRole('list', { name: 'API tokens' });
    const rows = () => within(list).getAllByRole('listitem');
    expect(rows()[0]?.getAttribute('aria-setsize')).toBe('1000');
    expect(Number.parseFloat(list.style.paddingBottom)).toBeGreaterThan(44 * 900);
    expect(onMore).not.toHaveBeenCalled();
    const box = list.parentElement as HTMLElement;
    box.scrollTop = 44 * 500;
    fireEvent.scroll(box);
    expect(onMore).toHaveBeenCalled();
    // No row it does not have: the window past them is empty until they come.
    expect(within(list).queryAllByRole('listitem')).toEqual([]);
    view.unmount();
  });

  it('should move the focus with End to the last row once the rest of a list painted from its head has come', () => {
    const all = Array.from({ length: 1_000 }, (_, i) => record(i));
    const props = { copiedId: null, now: 0, onCopy: vi.fn(), onRevoke: vi.fn(), onMore: vi.fn() };
    const view = render(<TokenList tokens={all.slice(0, 30)} total={1_000} {...props} />);
    const list = screen.getByRole('list', { name: 'API tokens' });
    (within(list).getAllByRole('listitem')[0] as HTMLElement).focus();
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(props.onMore).toHaveBeenCalled();
    view.rerender(<TokenList tokens={all} total={1_000} {...props} />);
    expect((document.activeElement as HTMLElement).getAttribute('aria-posinset')).toBe('1000');
    view.unmount();
  });

  it('should render every row of a short list, each with its position', () => {
    const { rows } = renderList(3);
    expect(rows().map((row) => row.getAttribute('aria-posinset'))).toEqual(['1', '2', '3']);
    expect(rows().every((row) => row.getAttribute('aria-setsize') === '3')).toBe(true);
  });

  it('should render a first screenful of 10,000 tokens, not all of them', () => {
    const { rows } = renderList(10_000);
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThan(40);
    expect(rows()[0]?.getAttribute('aria-setsize')).toBe('10000');
    expect(within(rows()[0] as HTMLElement).getByText('token 1')).toBeTruthy();
  });

  it('should render the rows around the scroll position', () => {
    const { list, rows } = renderList(10_000);
    const box = list.parentElement as HTMLElement;
    box.scrollTop = 44 * 5_000;
    fireEvent.scroll(box);
    const positions = rows().map((row) => Number(row.getAttribute('aria-posinset')));
    expect(positions).toContain(5_001);
    expect(positions.length).toBeLessThan(40);
    expect(list.style.paddingTop).toBe(`${44 * ((positions[0] ?? 0) - 1)}px`);
  });

  // Issue 14: the row height measured last time is the next opening's first guess, so the
  // measurement in its first frame changes nothing and the list renders once before its paint.
  it('should start from the row height measured last time, and remember a new one', async () => {
    const keep = vi.fn();
    rememberRowHeight({ kept: Promise.resolve(50), keep });
    await Promise.resolve();
    try {
      const { list } = renderList(1_000);
      expect(list.style.paddingBottom).toBe(`${(1_000 - Math.ceil(330 / 50)) * 50}px`);
      const measure = vi
        .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
        .mockReturnValue({ height: 52.5 } as DOMRect);
      await vi.waitFor(() => expect(keep).toHaveBeenCalledWith(52.5));
      expect(measure).toHaveBeenCalled();
      expect(keep).toHaveBeenCalledTimes(1);
    } finally {
      rememberRowHeight({ kept: Promise.resolve(null), keep: () => {} });
      await Promise.resolve();
    }
  });

  it('should estimate the rows when the kept height is not one', async () => {
    rememberRowHeight({ kept: Promise.resolve('50'), keep: () => {} });
    await Promise.resolve();
    const { list } = renderList(1_000);
    const rendered = Math.ceil(330 / 44) + 8;
    await vi.waitFor(() => expect(list.style.paddingBottom).toBe(`${(1_000 - rendered) * 44}px`));
  });

  // Issue 14: the first frame lays out only what shows; the rows either side follow its paint.
  it('should render only the rows in view first, and the rows either side once painted', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const tokens = Array.from({ length: 1_000 }, (_, i) => record(i));
    // Preact's own render, not the testing library's act(), which runs effects before it returns.
    preactRender(
      <TokenList tokens={tokens} copiedId={null} now={0} onCopy={vi.fn()} onRevoke={vi.fn()} />,
      host,
    );
    const rows = (): number => host.querySelectorAll('li').length;
    try {
      expect(rows()).toBe(Math.ceil(330 / 44));
      await vi.waitFor(() => expect(rows()).toBe(Math.ceil(330 / 44) + 8));
    } finally {
      preactRender(null, host);
      host.remove();
    }
  });

  // Issue 14: not in the effects Preact runs right after the paint, ahead of a key pressed at once.
  it('should render the rows either side when the page is idle', async () => {
    const idle: IdleRequestCallback[] = [];
    vi.stubGlobal('requestIdleCallback', (run: IdleRequestCallback) => idle.push(run));
    vi.stubGlobal('cancelIdleCallback', () => {});
    try {
      const { rows, unmount } = renderList(1_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rows()).toHaveLength(Math.ceil(330 / 44));
      expect(idle).toHaveLength(1);
      act(() => idle[0]?.({ didTimeout: false, timeRemaining: () => 10 }));
      expect(rows()).toHaveLength(Math.ceil(330 / 44) + 8);
      unmount();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  // Issue 14: drawn during the page's first sync, they held its answer back.
  it('should leave the rows either side until the page has done opening', async () => {
    const idle: IdleRequestCallback[] = [];
    vi.stubGlobal('requestIdleCallback', (run: IdleRequestCallback) => idle.push(run));
    vi.stubGlobal('cancelIdleCallback', () => {});
    try {
      const tokens = Array.from({ length: 1_000 }, (_, i) => record(i));
      const list = (opening: boolean) => (
        <TokenList
          tokens={tokens}
          copiedId={null}
          now={0}
          onCopy={() => {}}
          onRevoke={() => {}}
          opening={opening}
        />
      );
      const view = render(list(true));
      const rows = () => within(screen.getByRole('list', { name: 'API tokens' })).getAllByRole('listitem');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(idle).toHaveLength(0);
      view.rerender(list(false));
      await vi.waitFor(() => expect(idle).toHaveLength(1));
      expect(rows()).toHaveLength(Math.ceil(330 / 44));
      act(() => idle[0]?.({ didTimeout: false, timeRemaining: () => 10 }));
      expect(rows()).toHaveLength(Math.ceil(330 / 44) + 8);
      // Opening again (another account) changes nothing: the rows are there.
      view.rerender(list(true));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rows()).toHaveLength(Math.ceil(330 / 44) + 8);
      expect(idle).toHaveLength(1);
      view.unmount();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('should name each row’s buttons after its token and pass its id', () => {
    const { onCopy, onRevoke } = renderList(10);
    fireEvent.click(screen.getByRole('button', { name: 'Copy token 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'More actions for token 3' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Revoke…' }));
    expect(onCopy).toHaveBeenCalledWith('2');
    expect(onRevoke).toHaveBeenCalledWith('3');
  });

  it('should copy on a click anywhere on the row, once, and not on its menu button', () => {
    const { rows, onCopy } = renderList(5);
    fireEvent.click(within(rows()[3] as HTMLElement).getByText('token 4'));
    expect(onCopy).toHaveBeenCalledExactlyOnceWith('4');
    fireEvent.click(screen.getByRole('button', { name: 'More actions for token 4' }));
    expect(onCopy).toHaveBeenCalledTimes(1);
  });

  it('should keep revoke out of the row: one Copy, Fill where a fill is possible, the rest in the menu', () => {
    const tokens = [record(0)];
    const props = { tokens, copiedId: null, now: 0, onCopy: vi.fn(), onRevoke: vi.fn() };
    const { rerender } = render(<TokenList {...props} />);
    const row = screen.getByRole('listitem');
    expect(
      within(row)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Copy token 1', 'More actions for token 1']);
    rerender(<TokenList {...props} onFill={vi.fn()} onDetails={vi.fn()} />);
    expect(
      within(row)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Fill token 1', 'Copy token 1', 'More actions for token 1']);
    fireEvent.click(within(row).getByRole('button', { name: 'More actions for token 1' }));
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Details', 'Revoke…']);
  });

  it('should show a waiting revoke as a badge, with nothing to copy, fill or revoke', () => {
    const pendingRevoke = { requestedAt: 0, attempts: 1, nextAttemptAt: 0, lastError: null };
    const tokens = [tokenRecord({ state: 'pending-revoke', pendingRevoke })];
    const onCopy = vi.fn();
    render(
      <TokenList
        tokens={tokens}
        copiedId={null}
        now={0}
        onCopy={onCopy}
        onRevoke={vi.fn()}
        onFill={vi.fn()}
      />,
    );
    const row = screen.getByRole('listitem');
    expect(within(row).queryAllByRole('button')).toEqual([]);
    expect(within(row).getByText('Revoke pending')).toBeTruthy();
    fireEvent.click(within(row).getByText('token 1'));
    fireEvent.keyDown(row, { key: 'Enter' });
    expect(onCopy).not.toHaveBeenCalled();
  });

  it('should keep one row in the tab order, the first one to begin with', () => {
    const { rows } = renderList(50);
    expect(rows().filter((row) => row.tabIndex === 0)).toEqual([rows()[0]]);
  });

  it.each([
    [['End'], 10_000],
    [['End', 'ArrowUp'], 9_999],
    [['End', 'Home'], 1],
    [['ArrowDown', 'ArrowDown'], 3],
    [['PageDown', 'PageDown', 'PageUp'], 7],
  ])('should move the focus with %j to row %i of 10,000, rendering it', (keys, position) => {
    const { rows } = renderList(10_000);
    rows()[0]?.focus();
    for (const key of keys) fireEvent.keyDown(document.activeElement as Element, { key });
    const focused = document.activeElement as HTMLElement;
    expect(focused.getAttribute('aria-posinset')).toBe(String(position));
    expect(focused.tabIndex).toBe(0);
    expect(rows().length).toBeLessThan(40);
  });

  it('should copy the focused row’s token on Enter, and leave Enter on a button to the button', () => {
    const { rows, onCopy, onRevoke } = renderList(20);
    rows()[0]?.focus();
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' });
    expect(onCopy).toHaveBeenCalledWith('2');
    fireEvent.keyDown(screen.getByRole('button', { name: 'More actions for token 5' }), { key: 'Enter' });
    expect(onCopy).toHaveBeenCalledTimes(1);
    expect(onRevoke).not.toHaveBeenCalled();
  });

  it('should move from the row whose button has the focus', () => {
    const { rows } = renderList(20);
    const button = screen.getByRole('button', { name: 'Copy token 4' });
    button.focus();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('5');
    expect(rows().filter((row) => row.tabIndex === 0)).toHaveLength(1);
  });
});
