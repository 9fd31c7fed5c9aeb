import { t } from '../../utils/lib';
import { IDLE_CHOICES, type LockModel, type LockSettings } from '../../utils/lock';
import { PassphraseForm } from './PassphraseForm';

interface LockOpenProps {
  model: LockModel;
  busy: boolean;
  settings: LockSettings;
}

/** The lock section while unlocked: lock now, turn off, the idle time, a new passphrase. */
export function LockOpen({ model, busy, settings }: LockOpenProps) {
  return (
    <>
      <p class="muted small">{t('lockOpen')}</p>
      <div class="row">
        <button
          type="button"
          disabled={busy}
          onClick={() => void model.run((c) => c.lock(), t('lockLocked'))}
        >
          {t('lockNow')}
        </button>
        <button
          type="button"
          class="quiet"
          disabled={busy}
          onClick={() => void model.run((c) => c.disable(), t('lockTurnedOff'))}
        >
          {t('lockTurnOff')}
        </button>
      </div>
      <label for="lock-idle">{t('lockIdleLabel')}</label>
      <select
        id="lock-idle"
        value={String(settings.idleMinutes)}
        onChange={(e) =>
          void model.run((c) => c.configure({ ...settings, idleMinutes: Number(e.currentTarget.value) }))
        }
      >
        {IDLE_CHOICES.map((minutes) => (
          <option key={minutes} value={String(minutes)}>
            {minutes < 60 ? t('lockIdleMinutes', minutes) : t('lockIdleHours', minutes / 60)}
          </option>
        ))}
      </select>
      <PassphraseForm
        id="lock-change"
        label={t('lockChangePassphrase')}
        submit={t('lockChangePassphrase')}
        busy={busy}
        onSubmit={(passphrase) => void model.run((c) => c.change(passphrase), t('lockChanged'))}
      />
    </>
  );
}
