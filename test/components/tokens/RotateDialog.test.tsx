import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { RotateDialog } from '../../../components/tokens/RotateDialog';
import type { TokenRecord } from '../../../utils/store/records';
import { tokenRecord } from '../../helpers/token-record';

const now = Date.UTC(2026, 10, 22, 12);
const base = tokenRecord({
  service: 's',
  account: 'a',
  name: 'ci',
  secret: 'eyJ.old.SECRET',
  created: '2026-11-20T12:00:00.000+00:00',
  createdMs: 0,
});
const fresh: TokenRecord = { ...base, id: '2', name: 'ci (rotated 2026-11-22)', secret: 'eyJ.new.SECRET' };

function props(overrides: Partial<Parameters<typeof RotateDialog>[0]> = {}) {
  return {
    old: base,
    replacement: null,
    now,
    copiedId: null,
    onCreate: vi.fn(async () => ({ ok: true as const, token: fresh })),
    onCopy: vi.fn(),
    onRevokeOld: vi.fn(async () => ({ ok: true as const, value: undefined })),
    onKeepBoth: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
}

describe('RotateDialog', () => {
  it('should suggest a dated name and create the replacement once', async () => {
    const p = props();
    render(<RotateDialog {...p} />);
    expect((screen.getByLabelText('Name of the new token') as HTMLInputElement).value).toBe(
      'ci (rotated 2026-11-22)',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create replacement' }));
    expect(screen.getByRole('button', { name: 'Creating…' })).toHaveProperty('disabled', true);
    await waitFor(() => expect(p.onCreate).toHaveBeenCalledTimes(1));
    expect(p.onRevokeOld).not.toHaveBeenCalled();
  });

  it('should offer copy and fill of the new token, and revoke the old one only on the confirmation', async () => {
    const p = props({ replacement: fresh, onFill: vi.fn() });
    render(<RotateDialog {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy new token' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fill new token' }));
    expect(p.onCopy).toHaveBeenCalledWith('2');
    expect(p.onFill).toHaveBeenCalledWith('2');
    expect(p.onRevokeOld).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'The new token works — revoke the old one' }));
    await waitFor(() => expect(p.onClose).toHaveBeenCalled());
    expect(p.onRevokeOld).toHaveBeenCalledTimes(1);
  });

  it('should stay open with the reason when the revoke is refused', async () => {
    const error = {
      code: 'delete-restricted' as const,
      message: 'Your account is not allowed to revoke tokens.',
    };
    const p = props({ replacement: fresh, onRevokeOld: vi.fn(async () => ({ ok: false as const, error })) });
    render(<RotateDialog {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'The new token works — revoke the old one' }));
    expect((await screen.findByRole('alert')).textContent).toBe(error.message);
    expect(p.onClose).not.toHaveBeenCalled();
  });

  it('should stop without revoking on Keep both', () => {
    const p = props({ replacement: fresh });
    render(<RotateDialog {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Keep both' }));
    expect(p.onKeepBoth).toHaveBeenCalled();
    expect(p.onRevokeOld).not.toHaveBeenCalled();
  });

  it('should show a refused create and keep the name', async () => {
    const p = props({
      onCreate: vi.fn(async () => ({ ok: false as const, message: 'The service rejected this token name.' })),
    });
    render(<RotateDialog {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create replacement' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The service rejected this token name.');
    expect(screen.getByLabelText('Name of the new token')).toBeTruthy();
  });
});
