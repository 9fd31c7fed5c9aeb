import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { CreateTokenForm } from '../../../components/tokens/CreateTokenForm';

function type(input: HTMLElement, value: string): void {
  fireEvent.input(input, { target: { value } });
}

describe('CreateTokenForm', () => {
  it('should keep the typed name and explain a rejection next to the field', async () => {
    const onCreate = vi.fn(async () => ({
      ok: false as const,
      message: 'The tokens API is undergoing maintenance.',
    }));
    render(<CreateTokenForm existingNames={[]} onCreate={onCreate} />);
    const input = screen.getByLabelText('Token name');
    type(input, 'deploy bot');
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'The tokens API is undergoing maintenance.',
    );
    expect((input as HTMLInputElement).value).toBe('deploy bot');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('should turn creating off and say why on a restricted account', () => {
    const onCreate = vi.fn();
    render(
      <CreateTokenForm existingNames={[]} onCreate={onCreate} restriction="Your account is restricted." />,
    );
    const input = screen.getByLabelText('Token name');
    expect(input).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Create token' })).toHaveProperty('disabled', true);
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Your account is restricted.',
    );
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('should clear the field after a successful create', async () => {
    const onCreate = vi.fn(async () => ({ ok: true as const, token: null }));
    render(<CreateTokenForm existingNames={[]} onCreate={onCreate} />);
    const input = screen.getByLabelText('Token name') as HTMLInputElement;
    type(input, 'ci');
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    await waitFor(() => expect(input.value).toBe(''));
    expect(onCreate).toHaveBeenCalledWith('ci');
  });

  it('should warn about, but allow, a duplicate name', () => {
    render(<CreateTokenForm existingNames={['Laptop']} onCreate={vi.fn()} />);
    type(screen.getByLabelText('Token name'), ' laptop ');
    expect(screen.getByText(/already have a token with this name/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create token' })).toHaveProperty('disabled', false);
  });

  it('should show "Creating…" while the service works', async () => {
    let finish: (value: { ok: true; token: null }) => void = () => {};
    const onCreate = vi.fn(() => new Promise<{ ok: true; token: null }>((resolve) => (finish = resolve)));
    render(<CreateTokenForm existingNames={[]} onCreate={onCreate} />);
    type(screen.getByLabelText('Token name'), 'x');
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    const busy = await screen.findByRole('button', { name: 'Creating…' });
    expect(busy).toHaveProperty('disabled', true);
    finish({ ok: true, token: null });
    await screen.findByRole('button', { name: 'Create token' });
  });
});
