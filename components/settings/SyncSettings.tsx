import { t } from '../../utils/lib';
import { SYNC_CHOICES } from '../../utils/settings';
import { type Owner, SettingsOwner } from './SettingsOwner';

interface SyncSettingsProps {
  minutes: number;
  /** The account these are for (issue 15); null: signed out, the starting values of new accounts. */
  owner?: Owner;
  onChange(minutes: number): void;
}

const label = (minutes: number): string =>
  minutes === 60 ? t('syncEveryHour') : t('syncEveryMinutes', minutes);

/** How often the background brings the list up to date and retries waiting revokes. */
export function SyncSettings({ minutes, owner, onChange }: SyncSettingsProps) {
  return (
    <section class="card field" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('syncHeading')}</h2>
      <SettingsOwner owner={owner} />
      <label for="sync-minutes">{t('syncEvery')}</label>
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
      <p class="muted small">{t('syncHelp')}</p>
    </section>
  );
}
