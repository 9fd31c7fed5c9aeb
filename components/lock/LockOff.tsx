import { t } from '../../utils/lib';
import type { LockModel } from '../../utils/lock';
import { PassphraseForm } from './PassphraseForm';

interface LockOffProps {
  model: LockModel;
  busy: boolean;
}

/** The lock section while the lock is off: what it does, and a new passphrase to turn it on. */
export function LockOff({ model, busy }: LockOffProps) {
  return (
    <>
      <p class="muted small">{t('lockIntro')}</p>
      <PassphraseForm
        id="lock-on"
        label={t('lockNewPassphrase')}
        submit={t('lockTurnOn')}
        busy={busy}
        onSubmit={(passphrase) => void model.run((c) => c.enable(passphrase), t('lockTurnedOn'))}
      />
    </>
  );
}
