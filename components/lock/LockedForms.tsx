import { t } from '../../utils/lib';
import type { LockModel } from '../../utils/lock';
import type { LockClient } from '../../utils/messages';
import { PassphraseForm } from './PassphraseForm';
import { UnlockForm } from './UnlockForm';

interface LockedFormsProps {
  model: LockModel;
  busy: boolean;
  unlock: LockClient['unlock'];
}

/** The lock section while locked: unlock, or forget the passphrase and start over. */
export function LockedForms({ model, busy, unlock }: LockedFormsProps) {
  return (
    <>
      <UnlockForm unlock={unlock} onUnlocked={() => void model.refresh()} />
      <details>
        <summary>{t('lockForgot')}</summary>
        <p class="muted small">{t('lockForgotHelp')}</p>
        <PassphraseForm
          id="lock-forget"
          label={t('lockNewPassphrase')}
          submit={t('lockStartOver')}
          busy={busy}
          onSubmit={(passphrase) => void model.run((c) => c.forget(passphrase), t('lockStartedOver'))}
        />
      </details>
    </>
  );
}
