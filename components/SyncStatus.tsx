import { relativeTime } from '../utils/format';

interface SyncStatusProps {
  syncing: boolean;
  lastSyncedAt: number | null;
  /** Revokes waiting in the outbox. */
  pending: number;
  now: number;
  onSyncNow(): void;
}

/** When the list was last brought up to date, what is still waiting, and a way to sync now. */
export function SyncStatus({ syncing, lastSyncedAt, pending, now, onSyncNow }: SyncStatusProps) {
  const waiting =
    pending === 0 ? '' : ` · ${pending} revoke${pending === 1 ? '' : 's'} waiting for the service`;
  return (
    <div class="row small muted">
      <span class="grow" aria-live="polite">
        {syncing ? (
          <>
            <span class="spinner" aria-hidden="true" /> Syncing…
          </>
        ) : (
          `${lastSyncedAt === null ? 'Not synced yet' : `Last synced ${relativeTime(lastSyncedAt, now)}`}${waiting}`
        )}
      </span>
      <button type="button" class="quiet" onClick={onSyncNow} disabled={syncing}>
        Sync now
      </button>
    </div>
  );
}
