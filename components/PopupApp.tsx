import type { ReadonlySignal } from '@preact/signals';
import type { ComponentChild } from 'preact';
import { t } from '../utils/i18n';
import type { TokensModel } from '../utils/tokens-model';
import { SignedOut } from './SignedOut';
import { TokensPanel } from './TokensPanel';

interface PopupAppProps {
  model: TokensModel;
  /** The lock (issue 5): while locked, an unlock form above the names (loaded when needed). */
  unlock?: ReadonlySignal<ComponentChild>;
  onOpenSettings(): void;
}

export function PopupApp({ model, unlock, onOpenSettings }: PopupAppProps) {
  const state = model.state.value;
  return (
    <main class="popup">
      <header class="row">
        <h1 class="grow">{t('apiTokens')}</h1>
        {state === 'ready' && model.email.value ? (
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
        <SignedOut onOpenSettings={onOpenSettings} />
      ) : (
        <>
          {unlock?.value}
          <TokensPanel model={model} layout="popup" />
        </>
      )}
    </main>
  );
}
