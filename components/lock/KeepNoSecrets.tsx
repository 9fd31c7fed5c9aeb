import { t } from '../../utils/lib';
import type { LockModel, LockSettings } from '../../utils/lock';

interface KeepNoSecretsProps {
  model: LockModel;
  busy: boolean;
  settings: LockSettings;
}

/** "Keep no secrets on this device": copy and fill then fetch the one secret they need. */
export function KeepNoSecrets({ model, busy, settings }: KeepNoSecretsProps) {
  return (
    <label class="row small">
      <input
        type="checkbox"
        checked={settings.keepNoSecrets}
        disabled={busy}
        onChange={(e) =>
          void model.run((c) => c.configure({ ...settings, keepNoSecrets: e.currentTarget.checked }))
        }
      />
      {t('lockKeepNoSecrets')}
    </label>
  );
}
