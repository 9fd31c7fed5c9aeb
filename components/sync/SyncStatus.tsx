import type { ReadonlySignal } from '@preact/signals';
import { relativeTime, t } from '../../utils/lib';

interface SyncStatusProps {
  /**
   * Signals, read here only: a sync's start and end repaint this line, not the list and the forms
   * around it (issue 14: the popup's work while the background syncs, and a Fill clicked then).
   */
  syncing: ReadonlySignal<boolean>;
  lastSyncedAt: ReadonlySignal<number | null>;
  /** Revokes waiting in the outbox. */
  pending: number;
  onSyncNow(): void;
}

/** When the list was last brought up to date, what is still waiting, and a way to sync now. */
export function SyncStatus({ pending, onSyncNow, ...signals }: SyncStatusProps) {
  const syncing = signals.syncing.value;
  const lastSyncedAt = signals.lastSyncedAt.value;
  const synced =
    lastSyncedAt === null ? t('notSynced') : t('lastSynced', relativeTime(lastSyncedAt, Date.now()));
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
