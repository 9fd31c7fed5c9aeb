import { useState } from 'preact/hooks';
import type { ConnectionModel } from '../../utils/account';
import { t, tAround } from '../../utils/lib';

interface EmailCodeFormProps {
  model: ConnectionModel;
}

/** Email, "Send code", then the code from the mail (api-contract.md, "Sign-in routes"). */
export function EmailCodeForm({ model }: EmailCodeFormProps) {
  const [code, setCode] = useState('');
  const busy = model.busy.value;
  const sentTo = model.codeSentTo.value;
  const [sentBefore, sentAfter] = tAround('codeSentTo');

  function send(event: Event): void {
    event.preventDefault();
    // No await before the call: it asks for the host permission inside the click (Firefox).
    // The typed code goes only once a new one is on its way.
    void model.sendCode().then(() => model.signInError.value === null && setCode(''));
  }

  function verify(event: Event): void {
    event.preventDefault();
    void model.verifyCode(code).then((done) => done && setCode(''));
  }

  if (sentTo === null) {
    return (
      <form class="field" onSubmit={send}>
        <label for="sign-in-email">{t('emailLabel')}</label>
        <div class="row">
          <input
            id="sign-in-email"
            type="email"
            autocomplete="email"
            value={model.email.value}
            onInput={(event) => {
              model.email.value = event.currentTarget.value;
            }}
          />
          <button type="submit" class="primary" disabled={busy !== null}>
            {busy === 'sending' ? t('sendingCode') : t('sendCode')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <form class="field" onSubmit={verify}>
      <p role="status">
        {sentBefore}
        <strong>{sentTo}</strong>
        {sentAfter}
      </p>
      <label for="sign-in-code">{t('codeLabel')}</label>
      <div class="row">
        <input
          id="sign-in-code"
          type="text"
          inputMode="numeric"
          autocomplete="one-time-code"
          spellcheck={false}
          value={code}
          onInput={(event) => setCode(event.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={busy !== null}>
          {busy === 'verifying' || busy === 'signing-in' ? t('signingIn') : t('signIn')}
        </button>
      </div>
      <div class="row small">
        <button type="button" class="quiet" onClick={send} disabled={busy !== null}>
          {t('sendNewCode')}
        </button>
        <button type="button" class="quiet" onClick={() => model.changeEmail()} disabled={busy !== null}>
          {t('changeEmail')}
        </button>
      </div>
    </form>
  );
}
