import { useId, useState } from 'preact/hooks';
import { absoluteDate, t } from '../../utils/lib';
import { customReviewBy, isDue, presetReviewBy, REVIEW_PRESETS, reviewDateValue } from '../../utils/review';
import type { TokenRecord } from '../../utils/store';

interface ReviewDateProps {
  token: Pick<TokenRecord, 'id' | 'state' | 'reviewBy'>;
  now: number;
  /** Saves the date (ms, start of that local day), or clears it with null. */
  onSave(reviewBy: number | null): Promise<void>;
}

/** A token's review date (issue 15): what it is, presets, a custom day, and clearing it. */
export function ReviewDate({ token, now, onSave }: ReviewDateProps) {
  const id = useId();
  const [custom, setCustom] = useState(token.reviewBy ? reviewDateValue(token.reviewBy) : '');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const at = token.reviewBy ?? null;

  async function save(reviewBy: number | null): Promise<void> {
    await onSave(reviewBy);
    if (reviewBy !== null) setCustom(reviewDateValue(reviewBy));
    setMessage({ text: t(reviewBy === null ? 'reviewCleared' : 'reviewSaved'), error: false });
  }
  function saveCustom(event: Event): void {
    event.preventDefault();
    const input = customReviewBy(custom, now);
    if (input.ok) void save(input.at);
    else setMessage({ text: input.message, error: true });
  }

  return (
    <fieldset class="review-date">
      <legend>{t('detailReviewBy')}</legend>
      <p class={at !== null && isDue(token, now) ? 'review-due' : 'muted small'}>
        {at === null
          ? t('reviewNone')
          : isDue(token, now)
            ? t('reviewDueSince', absoluteDate(at))
            : t('reviewOnDate', absoluteDate(at))}
      </p>
      <div class="row wrap">
        {REVIEW_PRESETS.map((days) => (
          <button key={days} type="button" onClick={() => void save(presetReviewBy(days, now))}>
            {t('reviewPreset', String(days))}
          </button>
        ))}
      </div>
      <form class="row wrap" onSubmit={saveCustom} noValidate>
        <label for={id}>{t('reviewCustom')}</label>
        <input
          id={id}
          type="date"
          value={custom}
          min={reviewDateValue(presetReviewBy(1, now))}
          aria-invalid={message?.error === true}
          onInput={(event) => {
            setCustom(event.currentTarget.value);
            setMessage(null);
          }}
        />
        <button type="submit">{t('reviewSet')}</button>
        {at !== null ? (
          <button type="button" class="quiet" onClick={() => void save(null)}>
            {t('reviewClear')}
          </button>
        ) : null}
      </form>
      <p class={message?.error ? 'field-error' : 'notice'} role={message?.error ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </p>
    </fieldset>
  );
}
