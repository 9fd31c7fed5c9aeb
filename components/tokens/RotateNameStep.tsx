import { t } from '../../utils/lib';

interface RotateNameStepProps {
  name: string;
  busy: boolean;
  onName(name: string): void;
  onSubmit(event: Event): void;
}

/** Rotate, step 1: the replacement's name, and the button that creates it. */
export function RotateNameStep({ name, busy, onName, onSubmit }: RotateNameStepProps) {
  return (
    <form class="field" onSubmit={onSubmit}>
      <p>{t('rotateStep1')}</p>
      <label for="rotate-name">{t('newTokenName')}</label>
      <input
        id="rotate-name"
        type="text"
        value={name}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => onName(event.currentTarget.value)}
      />
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('creating') : t('createReplacement')}
        </button>
      </div>
    </form>
  );
}
