// utils/account/: who is signed in where. The session and its storage (session), the options
// page's connection and sign-in (connection-model, connection-deps, email-sign-in: the email
// code steps), the service's host permission
// (permissions), the account's usage and restriction on the pages (model, cache), and the local key
// of an account without `/user/info` (key).
export { loadAccountStatus, saveAccountStatus } from './cache';
export { pageConnectionDeps } from './connection-deps';
export { type ConnectionModel, createConnectionModel } from './connection-model';
export { type AccountDeps, type AccountModel, createAccountModel } from './model';
export {
  clearSession,
  dropClearCredential,
  loadSession,
  loadStoredSession,
  onSessionChange,
  type Session,
  saveSealedSession,
  saveSession,
} from './session';
