// utils/store/: this device's IndexedDB (idb): the schema and its upgrades, and repository
// functions for everything the other features keep (db), every account's local data at once for
// export and import (device-data); the shapes of what is kept (records). Only this folder opens a
// transaction.
export {
  addCreateAttempt,
  addGrant,
  annotateToken,
  applyList,
  applyRevokeOutcomes,
  getAccount,
  getSecret,
  getToken,
  hasGrant,
  hurryRevokes,
  type ListApplied,
  listAllTokens,
  listGrants,
  listTokens,
  listUsage,
  markCopied,
  type PaintedList,
  putSecrets,
  type RevokeOutcome,
  readList,
  readMenuSource,
  recordFill,
  removeGrant,
  requestRevoke,
  setReviewBy,
  setSiteDefault,
  settleCreateAttempt,
  shownList,
  type TokenAnnotation,
} from './db';
export { type DeviceData, mergeDeviceData, readDeviceData } from './device-data';
export { openExisting, readListEarly } from './existing';
export { keptTokenDb } from './kept';
export { HEAD_ROWS } from './layout';
export { openTokenDb } from './open';
export { CLOCK_SKEW_MS, type CreateAttempt, REVOKED_KEEP_MS, type Scope, type TokenRecord } from './records';
export type {
  GrantRecord,
  HeadRecord,
  ListRecord,
  SecretsRecord,
  TokenDatabase,
  TokenRow,
  UsageRecord,
} from './schema';
export { DB_NAME } from './schema';
