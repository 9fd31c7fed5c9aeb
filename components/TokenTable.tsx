import { absoluteTime, maskSecret, relativeTime } from '../utils/format';
import { t } from '../utils/i18n';
import type { TokenRecord } from '../utils/reconcile';
import { describeLastFill, hostOf, type TokenUsage } from '../utils/usage';
import { TokenActions } from './TokenActions';

interface TokenTableProps {
  tokens: readonly TokenRecord[];
  copiedId: string | null;
  now: number;
  onCopy(id: string): void;
  onRevoke(id: string): void;
  /** Where each token was filled (issue 4), by token id. */
  usage?: ReadonlyMap<string, TokenUsage>;
}

/** The options page's full table, with the columns the original token page had and a little more. */
export function TokenTable({ tokens, copiedId, now, onCopy, onRevoke, usage }: TokenTableProps) {
  return (
    <table>
      <caption class="visually-hidden">{t('apiTokens')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colName')}</th>
          <th scope="col">{t('colToken')}</th>
          <th scope="col">{t('colCreated')}</th>
          <th scope="col">{t('colUploads')}</th>
          <th scope="col">{t('colLastCopied')}</th>
          <th scope="col">{t('colFilled')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('colActions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <td class="token-name" dir="auto" title={token.name}>
              {token.name}
            </td>
            <td class="mono">{maskSecret(token.secret)}</td>
            <td>
              <time dateTime={token.created} title={relativeTime(token.createdMs, now)}>
                {absoluteTime(token.createdMs)}
              </time>
            </td>
            <td>{token.hasUploads ? t('usedForUploads') : t('noneYet')}</td>
            <td>{token.lastCopiedAt === null ? t('never') : relativeTime(token.lastCopiedAt, now)}</td>
            <td title={usage?.get(token.id)?.origins.map(hostOf).join(', ')}>
              {describeLastFill(usage?.get(token.id), now)}
            </td>
            <td>
              <TokenActions token={token} copiedId={copiedId} onCopy={onCopy} onRevoke={onRevoke} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
