// utils/account/: who is signed in where. The signed-in accounts and their storage (session,
// sessions: the list, the active one, the move from one session), the options page's connection
// and sign-in (connection-model, connection-deps, email-sign-in: the email code steps), the
// header's account switcher (accounts-model, accounts-deps), the service's host permission (permissions), the
// account's usage and restriction on the pages (model, cache), the options page's settings of the
// shown account (settings-model), and the local key of an account without `/user/info` (key).

export { pageAccountsDeps } from './accounts-deps';
export { type AccountEntry, type AccountsModel, createAccountsModel } from './accounts-model';
export { loadAccountStatus, saveAccountStatus } from './cache';
export { pageConnectionDeps } from './connection-deps';
export { type ConnectionModel, createConnectionModel } from './connection-model';
export { type AccountDeps, type AccountModel, createAccountModel } from './model';
export {
  cachedLoadSession,
  clearSession,
  dropClearCredential,
  endSession,
  listSessions,
  listShownAccounts,
  loadSession,
  loadShownAccount,
  loadStoredSession,
  loadStoredSessions,
  onSessionChange,
  type Session,
  saveSealedSession,
  saveSession,
  sessionEnded,
  shownScope,
  switchSession,
} from './session';
export {
  accountKey,
  accountLabel,
  SESSION_V1_KEY,
  SESSIONS_KEY,
  type StoredSession,
  shownAccountOf,
  shownAccountsOf,
  storedSessionsOf,
} from './sessions';
export { createSettingsModel, type SettingsModel } from './settings-model';
