import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { backgroundSync, RETRY_ALARM, SYNC_ALARM, scheduleSync } from '../utils/background-sync';
import { onSettingsChange } from '../utils/settings';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: the options page is where a person connects to their service and signs in.
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  // After a browser restart, pending revokes go out without waiting for the next period.
  browser.runtime.onStartup.addListener(() => void backgroundSync());
  browser.alarms.onAlarm.addListener(({ name }) => {
    if (name === SYNC_ALARM || name === RETRY_ALARM) void backgroundSync();
  });
  onSettingsChange(() => void scheduleSync());
  void scheduleSync();
});
