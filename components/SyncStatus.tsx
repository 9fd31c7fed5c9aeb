import { relativeTime } from '../utils/format';

interface SyncStatusProps {
  syncing: boolean;
  lastSyncedAt: number | null;
  now: number;
  onRefresh(): void;
}

/** When the list was last brought up to date, and a way to do it now. */
export function SyncStatus({ syncing, lastSyncedAt, now, onRefresh }: SyncStatusProps) {
  return (
    <div class="row small muted">
      <span class="grow" aria-live="polite">
        {syncing ? (
          <>
            <span class="spinner" aria-hidden="true" /> Syncing…
          </>
        ) : lastSyncedAt === null ? (
          'Not synced yet'
        ) : (
          `Synced ${relativeTime(lastSyncedAt, now)}`
        )}
      </span>
      <button type="button" class="quiet" onClick={onRefresh} disabled={syncing}>
        Sync now
      </button>
    </div>
  );
}
