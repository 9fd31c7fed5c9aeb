import { useId } from 'preact/hooks';
import { t } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';
import { visibleName } from '../../utils/tokens';

interface ReviewNoticeProps {
  /** The tokens due for review, longest overdue first (utils/review's dueForReview). */
  tokens: readonly Pick<TokenRecord, 'id' | 'name'>[];
  /** Opens a token's details, where a new date is set (on the options page from the popup). */
  onOpen?: (id: string) => void;
}

/** A calm notice naming the tokens whose review date has come (issue 15); nothing when none has. */
export function ReviewNotice({ tokens, onOpen }: ReviewNoticeProps) {
  const id = useId();
  if (tokens.length === 0) return null;
  return (
    <section class="review-notice" aria-labelledby={id}>
      <h2 id={id}>{t('reviewNoticeTitle')}</h2>
      <p class="muted small">{t('reviewNoticeHint')}</p>
      <ul>
        {tokens.map((token) => {
          const name = visibleName(token.name);
          return (
            <li key={token.id}>
              <span dir="auto" title={token.name}>
                {name}
              </span>
              {onOpen ? (
                <button
                  type="button"
                  class="quiet"
                  aria-label={t('reviewOpenLabel', name)}
                  onClick={() => onOpen(token.id)}
                >
                  {t('reviewOpen')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
