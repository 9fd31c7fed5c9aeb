import { t } from '../../utils/lib/i18n';
import type { LockModel } from '../../utils/lock/model';
import { IDLE_CHOICES } from '../../utils/lock/vault-store';
import type { LockClient } from '../../utils/messages';
import { PassphraseForm } from './PassphraseForm';
import { UnlockForm } from './UnlockForm';

interface LockSettingsProps {
  model: LockModel;
  unlock: LockClient['unlock'];
}

/** The options page's "Lock" section (issue 5): passphrase, idle time, and keeping no secrets. */
export function LockSettings({ model, unlock }: LockSettingsProps) {
  const status = model.status.value;
  if (!status) return null;
  const { settings } = status;
  const busy = model.busy.value;
  return (
    <section class="card field" aria-labelledby="lock-title">
      <h2 id="lock-title">{t('lockTitle')}</h2>
      {!status.enabled ? (
        <>
          <p class="muted small">{t('lockIntro')}</p>
          <PassphraseForm
            id="lock-on"
            label={t('lockNewPassphrase')}
            submit={t('lockTurnOn')}
            busy={busy}
            onSubmit={(passphrase) =>
              void model.run((c) => c.admin({ type: 'vault/enable', passphrase }), t('lockTurnedOn'))
            }
          />
        </>
      ) : !status.unlocked ? (
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
              onSubmit={(passphrase) =>
                void model.run((c) => c.admin({ type: 'vault/forget', passphrase }), t('lockStartedOver'))
              }
            />
          </details>
        </>
      ) : (
        <>
          <p class="muted small">{t('lockOpen')}</p>
          <div class="row">
            <button
              type="button"
              disabled={busy}
              onClick={() => void model.run((c) => c.admin({ type: 'vault/lock' }), t('lockLocked'))}
            >
              {t('lockNow')}
            </button>
            <button
              type="button"
              class="quiet"
              disabled={busy}
              onClick={() => void model.run((c) => c.admin({ type: 'vault/disable' }), t('lockTurnedOff'))}
            >
              {t('lockTurnOff')}
            </button>
          </div>
          <label for="lock-idle">{t('lockIdleLabel')}</label>
          <select
            id="lock-idle"
            value={String(settings.idleMinutes)}
            onChange={(e) =>
              void model.run((c) =>
                c.admin({
                  type: 'vault/configure',
                  settings: { ...settings, idleMinutes: Number(e.currentTarget.value) },
                }),
              )
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
            onSubmit={(passphrase) =>
              void model.run((c) => c.admin({ type: 'vault/change', passphrase }), t('lockChanged'))
            }
          />
        </>
      )}
      <label class="row small">
        <input
          type="checkbox"
          checked={settings.keepNoSecrets}
          disabled={busy}
          onChange={(e) =>
            void model.run((c) =>
              c.admin({
                type: 'vault/configure',
                settings: { ...settings, keepNoSecrets: e.currentTarget.checked },
              }),
            )
          }
        />
        {t('lockKeepNoSecrets')}
      </label>
      {model.error.value ? (
        <p role="alert" class="field-error">
          {model.error.value}
        </p>
      ) : null}
      {model.notice.value ? (
        <p role="status" class="notice">
          {model.notice.value}
        </p>
      ) : null}
    </section>
  );
}
