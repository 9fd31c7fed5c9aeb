import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listSessions, loadSession, onSessionChange, shownScope } from '../utils/account';
import { watchAttention } from '../utils/badge';
import { backgroundClipboardGuard, CLIPBOARD_ALARM } from '../utils/clipboard';
import {
  backgroundFillDeps,
  createFiller,
  createFillMenu,
  FILL_COMMAND,
  isMoreTokens,
  tokenOfMenuItem,
  withMenuAfterFills,
} from '../utils/fill';
import { backgroundLocker, IDLE_ALARM, scheduleIdleCheck } from '../utils/lock';
import { handleMessage, isExtensionPage, isPersonAction } from '../utils/messages';
import {
  backgroundEngineDeps,
  backgroundSync,
  createEngine,
  followSyncSchedule,
  periodicSync,
  RETRY_ALARM,
  SYNC_ALARM,
} from '../utils/sync';

export default defineBackground(() => {
  const engineDeps = backgroundEngineDeps();
  const locker = backgroundLocker(engineDeps, () => engine);
  // The badge and the context menu follow what the engine wrote, from the tokens it holds.
  const engine = createEngine({
    ...engineDeps,
    secretPolicy: locker.vault.policy,
    changed: (scope, tokens) => {
      void menu.refresh(tokens ?? undefined, scope);
      void badge.tokensChanged(scope, tokens);
    },
  });
  const fillDeps = backgroundFillDeps(locker.reveal, engineDeps.openDb);
  const menu = createFillMenu(fillDeps);
  const filler = withMenuAfterFills(createFiller(fillDeps), menu);
  const clipboard = backgroundClipboardGuard(shownScope);
  const isLocked = (): Promise<boolean> => locker.vault.status().then((s) => s.enabled && !s.unlocked);
  const badge = watchAttention({ listSessions, loadSession, openDb: engineDeps.openDb, isLocked });
  // Pages ask the engine to sync, create and revoke, the popup to fill, and report copies; nobody else may.
  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
    // Only a person's actions keep the lock open, never a page's automatic sync or retry.
    if (isPersonAction(message)) void locker.vault.touch();
    return handleMessage(engine, message, filler, clipboard, locker);
  });
  // The other two triggers of a fill (issue 4): the context menu on a field, and the shortcut.
  browser.contextMenus.onClicked.addListener(({ menuItemId }) => {
    const entry = tokenOfMenuItem(menuItemId);
    if (entry !== null) void filler.fillFromPage(entry.id, entry.scope);
    else if (isMoreTokens(menuItemId)) void fillDeps.openPopup();
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === FILL_COMMAND) void filler.fillSiteDefault();
  });
  // A yes to a cross-origin frame asked the browser for its origin, which may close the popup.
  browser.permissions.onAdded.addListener(({ origins }) => void filler.granted(origins ?? []));
  onSessionChange(() => void menu.refresh());
  void menu.refresh();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: the options page is where a person connects to their service and signs in.
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  // After a browser restart, pending revokes go out without waiting for the next period.
  browser.runtime.onStartup.addListener(() => void backgroundSync(engine));
  browser.alarms.onAlarm.addListener(({ name }) => {
    if (name === SYNC_ALARM) void periodicSync(engine);
    if (name === RETRY_ALARM) void backgroundSync(engine);
    if (name === CLIPBOARD_ALARM) void clipboard.fire();
    if (name === IDLE_ALARM) void locker.vault.lockIfIdle();
  });
  followSyncSchedule();
  void scheduleIdleCheck();
});
