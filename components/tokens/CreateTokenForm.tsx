import type { Ref } from 'preact';
import { useId, useState } from 'preact/hooks';
import { t } from '../../utils/lib';
import type { CreateOutcome } from '../../utils/tokens';
import { checkName, countCharacters, MAX_NAME_LENGTH } from '../../utils/tokens';

interface CreateTokenFormProps {
  existingNames: readonly string[];
  onCreate(name: string): Promise<CreateOutcome>;
  inputRef?: Ref<HTMLInputElement>;
  /** Why creating is off (an account restriction, issue 7), or null. */
  restriction?: string | null;
  /**
   * Why creating is off for now (the service is read-only, shut down, or asked for a wait: issue
   * 18), or null. The name can still be typed, and is kept, for when it is back.
   */
  blocked?: string | null;
  /** The typed name, when the page keeps it (over a sign-in again); kept here otherwise. */
  draft?: { value: string; set(name: string): void };
}

/** Name and create. A rejected name keeps what was typed and says why next to the field. */
export function CreateTokenForm(props: CreateTokenFormProps) {
  const { existingNames, onCreate, inputRef, restriction, blocked, draft } = props;
  const id = useId();
  const [local, setLocal] = useState('');
  const name = draft ? draft.value : local;
  const setName = draft ? draft.set : setLocal;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = checkName(name, existingNames);
  const duplicate = check.ok && check.duplicate;

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (busy || restriction || blocked) return;
    setBusy(true);
    const outcome = await onCreate(name);
    setBusy(false);
    if (outcome.ok) {
      setName('');
      setError(null);
    } else {
      setError(outcome.message);
    }
  }

  const messageId = `${id}-message`;
  return (
    <form class="field" onSubmit={submit} noValidate>
      <label for={id}>{t('tokenNameLabel')}</label>
      <div class="row">
        <input
          id={id}
          ref={inputRef}
          type="text"
          value={name}
          placeholder={t('tokenNamePlaceholder')}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error || duplicate || restriction || blocked ? messageId : undefined}
          disabled={Boolean(restriction)}
          onInput={(event) => {
            setName(event.currentTarget.value);
            setError(null);
          }}
        />
        <button
          type="submit"
          class="primary"
          disabled={busy || Boolean(restriction || blocked)}
          aria-describedby={blocked ? messageId : undefined}
        >
          {busy ? t('creating') : t('createToken')}
        </button>
      </div>
      {restriction ? (
        <p id={messageId} class="banner error">
          {restriction}
        </p>
      ) : blocked ? (
        <p id={messageId} class="banner warning">
          {blocked}
        </p>
      ) : error ? (
        <p id={messageId} class="field-error" role="alert">
          {error}
        </p>
      ) : duplicate ? (
        <p id={messageId} class="field-warning">
          {t('duplicateName')}
        </p>
      ) : name.length > MAX_NAME_LENGTH - 20 ? (
        <p class="muted small">{t('characterCount', countCharacters(name.trim()), MAX_NAME_LENGTH)}</p>
      ) : null}
    </form>
  );
}
