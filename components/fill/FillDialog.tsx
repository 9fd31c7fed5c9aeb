import { t, tAround } from '../../utils/lib';
import type { FillQuestion } from '../../utils/tokens';
import { visibleName } from '../../utils/tokens';
import { useModalDialog } from '../ui/useModalDialog';

interface FillDialogProps {
  question: FillQuestion;
  onFill(question: FillQuestion): void;
  onClose(): void;
}

/**
 * Asks, in the popup and never in the page, before a token goes to a site it has not been
 * filled into: the page cannot draw over or click this (issue 4, clickjacking).
 */
export function FillDialog({ question, onFill, onClose }: FillDialogProps) {
  const ref = useModalDialog();
  const host = new URL(question.origin).host;
  const [titleBefore, titleAfter] = tAround('fillTitle', host);
  const [textBefore, textAfter] = question.top ? tAround('fillFrameText', question.top) : tAround('fillText');

  return (
    <dialog
      ref={ref}
      aria-labelledby="fill-title"
      aria-describedby="fill-text"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="fill-title">
        {titleBefore}
        <bdi>{visibleName(question.name)}</bdi>
        {titleAfter}
      </h2>
      <p id="fill-text">
        {textBefore}
        <strong>{question.url ?? question.origin}</strong>
        {textAfter}
      </p>
      {question.insecure && <p role="alert">{t('fillInsecure')}</p>}
      <div class="buttons">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" class="primary" onClick={() => onFill(question)}>
          {t('fill')}
        </button>
      </div>
    </dialog>
  );
}
