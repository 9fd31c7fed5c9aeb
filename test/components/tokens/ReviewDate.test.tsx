import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ReviewDate } from '../../../components/tokens/ReviewDate';
import { ReviewNotice } from '../../../components/tokens/ReviewNotice';
import { UseBadge } from '../../../components/tokens/UseBadge';
import { tokenRecord } from '../../helpers/token-record';

const now = new Date(2026, 11, 5, 14).getTime();
const day = (y: number, m: number, d: number): number => new Date(y, m - 1, d).getTime();

describe('ReviewDate', () => {
  it('should save a preset at the start of that day, and clear it', async () => {
    const onSave = vi.fn(async () => {});
    const { rerender } = render(
      <ReviewDate token={{ id: '1', state: 'active', reviewBy: null }} now={now} onSave={onSave} />,
    );
    expect(screen.getByRole('group', { name: 'Review by' }).textContent).toContain('No review date');
    expect(screen.queryByRole('button', { name: 'Clear review date' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'In 90 days' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(day(2027, 3, 5)));
    expect(await screen.findByText('Review date saved.')).toBeTruthy();
    rerender(
      <ReviewDate
        token={{ id: '1', state: 'active', reviewBy: day(2027, 3, 5) }}
        now={now}
        onSave={onSave}
      />,
    );
    expect(screen.getByRole('group', { name: 'Review by' }).textContent).toMatch(/Review by .*2027/);
    fireEvent.click(screen.getByRole('button', { name: 'Clear review date' }));
    await waitFor(() => expect(onSave).toHaveBeenLastCalledWith(null));
  });

  it('should refuse a custom day that is not after today, saving nothing', async () => {
    const onSave = vi.fn(async () => {});
    render(<ReviewDate token={{ id: '1', state: 'active', reviewBy: null }} now={now} onSave={onSave} />);
    fireEvent.input(screen.getByLabelText('Custom date'), { target: { value: '2026-12-05' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set date' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose a date after today.');
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Custom date'), { target: { value: '2027-01-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set date' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(day(2027, 1, 15)));
  });

  it('should say since when a date is due', () => {
    render(
      <ReviewDate
        token={{ id: '1', state: 'active', reviewBy: day(2026, 12, 1) }}
        now={now}
        onSave={vi.fn()}
      />,
    );
    expect(screen.getByRole('group', { name: 'Review by' }).textContent).toMatch(
      /Due for review since .*2026/,
    );
  });
});

describe('ReviewNotice', () => {
  it('should name each token due with a way to its details, and show nothing when none is', () => {
    const onOpen = vi.fn();
    const { container, rerender } = render(<ReviewNotice tokens={[]} onOpen={onOpen} />);
    expect(container.textContent).toBe('');
    rerender(<ReviewNotice tokens={[{ id: '7', name: 'ci deploy' }]} onOpen={onOpen} />);
    expect(screen.getByRole('region', { name: 'Due for review' }).textContent).toContain('ci deploy');
    fireEvent.click(screen.getByRole('button', { name: 'Review ci deploy: details and a new date' }));
    expect(onOpen).toHaveBeenCalledWith('7');
  });
});

describe('UseBadge', () => {
  const old = { createdMs: now - 60 * 24 * 3600_000 };
  it.each([
    [tokenRecord(old), false, 'Not used for uploads and not copied or filled on this device'],
    [tokenRecord(old), true, 'Not used for uploads and not copied or filled on this device'],
    [tokenRecord({ ...old, hasUploads: true }), false, ''],
    [tokenRecord({ ...old, reviewBy: now - 1 }), false, 'Review due'],
    [
      tokenRecord({ ...old, reviewBy: now - 1, state: 'pending-revoke' }),
      false,
      'Not used for uploads and not copied or filled on this device',
    ],
  ])('should say what it knows of %j (long: %s)', (token, long, words) => {
    const { container } = render(<UseBadge token={token} now={now} long={long} />);
    const shown = container.querySelector('[aria-hidden="true"]')?.textContent;
    // The popup's short form: "Not used here" on screen, the full sentence for a screen reader.
    expect(container.querySelector('.visually-hidden')?.textContent ?? container.textContent).toBe(words);
    if (shown !== undefined) expect(shown).toBe('Not used here');
  });
});
