import { effect, signal } from '@preact/signals';
import { type ComponentChild, render } from 'preact';
import { browser } from 'wxt/browser';
import '../../assets/app.css';
import { UnlockForm } from '../../components/lock/UnlockForm';
import { PopupApp } from '../../components/PopupApp';
import {
  createAccountModel,
  createAccountsModel,
  onSessionChange,
  pageAccountsDeps,
} from '../../utils/account';
import { releaseFrameOrigins } from '../../utils/fill';
import { localizeDocument } from '../../utils/lib';
import { unlockClient } from '../../utils/messages';
import { pageAccountDeps, pageTokensDeps } from '../../utils/page-deps';
import { createTokensModel } from '../../utils/tokens';

localizeDocument();
const client = unlockClient();
const unlock = signal<ComponentChild>(null);
/** Locked: the unlock form above the names. Also shown when a copy or a fill meets the lock. */
const showLock = async (): Promise<void> => {
  const status = (await client.status().catch(() => null))?.status;
  if (!status?.enabled || status.unlocked) return;
  const onUnlocked = (): void => {
    unlock.value = null;
    void model.refresh();
  };
  unlock.value = <UnlockForm unlock={client.unlock} onUnlocked={onUnlocked} />;
};
const deps = pageTokensDeps(() => void showLock());
// Issue 14: the database opens while the session is read, not after it.
void deps.openDb();
const model = createTokensModel(deps);
const account = createAccountModel(pageAccountDeps());
const accounts = createAccountsModel(pageAccountsDeps(releaseFrameOrigins));
const openSettings = (): void => {
  void browser.runtime.openOptionsPage();
  window.close();
};
const addAccount = (): void => {
  void browser.tabs.create({ url: browser.runtime.getURL('/options.html#add-account') });
  window.close();
};
const openDetails = (id: string): void => {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#token=${encodeURIComponent(id)}`) });
  window.close();
};
render(
  <PopupApp
    model={model}
    account={account}
    unlock={unlock}
    onOpenSettings={openSettings}
    onOpenDetails={openDetails}
    accounts={accounts}
    onAddAccount={addAccount}
  />,
  document.getElementById('app') as HTMLElement,
);
const started = model.start();
void accounts.load();
// Issue 14: names first; the lock a frame later, and the restriction once the sync has answered
// (asked alongside, it made the service answer the list later).
const stop = effect(() => {
  if (model.state.value === 'loading') return;
  queueMicrotask(() => stop());
  requestAnimationFrame(() =>
    setTimeout(() => {
      void showLock();
      void started.finally(() => account.start());
    }),
  );
});
// A switch of account, a sign-in or out: repaint from that account's store, one repaint at a time.
let repaint = Promise.resolve();
onSessionChange(() => {
  repaint = repaint.then(() => Promise.all([accounts.load(), model.start(), account.start()])).then(() => {});
});
