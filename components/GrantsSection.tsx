import type { GrantRecord } from '../utils/db';
import { t } from '../utils/i18n';

interface GrantsSectionProps {
  grants: readonly GrantRecord[];
  /** Token names by id; a grant of a token no longer listed shows its id. */
  names: ReadonlyMap<string, string>;
  onRemove(grant: GrantRecord): void;
}

/** The sites each token may be filled into without asking again (issue 4), each removable. */
export function GrantsSection({ grants, names, onRemove }: GrantsSectionProps) {
  return (
    <section class="card" aria-labelledby="grants-title">
      <h2 id="grants-title">{t('grantsHeading')}</h2>
      {grants.length === 0 ? (
        <p>{t('grantsNone')}</p>
      ) : (
        <ul class="grants">
          {grants.map((grant) => {
            const name = names.get(grant.tokenId) ?? grant.tokenId;
            return (
              <li key={`${grant.tokenId} ${grant.origin}`}>
                <bdi>{name}</bdi> → <span class="mono">{grant.origin}</span>{' '}
                <button
                  type="button"
                  class="quiet"
                  aria-label={t('removeGrantLabel', name, grant.origin)}
                  onClick={() => onRemove(grant)}
                >
                  {t('remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
