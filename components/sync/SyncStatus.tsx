import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { relativeTime, t } from '../../utils/lib';

/**
 * How long a sync runs before the line says "Syncing…" with its spinner. Most syncs answer in
 * well under this (a list with nothing changed, 30 to 50 ms): saying so for them is a flicker of
 * the line at every opening, and a spinning frame for the browser to draw while the background
 * waits for the service (issue 14). "Sync now" is disabled from the start either way.
 */
export const SYNCING_SHOWN_AFTER_MS = 400;

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

/** Whether `syncing` has lasted SYNCING_SHOWN_AFTER_MS: a slow sync is said, a quick one is not. */
function useSlowSync(syncing: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!syncing) {
      setSlow(false);
      return;
    }
    const timer = setTimeout(() => setSlow(true), SYNCING_SHOWN_AFTER_MS);
    return () => clearTimeout(timer);
  }, [syncing]);
  return syncing && slow;
}

/** When the list was last brought up to date, what is still waiting, and a way to sync now. */
export function SyncStatus({ pending, onSyncNow, ...signals }: SyncStatusProps) {
  const syncing = signals.syncing.value;
  const slow = useSlowSync(syncing);
  const lastSyncedAt = signals.lastSyncedAt.value;
  const synced =
    lastSyncedAt === null ? t('notSynced') : t('lastSynced', relativeTime(lastSyncedAt, Date.now()));
  const waiting =
    pending === 0 ? '' : ` · ${pending === 1 ? t('revokesWaitingOne') : t('revokesWaitingMany', pending)}`;
  return (
    <div class="row small muted">
      <span class="grow" aria-live="polite">
        {slow ? (
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
