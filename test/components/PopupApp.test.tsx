import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../components/PopupApp';
import { apiToken, createFakeApi } from '../helpers/fake-api';
import { localModel } from '../helpers/local-deps';

const session = {
  serviceUrl: 'http://127.0.0.1:8787',
  credential: 'w3ss_x',
  account: '42',
  email: 'ada@example.org',
};

async function renderPopup(
  tokens = [apiToken('1', 'laptop'), apiToken('2', 'CI')],
  signedIn = true,
  ended = false,
) {
  const fake = createFakeApi(tokens);
  const model = localModel(fake.api, signedIn ? session : null, { sessionEnded: async () => ended });
  const onOpenSettings = vi.fn();
  const view = render(<PopupApp model={model} onOpenSettings={onOpenSettings} />);
  await model.start();
  return { ...view, model, fake, onOpenSettings };
}

describe('PopupApp', () => {
  it('should offer the settings page when signed out', async () => {
    const { onOpenSettings } = await renderPopup([], false);
    expect(screen.getByText('You’re not signed in.')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Open settings' })[0] as HTMLElement);
    expect(onOpenSettings).toHaveBeenCalled();
  });

  // Issue 18: opened after the service ended the session, the popup says so, and how to go on.
  it('should say the session ended when opened after the service ended it', async () => {
    await renderPopup([], false, true);
    expect(screen.getByText('Your session has ended.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeTruthy();
  });

  it('should invite the first token when there is none', async () => {
    await renderPopup([]);
    await screen.findByText('No API tokens yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Create your first token' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Token name'));
  });

  it('should list tokens without putting a secret in the DOM', async () => {
    const { container } = await renderPopup();
    await screen.findByText('laptop');
    const list = screen.getByRole('list', { name: 'API tokens' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(container.innerHTML).not.toContain(apiToken('1', 'laptop').secret);
    expect(container.innerHTML).not.toContain('payload-1');
  });

  it('should show "Copied" on the copied row', async () => {
    await renderPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Copy laptop' }));
    expect(await screen.findByRole('button', { name: 'Copied laptop' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Copied “laptop” to the clipboard.');
  });

  it('should confirm a revoke naming the token, and keep it on cancel', async () => {
    await renderPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'More actions for laptop' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Revoke…' }));
    const dialog = screen.getByRole('dialog', { name: /^Revoke “\s*laptop\s*”\?$/ });
    expect(dialog.textContent).toContain('permanent and cannot be undone');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('laptop')).toBeTruthy();
  });

  it('should keep the dialog open with the reason when a revoke fails', async () => {
    const { fake } = await renderPopup();
    fake.failNext('revokeToken', {
      code: 'delete-restricted',
      message: 'Your account is not allowed to revoke tokens.',
    });
    fireEvent.click(await screen.findByRole('button', { name: 'More actions for CI' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Revoke…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke token' }));
    const dialog = screen.getByRole('dialog');
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Your account is not allowed to revoke tokens.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const list = screen.getByRole('list', { name: 'API tokens' });
    expect(within(list).queryByText('CI')).toBeNull();
    expect(screen.getByText('Revoked (1)')).toBeTruthy();
  });

  it('should show a revoke that cannot reach the service as pending', async () => {
    const { fake } = await renderPopup();
    fake.failNext('revokeToken', { code: 'network', message: 'Can’t reach the token service.' });
    fireEvent.click(await screen.findByRole('button', { name: 'More actions for CI' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Revoke…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke token' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const row = within(screen.getByRole('list', { name: 'API tokens' }))
      .getByText('CI')
      .closest('li') as HTMLElement;
    expect(within(row).getByText('Revoke pending')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: 'Copy CI' })).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/pending/);
  });

  it('should say in a sentence when the service cannot be reached', async () => {
    const fake = createFakeApi();
    fake.failNext('listTokens', {
      code: 'network',
      message: 'Can’t reach the token service at 127.0.0.1:8787.',
    });
    const model = localModel(fake.api, session);
    render(<PopupApp model={model} onOpenSettings={() => {}} />);
    await model.start();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Can’t reach the token service at 127.0.0.1:8787.',
    );
  });
});
