import { t } from '../../utils/lib';

interface RotateNameStepProps {
  name: string;
  busy: boolean;
  /** Why the replacement cannot be made now (the service's state, issue 18), or null. */
  blocked?: string | null;
  onName(name: string): void;
  onSubmit(event: Event): void;
}

/** Rotate, step 1: the replacement's name, and the button that creates it. */
export function RotateNameStep({ name, busy, blocked, onName, onSubmit }: RotateNameStepProps) {
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
      {blocked ? (
        <p id="rotate-blocked" class="banner warning">
          {blocked}
        </p>
      ) : null}
      <div class="buttons">
        <button
          type="submit"
          class="primary"
          disabled={busy || Boolean(blocked)}
          aria-describedby={blocked ? 'rotate-blocked' : undefined}
        >
          {busy ? t('creating') : t('createReplacement')}
        </button>
      </div>
    </form>
  );
}
