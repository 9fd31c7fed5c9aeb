import { CLIPBOARD_CHOICES } from '../utils/clipboard-rule';

interface ClipboardSettingsProps {
  seconds: number;
  onChange(seconds: number): void;
}

const label = (seconds: number): string => {
  if (seconds === 0) return 'Never';
  if (seconds < 60) return `After ${seconds} seconds`;
  return seconds === 60 ? 'After 1 minute' : `After ${seconds / 60} minutes`;
};

/** How long a copied token stays on the clipboard, and what clearing it cannot reach. */
export function ClipboardSettings({ seconds, onChange }: ClipboardSettingsProps) {
  return (
    <section class="card field" aria-labelledby="clipboard-title">
      <h2 id="clipboard-title">Clipboard</h2>
      <label for="clipboard-seconds">Clear a copied token from the clipboard</label>
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
      <p class="muted small">
        Only if the clipboard still holds that token: anything you copied since stays. Your operating system
        or a clipboard manager may keep a history of what you copy; the extension cannot clear copies kept
        there.
      </p>
    </section>
  );
}
