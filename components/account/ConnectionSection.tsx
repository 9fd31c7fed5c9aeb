import type { AccountsModel, ConnectionModel } from '../../utils/account';
import { t, tAround } from '../../utils/lib';
import { CredentialForm } from './CredentialForm';
import { EmailCodeForm } from './EmailCodeForm';

interface ConnectionSectionProps {
  model: ConnectionModel;
  /** Every signed-in account (issue 15): switch, sign out, add one more. */
  accounts?: AccountsModel;
}

/** Which service to talk to, and who is signed in there. */
export function ConnectionSection({ model, accounts }: ConnectionSectionProps) {
  const adding = model.adding.value;
  // Adding an account shows the sign-in form as if signed out; Cancel returns.
  const session = adding ? null : model.session.value;
  const busy = model.busy.value;
  const test = model.test.value;
  const [signedInBefore, signedInAfter] = tAround('signedInAs');

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
        <>
          <div class="row">
            <p class="grow">
              {signedInBefore}
              <strong>{session.email || t('thisAccount')}</strong>
              {signedInAfter}
            </p>
            <button type="button" onClick={() => void model.signOut()} disabled={busy !== null}>
              {busy === 'signing-out' ? t('signingOut') : t('signOut')}
            </button>
          </div>
          {accounts ? <AccountList model={accounts} /> : null}
          <button type="button" onClick={() => (model.adding.value = true)}>
            {t('addAccount')}
          </button>
        </>
      ) : (
        <>
          <SignInForms model={model} />
          {adding ? (
            <button type="button" onClick={() => (model.adding.value = false)}>
              {t('cancelAddAccount')}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Email and code, or a pasted credential when the service has no email sign-in. */
function SignInForms({ model }: ConnectionSectionProps) {
  const error = model.signInError.value;
  const noEmail = model.noEmailSignIn.value;
  return (
    <div class="field">
      {model.signOutNotice.value ? (
        <p class="banner" role="status">
          {model.signOutNotice.value}
        </p>
      ) : null}
      {model.insecure.value ? (
        <p class="banner error" role="alert">
          {t('insecureService')}
        </p>
      ) : null}
      {noEmail ? (
        <>
          <p role="status">{t('noEmailSignIn')}</p>
          <CredentialForm model={model} />
        </>
      ) : (
        <>
          <EmailCodeForm model={model} />
          <details>
            <summary>{t('useCredential')}</summary>
            <CredentialForm model={model} />
          </details>
        </>
      )}
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The other signed-in accounts, each with Switch and Sign out (the shown one is signed out above). */
function AccountList({ model }: { model: AccountsModel }) {
  const others = model.accounts.value.filter((a) => !a.active);
  if (others.length === 0) return null;
  return (
    <div class="field">
      <h3 class="small">{t('accountsHeading')}</h3>
      <ul class="plain">
        {others.map((a) => (
          <li key={a.key} class="row">
            <span class="grow">
              <strong>{a.name}</strong> <span class="muted small">{a.host}</span>
            </span>
            <button type="button" onClick={() => void model.switchTo(a.key)}>
              {t('switchAccount')}
            </button>
            <button
              type="button"
              aria-label={t('signOutOf', a.name)}
              disabled={model.busy.value}
              onClick={() => void model.signOut(a.key)}
            >
              {t('signOut')}
            </button>
          </li>
        ))}
      </ul>
      {model.notice.value ? (
        <p class="banner" role="status">
          {model.notice.value}
        </p>
      ) : null}
    </div>
  );
}
