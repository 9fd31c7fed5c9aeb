import { t, tAround } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';

interface RotateUseStepProps {
  replacement: TokenRecord;
  copiedId: string | null;
  onCopy(id: string): void;
  /** Given in the popup only. */
  onFill?: (id: string) => void;
}

/** Rotate, step 2: put the replacement to use, by filling or copying it. */
export function RotateUseStep({ replacement, copiedId, onCopy, onFill }: RotateUseStepProps) {
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
    </>
  );
}
