import { absoluteTime, relativeTime, t } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';
import { visibleName } from '../../utils/tokens';

interface RevokedSectionProps {
  tokens: readonly TokenRecord[];
  now: number;
}

/** Tokens that no longer work, kept for 30 days so a revoke elsewhere never goes unnoticed. */
export function RevokedSection({ tokens, now }: RevokedSectionProps) {
  if (tokens.length === 0) return null;
  return (
    <details class="revoked">
      <summary>{t('revokedSummary', tokens.length)}</summary>
      <ul class="token-list" aria-label={t('revokedTokens')}>
        {tokens.map((token) => (
          <li key={token.id}>
            <div class="token-main">
              <div class="token-name" dir="auto" title={token.name}>
                {visibleName(token.name)}
              </div>
              <div class="token-meta">
                <span>{token.revokedHere ? t('revokedHere') : t('revokedElsewhere')}</span>
                {token.revokedAt === null ? null : (
                  <time
                    dateTime={new Date(token.revokedAt).toISOString()}
                    title={absoluteTime(token.revokedAt)}
                  >
                    {relativeTime(token.revokedAt, now)}
                  </time>
                )}
              </div>
            </div>
          </li>
        ))}
      </ul>
      <p class="muted small">{t('revokedKept')}</p>
    </details>
  );
}
