import { useState } from 'preact/hooks';
import { t } from '../../utils/lib';
import { checkPassphrase } from '../../utils/lock';

interface PassphraseFormProps {
  /** Prefix of the fields' ids, one per form on the page. */
  id: string;
  label: string;
  submit: string;
  busy: boolean;
  /** False: refused before it was sent, so the typed passphrase stays. */
  onSubmit(passphrase: string): boolean | undefined;
}

/** A new passphrase, typed twice. */
export function PassphraseForm({ id, label, submit, busy, onSubmit }: PassphraseFormProps) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="field"
      onSubmit={(event) => {
        event.preventDefault();
        const refused = checkPassphrase(passphrase, confirm);
        setError(refused);
        if (refused) return;
        if (onSubmit(passphrase) === false) return;
        setPassphrase('');
        setConfirm('');
      }}
    >
      <label for={`${id}-new`}>{label}</label>
      <input
        id={`${id}-new`}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        onInput={(e) => setPassphrase(e.currentTarget.value)}
      />
      <label for={`${id}-confirm`}>{t('lockConfirmPassphrase')}</label>
      <div class="row">
        <input
          id={`${id}-confirm`}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onInput={(e) => setConfirm(e.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={busy}>
          {submit}
        </button>
      </div>
      {error ? (
        <p role="alert" class="field-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
