import type { Result } from '../../utils/lib';
import { t, tAround } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';
import type { CheckOutcome, CreateOutcome } from '../../utils/tokens';
import { useModalDialog } from '../ui/useModalDialog';
import { RotateNameStep } from './RotateNameStep';
import { RotateUseStep } from './RotateUseStep';
import { useRotateSteps } from './useRotateSteps';

interface RotateDialogProps {
  old: TokenRecord;
  /** The replacement already made (a rotation resumed after the page closed), or null. */
  replacement: TokenRecord | null;
  now: number;
  copiedId: string | null;
  /** Why the replacement cannot be made now (the service's state, issue 18), or null. */
  blocked?: string | null;
  /** Creates the replacement through the engine (never twice) and remembers it on the old token. */
  onCreate(name: string): Promise<CreateOutcome>;
  onCopy(id: string): void;
  /** Given in the popup only. */
  onFill?: (id: string) => void;
  /** Check token on the replacement (issue 13). */
  onCheck?: (id: string) => Promise<CheckOutcome>;
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
  const { old, replacement } = props;
  const ref = useModalDialog();
  const steps = useRotateSteps({ ...props, oldName: old.name });
  const { busy, error } = steps;
  const title = tAround('rotateTitle', old.name);

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
        <RotateUseStep
          replacement={replacement}
          copiedId={props.copiedId}
          onCopy={props.onCopy}
          onFill={props.onFill}
          onCheck={props.onCheck}
        />
      ) : (
        <RotateNameStep
          name={steps.name}
          busy={busy}
          blocked={props.blocked}
          onName={steps.setName}
          onSubmit={steps.create}
        />
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
            <button type="button" class="danger" onClick={steps.revokeOld} disabled={busy}>
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
