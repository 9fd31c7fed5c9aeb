import { CLIPBOARD_CHOICES } from '../../utils/clipboard';
import { t } from '../../utils/lib';
import { type Owner, SettingsOwner } from './SettingsOwner';

interface ClipboardSettingsProps {
  seconds: number;
  /** The account these are for (issue 15); null: signed out, the starting values of new accounts. */
  owner?: Owner;
  onChange(seconds: number): void;
}

const label = (seconds: number): string => {
  if (seconds === 0) return t('clipboardNever');
  if (seconds < 60) return t('clipboardAfterSeconds', seconds);
  return seconds === 60 ? t('clipboardAfterMinute') : t('clipboardAfterMinutes', seconds / 60);
};

/** How long a copied token stays on the clipboard, and what clearing it cannot reach. */
export function ClipboardSettings({ seconds, owner, onChange }: ClipboardSettingsProps) {
  return (
    <section class="card field" aria-labelledby="clipboard-title">
      <h2 id="clipboard-title">{t('clipboardHeading')}</h2>
      <SettingsOwner owner={owner} />
      <label for="clipboard-seconds">{t('clipboardClearAfter')}</label>
      <select
        id="clipboard-seconds"
        value={String(seconds)}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
      >
        {CLIPBOARD_CHOICES.map((choice) => (
          <option key={choice} value={String(choice)}>
            {label(choice)}
          </option>
        ))}
      </select>
      <p class="muted small">{t('clipboardHelp')}</p>
    </section>
  );
}
