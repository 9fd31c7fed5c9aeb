import { t } from '../../utils/lib';
import type { LockModel } from '../../utils/lock';
import type { LockClient } from '../../utils/messages';
import { KeepNoSecrets } from './KeepNoSecrets';
import { LockedForms } from './LockedForms';
import { LockOff } from './LockOff';
import { LockOpen } from './LockOpen';

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
        <LockOff model={model} busy={busy} />
      ) : !status.unlocked ? (
        <LockedForms model={model} busy={busy} unlock={unlock} />
      ) : (
        <LockOpen model={model} busy={busy} settings={settings} />
      )}
      <KeepNoSecrets model={model} busy={busy} settings={settings} />
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
