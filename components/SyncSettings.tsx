import { SYNC_CHOICES } from '../utils/settings';

interface SyncSettingsProps {
  minutes: number;
  onChange(minutes: number): void;
}

const label = (minutes: number): string => (minutes === 60 ? 'hour' : `${minutes} minutes`);

/** How often the background brings the list up to date and retries waiting revokes. */
export function SyncSettings({ minutes, onChange }: SyncSettingsProps) {
  return (
    <section class="card field" aria-labelledby="sync-title">
      <h2 id="sync-title">Sync</h2>
      <label for="sync-minutes">Sync in the background every</label>
      <select
        id="sync-minutes"
        value={String(minutes)}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
      >
        {SYNC_CHOICES.map((choice) => (
          <option key={choice} value={String(choice)}>
            {label(choice)}
          </option>
        ))}
      </select>
      <p class="muted small">
        The lists also sync each time you open them and after every change. While the service cannot be
        reached, revokes wait here, marked “Revoke pending”, and are sent again on their own, even after the
        browser restarts.
      </p>
    </section>
  );
}
