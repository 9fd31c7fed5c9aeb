import type { AccountsModel } from '../../utils/account';
import { t } from '../../utils/lib';
import { RowMenu, type RowMenuItem } from '../tokens/RowMenu';

interface AccountMenuProps {
  model: AccountsModel;
  /** "Add account…": the sign-in form (the options page), Cancel returns. */
  onAdd(): void;
}

/**
 * The header's account switcher (issue 15): the active account's name as a menu button; the menu
 * has one item per other signed-in account (one click switches), "Add account…", and
 * "Sign out of <name>". Keyboard as every menu button here (RowMenu).
 */
export function AccountMenu({ model, onAdd }: AccountMenuProps) {
  const active = model.active.value;
  if (!active) return null;
  const many = new Set(model.accounts.value.map((a) => a.host)).size > 1;
  const items: RowMenuItem[] = [
    ...model.accounts.value
      .filter((a) => !a.active)
      .map((a) => ({
        label: t('switchToAccount', many ? `${a.name} (${a.host})` : a.name),
        run: () => void model.switchTo(a.key),
      })),
    { label: t('addAccount'), run: onAdd },
    { label: t('signOutOf', active.name), danger: true, run: () => void model.signOut(active.key) },
  ];
  return (
    <RowMenu
      label={t('accountMenu', active.name)}
      items={items}
      buttonClass="quiet account-switch"
      align="start"
    >
      <span class="account-name">{active.name}</span>
      {many ? <span class="muted small"> {active.host}</span> : null}
      <span aria-hidden="true"> ▾</span>
    </RowMenu>
  );
}
