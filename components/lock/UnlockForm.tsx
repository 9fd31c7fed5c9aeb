import { useState } from 'preact/hooks';
import { t } from '../../utils/lib';
import type { VaultReply } from '../../utils/lock';

interface UnlockFormProps {
  unlock(passphrase: string): Promise<VaultReply>;
  onUnlocked(): void;
}

/** Locked: the passphrase, and why the last try failed (with the wait, if any). */
export function UnlockForm({ unlock, onUnlocked }: UnlockFormProps) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="banner"
      onSubmit={async (event) => {
        event.preventDefault();
        setPassphrase('');
        const reply = await unlock(passphrase).catch(() => null);
        if (reply?.ok) onUnlocked();
        else setError(reply?.message ?? t('errLockNoAnswer'));
      }}
    >
      <label for="unlock-passphrase">{t('unlockLabel')}</label>
      <div class="row">
        <input
          id="unlock-passphrase"
          type="password"
          value={passphrase}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={!passphrase}>
          {t('unlockButton')}
        </button>
      </div>
      {error ? (
        <p role="alert" class="field-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
