import { effect, signal } from '@preact/signals';
import { type ComponentChild, render } from 'preact';
import { browser } from 'wxt/browser';
import { UnlockForm } from '../../components/lock/UnlockForm';
import { PopupApp, rememberRowHeight } from '../../components/PopupApp';
import {
  createAccountModel,
  createAccountsModel,
  onSessionChange,
  pageAccountsDeps,
} from '../../utils/account';
import { releaseFrameOrigins } from '../../utils/fill';
import { drawFirstScreen, keptScreenUp } from '../../utils/first-screen-keep';
import { localizeDocument } from '../../utils/lib';
import { unlockClient } from '../../utils/messages';
import { pageAccountDeps, pageTokensDeps } from '../../utils/page-deps';
import { pageHead, rowHeightMemory } from '../../utils/page-head';
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
rememberRowHeight(rowHeightMemory()); // Issue 14: main.ts read it with the session, as it opened the db.
const model = createTokensModel(pageTokensDeps(() => void showLock(), pageHead()));
const account = createAccountModel(pageAccountDeps());
const accounts = createAccountsModel(pageAccountsDeps(releaseFrameOrigins, pageHead().local));
const openSettings = (): void => {
  void browser.runtime.openOptionsPage();
  window.close();
};
/** The options page at `hash`: "Add account…" (#add-account), a token's details (#token=…). */
const openOptionsAt = (hash: string): void => {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${hash}`) });
  window.close();
};
let drawn = false;
const draw = (): void => {
  if (drawn) return;
  drawn = true;
  const app = (
    <PopupApp
      {...{ model, account, unlock, accounts, onOpenSettings: openSettings }}
      onOpenDetails={(id) => openOptionsAt(`token=${encodeURIComponent(id)}`)}
      onAddAccount={() => openOptionsAt('add-account')}
    />
  );
  drawFirstScreen((root) => render(app, root), model.state, started); // Over a kept screen; kept for the next.
};
const started = model.start();
void accounts.load();
// Issue 14: the names first ("Loading…" only if they are slow, never over a kept first screen); the sync
// once they are painted; the lock's state and the restriction once it has answered (not alongside).
const slow = keptScreenUp() ? undefined : setTimeout(draw, 100);
const stop = effect(() => {
  if (model.state.value === 'loading') return;
  queueMicrotask(() => stop());
  clearTimeout(slow);
  draw();
});
const afterSync = (): void => {
  void showLock();
  void account.start().catch(() => {});
};
void started.then(afterSync, afterSync);
// A switch of account, a sign-in or out: repaint from that account's store, one repaint at a time.
let repaint = Promise.resolve();
onSessionChange(() => {
  repaint = repaint.then(() => Promise.all([accounts.load(), model.start(), account.start()])).then(() => {});
});
