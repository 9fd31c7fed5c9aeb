import { useState } from 'preact/hooks';
import { t } from '../../utils/lib';
import type { GrantRecord } from '../../utils/store';

interface GrantsSectionProps {
  grants: readonly GrantRecord[];
  /** Token names by id; a grant of a token no longer listed shows its id. */
  names: ReadonlyMap<string, string>;
  onRemove(grant: GrantRecord): void;
  /** Chooses the token the shortcut fills on `origin`; null: the one last filled there. */
  onDefault(origin: string, tokenId: string | null): Promise<void>;
}

/**
 * The sites each token may be filled into without asking again (issue 4), each removable, and
 * per site the token the shortcut fills there.
 */
export function GrantsSection({ grants, names, onRemove, onDefault }: GrantsSectionProps) {
  const bySite = new Map<string, GrantRecord[]>();
  for (const grant of grants) bySite.set(grant.origin, [...(bySite.get(grant.origin) ?? []), grant]);
  const nameOf = (grant: GrantRecord): string => names.get(grant.tokenId) ?? grant.tokenId;
  // The site whose default was last written: told so, since a choice in a list saves itself.
  const [saved, setSaved] = useState<string | null>(null);
  const choose = (origin: string, tokenId: string | null): void => {
    setSaved(null);
    void onDefault(origin, tokenId).then(() => setSaved(origin));
  };

  return (
    <section class="card" aria-labelledby="grants-title">
      <h2 id="grants-title">{t('grantsHeading')}</h2>
      {grants.length === 0 ? (
        <p>{t('grantsNone')}</p>
      ) : (
        <>
          <p class="muted small">{t('grantsShortcutHint')}</p>
          <ul class="grants">
            {[...bySite].map(([origin, granted]) => (
              <li key={origin}>
                <span class="mono">{origin}</span>{' '}
                <label>
                  {t('defaultTokenLabel')}{' '}
                  <select
                    aria-label={t('defaultTokenAria', origin)}
                    value={granted.find((g) => g.siteDefault)?.tokenId ?? ''}
                    onChange={(event) => choose(origin, event.currentTarget.value || null)}
                  >
                    <option value="">{t('defaultTokenLastFilled')}</option>
                    {granted.map((grant) => (
                      <option key={grant.tokenId} value={grant.tokenId}>
                        {nameOf(grant)}
                      </option>
                    ))}
                  </select>
                </label>{' '}
                <span class="muted small" aria-live="polite">
                  {saved === origin ? t('defaultTokenSaved') : ''}
                </span>
                <ul>
                  {granted.map((grant) => (
                    <li key={grant.tokenId}>
                      <bdi>{nameOf(grant)}</bdi>{' '}
                      <button
                        type="button"
                        class="quiet"
                        aria-label={t('removeGrantLabel', nameOf(grant), origin)}
                        onClick={() => onRemove(grant)}
                      >
                        {t('remove')}
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
