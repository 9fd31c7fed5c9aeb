import { useId, useState } from 'preact/hooks';
import { absoluteTime, relativeTime, t } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';
import { type CheckOutcome, hostOf, type TokenUsage } from '../../utils/tokens';
import { CheckToken } from './CheckToken';
import { ReviewDate } from './ReviewDate';

interface TokenDetailsProps {
  token: TokenRecord;
  now: number;
  /** Where the token was filled (options page); the popup knows the time only. */
  usage?: TokenUsage;
  onSaveNote(note: string): Promise<void>;
  /** Sets or clears the review date (issue 15); absent where it is not offered. */
  onSaveReview?: (reviewBy: number | null) => Promise<void>;
  /** Absent where rotating is not offered. */
  onRotate?: () => void;
  /** Check token (issue 13): the service's verdict on this token, in words. */
  onCheck?: (id: string) => Promise<CheckOutcome>;
}

function when(ms: number | null | undefined, now: number): string {
  return ms == null ? t('never') : `${relativeTime(ms, now)} (${absoluteTime(ms)})`;
}

/** Everything this device and the service know of one token, a note, and the way to rotate it. */
export function TokenDetails(props: TokenDetailsProps) {
  const { token, now, usage, onSaveNote, onSaveReview, onRotate, onCheck } = props;
  const id = useId();
  const [note, setNote] = useState(token.note ?? '');
  const [saved, setSaved] = useState(false);
  const lastFill = usage?.lastFill;
  const filled = lastFill
    ? t('filledOn', when(lastFill.at, now), hostOf(lastFill.origin))
    : when(token.lastFilledAt, now);

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    await onSaveNote(note.trim());
    setSaved(true);
  }

  return (
    <div class="token-details">
      <dl>
        <dt>{t('detailCreated')}</dt>
        <dd>
          <time dateTime={token.created}>{when(token.createdMs, now)}</time>
        </dd>
        <dt>{t('detailUploads')}</dt>
        <dd>{token.hasUploads ? t('yes') : t('noUploadsYet')}</dd>
        <dt>{t('detailLastCopied')}</dt>
        <dd>{when(token.lastCopiedAt, now)}</dd>
        <dt>{t('detailLastFilled')}</dt>
        <dd>{filled}</dd>
      </dl>
      {token.state === 'active' && onCheck ? (
        <CheckToken tokenId={token.id} onCheck={onCheck} label={t('checkToken')} />
      ) : null}
      <form class="field" onSubmit={save}>
        <label for={id}>{t('noteLabel')}</label>
        <textarea
          id={id}
          rows={2}
          maxLength={500}
          value={note}
          onInput={(event) => {
            setNote(event.currentTarget.value);
            setSaved(false);
          }}
        />
        <div class="row">
          <button type="submit">{t('saveNote')}</button>
          <span class="muted small" aria-live="polite">
            {saved ? t('noteSaved') : ''}
          </span>
        </div>
      </form>
      {token.state === 'active' && onSaveReview ? (
        <ReviewDate token={token} now={now} onSave={onSaveReview} />
      ) : null}
      {token.state === 'active' && onRotate ? (
        <p class="row">
          <span class="grow muted small">{token.rotatedTo ? t('rotationPending') : t('rotateHint')}</span>
          <button type="button" onClick={onRotate}>
            {token.rotatedTo ? t('continueRotation') : t('rotate')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
