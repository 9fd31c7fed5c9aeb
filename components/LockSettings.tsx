import type { LockModel } from '../utils/lock-model';
import type { LockClient } from '../utils/messages';
import { IDLE_CHOICES } from '../utils/vault-store';
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
      <h2 id="lock-title">Lock</h2>
      {!status.enabled ? (
        <>
          <p class="muted small">
            With a passphrase, your tokens and your sign-in are stored encrypted on this device. The lock
            closes after the idle time you choose and when the browser restarts; locked, you see token names
            only.
          </p>
          <PassphraseForm
            id="lock-on"
            label="New passphrase"
            submit="Turn on the lock"
            busy={busy}
            onSubmit={(passphrase) =>
              void model.run((c) => c.admin({ type: 'vault/enable', passphrase }), 'The lock is on.')
            }
          />
        </>
      ) : !status.unlocked ? (
        <>
          <UnlockForm unlock={unlock} onUnlocked={() => void model.refresh()} />
          <details>
            <summary>Forgot passphrase?</summary>
            <p class="muted small">
              The passphrase cannot be recovered. Starting over erases the encrypted tokens and signs you out;
              names, history and waiting revokes stay. Sign in again and the tokens come back from the
              service.
            </p>
            <PassphraseForm
              id="lock-forget"
              label="New passphrase"
              submit="Erase and start over"
              busy={busy}
              onSubmit={(passphrase) =>
                void model.run(
                  (c) => c.admin({ type: 'vault/forget', passphrase }),
                  'Erased. Sign in again to get your tokens back.',
                )
              }
            />
          </details>
        </>
      ) : (
        <>
          <p class="muted small">The lock is on and open.</p>
          <div class="row">
            <button
              type="button"
              disabled={busy}
              onClick={() => void model.run((c) => c.admin({ type: 'vault/lock' }), 'Locked.')}
            >
              Lock now
            </button>
            <button
              type="button"
              class="quiet"
              disabled={busy}
              onClick={() => void model.run((c) => c.admin({ type: 'vault/disable' }), 'The lock is off.')}
            >
              Turn off the lock
            </button>
          </div>
          <label for="lock-idle">Lock after this long unused</label>
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
                {minutes === 1 ? '1 minute' : minutes < 60 ? `${minutes} minutes` : `${minutes / 60} hours`}
              </option>
            ))}
          </select>
          <PassphraseForm
            id="lock-change"
            label="Change passphrase"
            submit="Change passphrase"
            busy={busy}
            onSubmit={(passphrase) =>
              void model.run((c) => c.admin({ type: 'vault/change', passphrase }), 'Passphrase changed.')
            }
          />
        </>
      )}
      <label class="row">
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
        Keep no secrets on this device (copy and fill fetch them from the service)
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
