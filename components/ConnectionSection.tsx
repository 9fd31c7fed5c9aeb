import { useState } from 'preact/hooks';
import type { ConnectionModel } from '../utils/connection-model';

interface ConnectionSectionProps {
  model: ConnectionModel;
}

/** Which service to talk to, and who is signed in there. */
export function ConnectionSection({ model }: ConnectionSectionProps) {
  const [credential, setCredential] = useState('');
  const session = model.session.value;
  const busy = model.busy.value;
  const test = model.test.value;

  async function signIn(event: Event): Promise<void> {
    event.preventDefault();
    if (await model.signIn(credential)) setCredential('');
  }

  return (
    <section class="field card" aria-labelledby="service-title">
      <h2 id="service-title">Service</h2>
      {session ? null : (
        // First run (issue 7): installing opens this page; say the three steps before the fields.
        <ol class="steps small">
          <li>
            Enter the address of your token service and press <strong>Test connection</strong>.
          </li>
          <li>Paste your account’s session credential below.</li>
          <li>
            Press <strong>Sign in</strong>, and allow the extension to reach that address when the browser
            asks.
          </li>
        </ol>
      )}
      <label for="service-url">Service URL</label>
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
          {busy === 'testing' ? 'Testing…' : 'Test connection'}
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
            Signed in as <strong>{session.email || 'this account'}</strong>.
          </p>
          <button type="button" onClick={() => void model.signOut()}>
            Sign out
          </button>
        </div>
      ) : (
        <form class="field" onSubmit={signIn}>
          <label for="credential">Session credential</label>
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
              {busy === 'signing-in' ? 'Signing in…' : 'Sign in'}
            </button>
          </div>
          <p id="credential-help" class="muted small">
            Your account’s session credential, not an API token. With the reference service, get one with{' '}
            <code>npm run --silent account -- you@example.org</code>. The browser will ask to let the
            extension reach this service.
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
