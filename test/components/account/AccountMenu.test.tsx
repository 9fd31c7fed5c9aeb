import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AccountMenu } from '../../../components/account/AccountMenu';
import { createAccountsModel, type Session } from '../../../utils/account';

const work: Session = { serviceUrl: 'https://a.example', credential: 'cred-w', account: '1', email: 'w@x.y' };
const home: Session = { serviceUrl: 'https://a.example', credential: 'cred-h', account: '2', email: 'h@x.y' };
const far: Session = { serviceUrl: 'https://b.example', credential: 'cred-f', account: '3', email: 'f@x.y' };

async function renderMenu(sessions: Session[]) {
  let list = [...sessions];
  const deps = {
    listSessions: vi.fn(async () => list),
    switchSession: vi.fn(async (scope: { service: string; account: string }) => {
      const to = list.find((s) => s.account === scope.account);
      if (to) list = [to, ...list.filter((s) => s !== to)];
      return Boolean(to);
    }),
    signOut: vi.fn(async (session: Session) => {
      list = list.filter((s) => s !== session);
      return null;
    }),
  };
  const model = createAccountsModel(deps);
  await model.load();
  const onAdd = vi.fn();
  const view = render(<AccountMenu model={model} onAdd={onAdd} />);
  return { model, deps, onAdd, view };
}

describe('AccountMenu', () => {
  it('should show the shown account and offer the others, adding and signing out, never a credential', async () => {
    await renderMenu([work, home]);
    fireEvent.click(screen.getByRole('button', { name: 'Account: w@x.y' }));
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Switch to h@x.y',
      'Add account…',
      'Sign out of w@x.y',
    ]);
    expect(document.activeElement?.textContent).toBe('Switch to h@x.y');
    expect(document.body.innerHTML).not.toContain('cred-');
  });

  it('should switch in one click, and name the service when the accounts are on several', async () => {
    const { deps, view, model, onAdd } = await renderMenu([work, far]);
    fireEvent.click(screen.getByRole('button', { name: 'Account: w@x.y' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Switch to f@x.y (b.example)' }));
    await vi.waitFor(() => expect(model.active.value?.name).toBe('f@x.y'));
    expect(deps.switchSession).toHaveBeenCalledWith({ service: 'https://b.example', account: '3' });
    view.rerender(<AccountMenu model={model} onAdd={onAdd} />);
    expect(screen.getByRole('button', { name: 'Account: f@x.y' }).textContent).toContain('b.example');
    fireEvent.click(screen.getByRole('button', { name: 'Account: f@x.y' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Add account…' }));
    expect(onAdd).toHaveBeenCalledOnce();
  });

  it('should sign out of the shown account only, and show the next one', async () => {
    const { deps, model } = await renderMenu([work, home]);
    fireEvent.click(screen.getByRole('button', { name: 'Account: w@x.y' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Sign out of w@x.y' }));
    await vi.waitFor(() => expect(model.active.value?.name).toBe('h@x.y'));
    expect(deps.signOut).toHaveBeenCalledWith(work);
    expect(model.accounts.value.map((a) => a.name)).toEqual(['h@x.y']);
  });
});
