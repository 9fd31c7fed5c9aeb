// utils/sync/: keeping this device in step with the service. The engine every page and the
// background call through messages (engine), one sync and its plan (sync, reconcile), creates that
// are never made twice (create-token), the background's rounds and retries (background), the
// periodic alarm at the smallest account's interval and which accounts are due (schedule), waiting
// revokes' backoff (backoff), the service's standing state kept over restarts: rate-limit waits
// and read-only (quiet), the broadcast of changes to open pages (channel), and the lock that lets
// one engine call run at a time in the background (with-lock).
export { backgroundEngineDeps, backgroundSync, periodicSync, RETRY_ALARM } from './background';
export { retryDelay } from './backoff';
export { announceChange, onAnyChange, onChange } from './channel';
export { type CreateReply, createEngine, type Engine, type EngineDeps, type EngineReply } from './engine';
export { createQuiet, HOLDS_KEY, type HoldStore, holdOf, memoryHolds, type ServiceHold } from './quiet';
export { planSync, revoked } from './reconcile';
export { followSyncSchedule, isDue, SYNC_ALARM, scheduleSync, syncPeriod } from './schedule';
export { SYNC_LOCK, type SyncReport, type SyncResult } from './sync';
export { withLock } from './with-lock';
