import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { LockOpen } from '../../../components/lock/LockOpen';
import { createLockModel } from '../../../utils/lock/model';
import type { LockClient } from '../../../utils/messages';

const status = {
  enabled: true,
  unlocked: true,
  retryAt: null,
  settings: { idleMinutes: 15, keepNoSecrets: false },
};

function setUp() {
  const reply = async () => ({ ok: true as const, status });
  const client = { disable: vi.fn(reply), change: vi.fn(reply), lock: vi.fn(reply) } as unknown as LockClient;
  const model = createLockModel(client);
  const view = render(<LockOpen model={model} busy={false} settings={status.settings} />);
  return { client, model, view };
}

// Issue 11: someone at an unlocked browser cannot undo the lock without the passphrase.
describe('LockOpen', () => {
  it('should not turn the lock off without the current passphrase', () => {
    const { client, model } = setUp();
    fireEvent.click(screen.getByRole('button', { name: 'Turn off the lock' }));
    expect(client.disable).not.toHaveBeenCalled();
    expect(model.error.value).toBe('Type your current passphrase first.');
  });

  it('should send the current passphrase with turning off, and clear its field', async () => {
    const { client } = setUp();
    const current = screen.getByLabelText('Current passphrase') as HTMLInputElement;
    fireEvent.input(current, { target: { value: 'old pass phrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn off the lock' }));
    await waitFor(() => expect(client.disable).toHaveBeenCalledWith('old pass phrase'));
    expect(current.value).toBe('');
  });

  it('should keep a typed new passphrase, and send nothing, until the current one is given', async () => {
    const { client } = setUp();
    const next = screen.getByLabelText('Change passphrase') as HTMLInputElement;
    fireEvent.input(next, { target: { value: 'new pass phrase' } });
    fireEvent.input(screen.getByLabelText('Confirm passphrase'), { target: { value: 'new pass phrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(client.change).not.toHaveBeenCalled();
    expect(next.value).toBe('new pass phrase');
    fireEvent.input(screen.getByLabelText('Current passphrase'), { target: { value: 'old pass phrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    await waitFor(() => expect(client.change).toHaveBeenCalledWith('old pass phrase', 'new pass phrase'));
  });
});
