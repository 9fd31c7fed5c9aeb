import { useState } from 'preact/hooks';
import type { Result } from '../../utils/lib';
import { t, tAround } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';
import type { CreateOutcome } from '../../utils/tokens';
import { rotatedName } from '../../utils/tokens';
import { useModalDialog } from '../ui/useModalDialog';

interface RotateDialogProps {
  old: TokenRecord;
  /** The replacement already made (a rotation resumed after the page closed), or null. */
  replacement: TokenRecord | null;
  now: number;
  copiedId: string | null;
  /** Creates the replacement through the engine (never twice) and remembers it on the old token. */
  onCreate(name: string): Promise<CreateOutcome>;
  onCopy(id: string): void;
  /** Given in the popup only. */
  onFill?: (id: string) => void;
  /** Revokes the old token through the usual revoke (outbox, retries). */
  onRevokeOld(): Promise<Result<void>>;
  onKeepBoth(): void;
  onClose(): void;
}

/**
 * Rotate (issue 7): make a replacement, put it to use, and revoke the old one only once the
 * person says the new one works. Closing the page between the steps keeps the replacement noted
 * on the old token, so Rotate on it again resumes at the confirmation.
 */
export function RotateDialog(props: RotateDialogProps) {
  const { old, replacement, copiedId } = props;
  const ref = useModalDialog();
  const [name, setName] = useState(() => rotatedName(old.name, props.now));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = tAround('rotateTitle', old.name);
  const step2 = tAround('rotateStep2', replacement?.name ?? '');

  async function run<T>(step: () => Promise<T>, done: (value: T) => string | null): Promise<void> {
    setBusy(true);
    const value = await step();
    setBusy(false);
    setError(done(value));
  }

  const create = (event: Event): Promise<void> => {
    event.preventDefault();
    return run(
      () => props.onCreate(name),
      (outcome) => (!outcome.ok ? outcome.message : outcome.token ? null : t('replacementPending')),
    );
  };
  const revokeOld = (): Promise<void> =>
    run(props.onRevokeOld, (result) => {
      if (result.ok) props.onClose();
      return result.ok ? null : result.error.message;
    });

  return (
    <dialog
      ref={ref}
      class="rotate"
      aria-labelledby="rotate-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) props.onClose();
      }}
    >
      <h2 id="rotate-title">
        {title[0]}
        <bdi>{old.name}</bdi>
        {title[1]}
      </h2>
      {replacement ? (
        <>
          <p>
            {step2[0]}
            <bdi>{replacement.name}</bdi>
            {step2[1]}
          </p>
          <div class="buttons">
            {props.onFill ? (
              <button type="button" onClick={() => props.onFill?.(replacement.id)}>
                {t('fillNewToken')}
              </button>
            ) : null}
            <button type="button" onClick={() => props.onCopy(replacement.id)}>
              {copiedId === replacement.id ? t('copiedNewToken') : t('copyNewToken')}
            </button>
          </div>
        </>
      ) : (
        <form class="field" onSubmit={create}>
          <p>{t('rotateStep1')}</p>
          <label for="rotate-name">{t('newTokenName')}</label>
          <input
            id="rotate-name"
            type="text"
            value={name}
            autocomplete="off"
            spellcheck={false}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <div class="buttons">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? t('creating') : t('createReplacement')}
            </button>
          </div>
        </form>
      )}
      {error ? (
        <p class="banner error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="buttons">
        {replacement ? (
          <>
            <button type="button" onClick={props.onKeepBoth} disabled={busy}>
              {t('keepBoth')}
            </button>
            <button type="button" class="danger" onClick={revokeOld} disabled={busy}>
              {busy ? t('revoking') : t('revokeOldConfirm')}
            </button>
          </>
        ) : (
          <button type="button" onClick={props.onClose} disabled={busy}>
            {t('cancel')}
          </button>
        )}
      </div>
    </dialog>
  );
}
