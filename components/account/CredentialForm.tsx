import { useState } from 'preact/hooks';
import type { ConnectionModel } from '../../utils/account';
import { t, tAround } from '../../utils/lib';

// A command to type, the same in every language: not a message.
const ACCOUNT_COMMAND = 'npm run --silent account -- you@example.org';

interface CredentialFormProps {
  model: ConnectionModel;
}

/** Sign-in by pasting a session credential: for a service without email sign-in, or by choice. */
export function CredentialForm({ model }: CredentialFormProps) {
  const [credential, setCredential] = useState('');
  const busy = model.busy.value;
  const [helpBefore, helpAfter] = tAround('credentialHelp');

  function signIn(event: Event): void {
    event.preventDefault();
    // No await before the call: it asks for the host permission inside the click (Firefox).
    void model.signIn(credential).then((done) => done && setCredential(''));
  }

  return (
    <form class="field" onSubmit={signIn}>
      <label for="credential">{t('credentialLabel')}</label>
      <div class="row">
        <input
          id="credential"
          type="password"
          autocomplete="off"
          value={credential}
          aria-describedby="credential-help"
          onInput={(event) => setCredential(event.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={busy !== null}>
          {busy === 'signing-in' ? t('signingIn') : t('signIn')}
        </button>
      </div>
      <p id="credential-help" class="muted small">
        {helpBefore}
        <code>{ACCOUNT_COMMAND}</code>
        {helpAfter}
      </p>
    </form>
  );
}
