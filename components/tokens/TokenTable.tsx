import { useEffect, useState } from 'preact/hooks';
import { absoluteTime, maskHint, relativeTime, t } from '../../utils/lib';
import type { TokenRecord } from '../../utils/store';
import {
  type CheckOutcome,
  describeLastFill,
  hostOf,
  type TokenUsage,
  visibleName,
} from '../../utils/tokens';
import { TokenActions } from './TokenActions';
import { TokenDetails } from './TokenDetails';
import { UseBadge } from './UseBadge';

interface TokenTableProps {
  tokens: readonly TokenRecord[];
  copiedId: string | null;
  now: number;
  onCopy(id: string): void;
  onRevoke(id: string): void;
  /** Where each token was filled (issue 4), by token id. */
  usage?: ReadonlyMap<string, TokenUsage>;
  onSaveNote(id: string, note: string): Promise<void>;
  /** Sets or clears a token's review date (issue 15). */
  onSaveReview?: (id: string, reviewBy: number | null) => Promise<void>;
  onRotate?: (id: string) => void;
  onCheck?: (id: string) => Promise<CheckOutcome>;
  /** A token whose details open at once (the popup's Details button lands here). */
  openDetails?: string | null;
}

const COLUMNS = 7;

/** The options page's full table, with the columns the original token page had and a little more. */
export function TokenTable({
  tokens,
  copiedId,
  now,
  onCopy,
  onRevoke,
  usage,
  onSaveNote,
  onSaveReview,
  onRotate,
  onCheck,
  openDetails,
}: TokenTableProps) {
  // Issue 7: each row discloses a details row under it.
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(openDetails ? [openDetails] : []));
  useEffect(() => {
    if (openDetails) document.getElementById(`details-${openDetails}`)?.scrollIntoView({ block: 'center' });
  }, [openDetails]);
  const toggle = (id: string): void => {
    const next = new Set(open);
    if (!next.delete(id)) next.add(id);
    setOpen(next);
  };
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
        {tokens.flatMap((token) => [
          <tr key={token.id}>
            <td class="token-name" dir="auto" title={token.name}>
              {visibleName(token.name)}
              <UseBadge token={token} now={now} long />
            </td>
            <td class="mono">{maskHint(token.hint)}</td>
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
              <TokenActions
                token={token}
                copiedId={copiedId}
                onCopy={onCopy}
                onRevoke={onRevoke}
                onDetails={toggle}
                detailsOpen={open.has(token.id)}
              />
            </td>
          </tr>,
          open.has(token.id) ? (
            <tr key={`${token.id}-details`} id={`details-${token.id}`} class="details-row">
              <td colSpan={COLUMNS}>
                <TokenDetails
                  token={token}
                  now={now}
                  usage={usage?.get(token.id)}
                  onSaveNote={(note) => onSaveNote(token.id, note)}
                  onSaveReview={onSaveReview && ((at) => onSaveReview(token.id, at))}
                  onRotate={onRotate && (() => onRotate(token.id))}
                  onCheck={onCheck}
                />
              </td>
            </tr>
          ) : null,
        ])}
      </tbody>
    </table>
  );
}
