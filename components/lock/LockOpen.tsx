import { useState } from 'preact/hooks';
import { t } from '../../utils/lib';
import { IDLE_CHOICES, type LockModel, type LockSettings } from '../../utils/lock';
import { PassphraseForm } from './PassphraseForm';

interface LockOpenProps {
  model: LockModel;
  busy: boolean;
  settings: LockSettings;
}

/**
 * The lock section while unlocked: lock now, the idle time, and, with the current passphrase
 * (someone at an unlocked browser must not undo the lock), turning it off or a new passphrase.
 */
export function LockOpen({ model, busy, settings }: LockOpenProps) {
  const [current, setCurrent] = useState('');
  // The current passphrase goes to the background once and leaves the field whatever the answer.
  const withCurrent = (call: (passphrase: string) => void): boolean => {
    if (current === '') {
      model.error.value = t('errCurrentPassphrase');
      return false;
    }
    call(current);
    setCurrent('');
    return true;
  };
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
      <label for="lock-current">{t('lockCurrentPassphrase')}</label>
      <div class="row">
        <input
          id="lock-current"
          type="password"
          autoComplete="current-password"
          value={current}
          onInput={(e) => setCurrent(e.currentTarget.value)}
        />
        <button
          type="button"
          class="quiet"
          disabled={busy}
          onClick={() => void withCurrent((p) => void model.run((c) => c.disable(p), t('lockTurnedOff')))}
        >
          {t('lockTurnOff')}
        </button>
      </div>
      <PassphraseForm
        id="lock-change"
        label={t('lockChangePassphrase')}
        submit={t('lockChangePassphrase')}
        busy={busy}
        onSubmit={(next) => withCurrent((p) => void model.run((c) => c.change(p, next), t('lockChanged')))}
      />
    </>
  );
}
