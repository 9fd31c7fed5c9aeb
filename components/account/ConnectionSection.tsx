import { useState } from 'preact/hooks';
import type { ConnectionModel } from '../../utils/account';
import { t, tAround } from '../../utils/lib';

// A command to type, the same in every language: not a message.
const ACCOUNT_COMMAND = 'npm run --silent account -- you@example.org';

interface ConnectionSectionProps {
  model: ConnectionModel;
}

/** Which service to talk to, and who is signed in there. */
export function ConnectionSection({ model }: ConnectionSectionProps) {
  const [credential, setCredential] = useState('');
  const session = model.session.value;
  const busy = model.busy.value;
  const test = model.test.value;
  const [signedInBefore, signedInAfter] = tAround('signedInAs');
  const [helpBefore, helpAfter] = tAround('credentialHelp');

  async function signIn(event: Event): Promise<void> {
    event.preventDefault();
    if (await model.signIn(credential)) setCredential('');
  }

  return (
    <section class="field card" aria-labelledby="service-title">
      <h2 id="service-title">{t('serviceHeading')}</h2>
      {session ? null : (
        // First run (issue 7): installing opens this page; say the three steps before the fields.
        <ol class="steps small">
          <li>{t('firstRunStep1')}</li>
          <li>{t('firstRunStep2')}</li>
          <li>{t('firstRunStep3')}</li>
        </ol>
      )}
      <label for="service-url">{t('serviceUrlLabel')}</label>
      <div class="row">
        <input
          id="service-url"
          type="url"
          value={model.serviceUrl.value}
          disabled={session !== null}
          onInput={(event) => {
            model.serviceUrl.value = event.currentTarget.value;
            model.test.value = null;
          }}
        />
        <button type="button" onClick={() => void model.testConnection()} disabled={busy !== null}>
          {busy === 'testing' ? t('testingConnection') : t('testConnection')}
        </button>
      </div>
      {test ? (
        <p class={test.ok ? 'banner ok' : 'banner error'} role={test.ok ? 'status' : 'alert'}>
          {test.message}
        </p>
      ) : null}
      {session ? (
        <div class="row">
          <p class="grow">
            {signedInBefore}
            <strong>{session.email || t('thisAccount')}</strong>
            {signedInAfter}
          </p>
          <button type="button" onClick={() => void model.signOut()}>
            {t('signOut')}
          </button>
        </div>
      ) : (
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
          {model.signInError.value ? (
            <p class="field-error" role="alert">
              {model.signInError.value}
            </p>
          ) : null}
        </form>
      )}
    </section>
  );
}
