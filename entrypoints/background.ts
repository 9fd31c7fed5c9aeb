import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  backgroundEngineDeps,
  backgroundSync,
  RETRY_ALARM,
  SYNC_ALARM,
  scheduleSync,
} from '../utils/background-sync';
import { createEngine } from '../utils/engine';
import { backgroundFillDeps, fillToken } from '../utils/fill';
import { handleMessage, isExtensionPage } from '../utils/messages';
import { onSettingsChange } from '../utils/settings';

export default defineBackground(() => {
  const engine = createEngine(backgroundEngineDeps());
  const fillDeps = backgroundFillDeps();
  const fill = (id: string, confirmed?: string) => fillToken(fillDeps, id, confirmed);
  // Pages ask the engine to sync, create and revoke, and the popup to fill; nobody else may.
  browser.runtime.onMessage.addListener((message, sender) =>
    isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))
      ? handleMessage(engine, message, fill)
      : undefined,
  );
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: the options page is where a person connects to their service and signs in.
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  // After a browser restart, pending revokes go out without waiting for the next period.
  browser.runtime.onStartup.addListener(() => void backgroundSync(engine));
  browser.alarms.onAlarm.addListener(({ name }) => {
    if (name === SYNC_ALARM || name === RETRY_ALARM) void backgroundSync(engine);
  });
  onSettingsChange(() => void scheduleSync());
  void scheduleSync();
});
