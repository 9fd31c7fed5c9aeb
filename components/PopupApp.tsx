import type { ReadonlySignal } from '@preact/signals';
import type { ComponentChild } from 'preact';
import type { AccountModel, AccountsModel } from '../utils/account';
import { t } from '../utils/lib';
import type { TokensModel } from '../utils/tokens';
import { AccountMenu } from './account/AccountMenu';
import { SignedOut } from './account/SignedOut';
import { TokenList } from './tokens/TokenList';
import { TokensPanel } from './tokens/TokensPanel';

/** The popup's page keeps the height of its rows for the next opening (issue 14). */
export { rememberRowHeight } from './tokens/useVirtualRows';

interface PopupAppProps {
  model: TokensModel;
  /** The account's restriction (issue 7); optional so a test may leave it out. */
  account?: AccountModel;
  /** The lock (issue 5): while locked, an unlock form above the names (loaded when needed). */
  unlock?: ReadonlySignal<ComponentChild>;
  onOpenSettings(): void;
  /** The signed-in accounts (issue 15): the header's switcher; the plain email when absent. */
  accounts?: AccountsModel;
  /** "Add account…": the sign-in form on the options page. */
  onAddAccount?: () => void;
  /** Opens a token's details and rotation on the options page (issue 7: the popup stays small). */
  onOpenDetails?: (id: string) => void;
}

export function PopupApp(props: PopupAppProps) {
  const { model, account, unlock, onOpenSettings, onOpenDetails, accounts, onAddAccount } = props;
  const state = model.state.value;
  return (
    <main class="popup">
      <header class="row">
        <h1 class="grow">{t('apiTokens')}</h1>
        {state !== 'signed-out' && accounts?.active.value ? (
          <AccountMenu model={accounts} onAdd={onAddAccount ?? onOpenSettings} />
        ) : state === 'ready' && model.email.value ? (
          <span class="muted small account" title={model.email.value}>
            {model.email.value}
          </span>
        ) : null}
        <button type="button" class="quiet" onClick={onOpenSettings}>
          {t('settings')}
        </button>
      </header>
      {state === 'loading' ? (
        <p class="empty">
          <span class="spinner" aria-hidden="true" /> {t('loading')}
        </p>
      ) : state === 'signed-out' ? (
        <SignedOut
          ended={model.error.value?.code === 'signed-out' && model.error.value.status === 401}
          onOpenSettings={onOpenSettings}
        />
      ) : (
        <>
          {unlock?.value}
          <TokensPanel
            model={model}
            layout="popup"
            Rows={TokenList}
            account={account}
            onDetails={onOpenDetails}
          />
        </>
      )}
    </main>
  );
}
