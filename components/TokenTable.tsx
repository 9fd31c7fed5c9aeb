import { absoluteTime, maskSecret, relativeTime } from '../utils/format';
import { visibleName } from '../utils/names';
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
      <caption class="visually-hidden">API tokens</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Token</th>
          <th scope="col">Created</th>
          <th scope="col">Uploads</th>
          <th scope="col">Last copied</th>
          <th scope="col">Filled</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <td class="token-name" dir="auto" title={token.name}>
              {visibleName(token.name)}
            </td>
            <td class="mono">{maskSecret(token.secret)}</td>
            <td>
              <time dateTime={token.created} title={relativeTime(token.createdMs, now)}>
                {absoluteTime(token.createdMs)}
              </time>
            </td>
            <td>{token.hasUploads ? 'Used for uploads' : 'None yet'}</td>
            <td>{token.lastCopiedAt === null ? 'Never' : relativeTime(token.lastCopiedAt, now)}</td>
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
