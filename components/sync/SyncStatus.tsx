import { relativeTime, t } from '../../utils/lib';

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
  const synced = lastSyncedAt === null ? t('notSynced') : t('lastSynced', relativeTime(lastSyncedAt, now));
  const waiting =
    pending === 0 ? '' : ` · ${pending === 1 ? t('revokesWaitingOne') : t('revokesWaitingMany', pending)}`;
  return (
    <div class="row small muted">
      <span class="grow" aria-live="polite">
        {syncing ? (
          <>
            <span class="spinner" aria-hidden="true" /> {t('syncing')}
          </>
        ) : (
          `${synced}${waiting}`
        )}
      </span>
      <button type="button" class="quiet" onClick={onSyncNow} disabled={syncing}>
        {t('syncNow')}
      </button>
    </div>
  );
}
