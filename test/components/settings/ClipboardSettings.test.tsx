import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ClipboardSettings } from '../../../components/settings/ClipboardSettings';
import { SyncSettings } from '../../../components/settings/SyncSettings';

describe('ClipboardSettings', () => {
  it('should offer never and five delays, and say what clearing cannot reach', () => {
    render(<ClipboardSettings seconds={30} onChange={() => {}} />);
    const select = screen.getByLabelText('Clear a copied token from the clipboard') as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual([
      'Never',
      'After 15 seconds',
      'After 30 seconds',
      'After 1 minute',
      'After 2 minutes',
      'After 5 minutes',
    ]);
    expect(select.value).toBe('30');
    expect(screen.getByText(/operating system or a clipboard manager may keep a history/)).toBeTruthy();
  });

  it.each([
    ['0', 0],
    ['300', 300],
  ])('should report the choice %s as %i seconds', (value, seconds) => {
    const onChange = vi.fn();
    render(<ClipboardSettings seconds={30} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Clear a copied token from the clipboard'), { target: { value } });
    expect(onChange).toHaveBeenCalledWith(seconds);
  });

  it('should say whose settings the cards hold: the account shown, or the starting values of new ones', () => {
    const owner = { name: 'ada@example.org', host: 'tokens.example.org' };
    const { unmount } = render(
      <>
        <SyncSettings minutes={15} owner={owner} onChange={() => {}} />
        <ClipboardSettings seconds={30} owner={owner} onChange={() => {}} />
      </>,
    );
    expect(
      screen.getAllByText('For ada@example.org on tokens.example.org. Each signed-in account has its own.'),
    ).toHaveLength(2);
    unmount();
    render(<ClipboardSettings seconds={30} owner={null} onChange={() => {}} />);
    expect(screen.getByText(/^Nobody is signed in: these are the starting values/)).toBeTruthy();
  });
});
