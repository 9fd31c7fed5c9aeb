import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { TokenDetails } from '../../../components/tokens/TokenDetails';
import { tokenRecord } from '../../helpers/token-record';

const now = Date.UTC(2026, 10, 22, 12);
const token = tokenRecord({
  service: 's',
  account: 'a',
  name: 'ci',
  secret: 'eyJhbGciOiJIUzI1NiJ9.payload.signature-SECRET',
  created: '2026-11-20T12:00:00.000+00:00',
  createdMs: Date.UTC(2026, 10, 20, 12),
  hasUploads: true,
  lastCopiedAt: now - 3600_000,
  lastFilledAt: null,
});

describe('TokenDetails', () => {
  it('should show created, uploads, last copied and filled, and never the secret', () => {
    const { container } = render(<TokenDetails token={token} now={now} onSaveNote={vi.fn()} />);
    const text = container.textContent ?? '';
    expect(text).toMatch(/Created2 days ago \(/);
    expect(text).toContain('Used for uploadsYes');
    expect(text).toMatch(/Last copied here1 hour ago/);
    expect(text).toContain('Last filled hereNever');
    expect(text).not.toContain(token.secret);
    expect(screen.queryByRole('button', { name: /Rotate/ })).toBeNull();
  });

  it('should name the site of the last fill when the usage record is given', () => {
    const usage = {
      lastFill: { origin: 'https://ci.example', at: now - 60_000 },
      origins: ['https://ci.example'],
    };
    const { container } = render(<TokenDetails token={token} now={now} usage={usage} onSaveNote={vi.fn()} />);
    expect(container.textContent).toMatch(/Last filled here1 minute ago \(.*\) on ci\.example/);
  });

  it('should save the note trimmed and say so', async () => {
    const onSaveNote = vi.fn(async () => {});
    render(<TokenDetails token={token} now={now} onSaveNote={onSaveNote} />);
    fireEvent.input(screen.getByLabelText('Note (kept on this device only)'), {
      target: { value: ' deploys ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(screen.getByText('Note saved.')).toBeTruthy());
    expect(onSaveNote).toHaveBeenCalledWith('deploys');
  });

  it.each([
    { rotatedTo: undefined, button: 'Rotate…' },
    { rotatedTo: '2', button: 'Continue rotation' },
  ])('should offer $button', ({ rotatedTo, button }) => {
    const onRotate = vi.fn();
    render(
      <TokenDetails token={{ ...token, rotatedTo }} now={now} onSaveNote={vi.fn()} onRotate={onRotate} />,
    );
    fireEvent.click(screen.getByRole('button', { name: button }));
    expect(onRotate).toHaveBeenCalled();
  });

  it('should check the token by its id, say the answer while never holding the secret, and offer no check once revoking', async () => {
    const onCheck = vi.fn(async () => ({ tone: 'fails' as const, message: 'No longer works.' }));
    const { container, rerender } = render(
      <TokenDetails token={token} now={now} onSaveNote={vi.fn()} onCheck={onCheck} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Check token' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No longer works.'));
    expect(onCheck).toHaveBeenCalledWith(token.id);
    expect(container.textContent).not.toContain(token.secret);
    rerender(
      <TokenDetails
        token={{ ...token, state: 'pending-revoke' }}
        now={now}
        onSaveNote={vi.fn()}
        onCheck={onCheck}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Check token' })).toBeNull();
  });
});
