import { t, tAround } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';
import type { CheckOutcome } from '../../utils/tokens';
import { CheckToken } from './CheckToken';

interface RotateUseStepProps {
  replacement: TokenRecord;
  copiedId: string | null;
  onCopy(id: string): void;
  /** Given in the popup only. */
  onFill?: (id: string) => void;
  /** Check token on the replacement: "check that it works" before revoking the old one. */
  onCheck?: (id: string) => Promise<CheckOutcome>;
}

/** Rotate, step 2: put the replacement to use, by filling or copying it, and check that it works. */
export function RotateUseStep({ replacement, copiedId, onCopy, onFill, onCheck }: RotateUseStepProps) {
  const step2 = tAround('rotateStep2', replacement.name);
  return (
    <>
      <p>
        {step2[0]}
        <bdi>{replacement.name}</bdi>
        {step2[1]}
      </p>
      <div class="buttons">
        {onFill ? (
          <button type="button" onClick={() => onFill(replacement.id)}>
            {t('fillNewToken')}
          </button>
        ) : null}
        <button type="button" onClick={() => onCopy(replacement.id)}>
          {copiedId === replacement.id ? t('copiedNewToken') : t('copyNewToken')}
        </button>
      </div>
      {onCheck ? <CheckToken tokenId={replacement.id} onCheck={onCheck} label={t('checkNewToken')} /> : null}
    </>
  );
}
