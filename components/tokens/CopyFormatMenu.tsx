import { t } from '../../utils/lib';
import { type CopyFormat, isCopyFormat } from '../../utils/tokens';

// Here, not in utils/tokens/copy-format.ts: the popup reads the format but never shows this menu.
const COPY_FORMATS: ReadonlyArray<{ value: CopyFormat; label: string }> = [
  { value: 'raw', label: '' },
  { value: 'env', label: 'WEB3_STORAGE_TOKEN=…' },
  { value: 'header', label: 'Authorization: Bearer …' },
];

interface CopyFormatMenuProps {
  format: CopyFormat;
  onChange(format: CopyFormat): void;
}

/** How Copy writes a token: one remembered choice for every Copy button (a native select: keyboard and screen readers for free). */
export function CopyFormatMenu({ format, onChange }: CopyFormatMenuProps) {
  return (
    <label class="copy-format small">
      {t('copyAs')}{' '}
      <select
        value={format}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isCopyFormat(value)) onChange(value);
        }}
      >
        {COPY_FORMATS.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label || t('copyFormatRaw')}
          </option>
        ))}
      </select>
    </label>
  );
}
