import { type MessageKey, t } from '../lib';
import type { ImportCounts } from './merge';

const PARTS: ReadonlyArray<[keyof ImportCounts, MessageKey, MessageKey]> = [
  ['notes', 'importNotesOne', 'importNotesMany'],
  ['reviews', 'importReviewsOne', 'importReviewsMany'],
  ['grants', 'importGrantsOne', 'importGrantsMany'],
  ['usage', 'importUsageOne', 'importUsageMany'],
  ['revoked', 'importRevokedOne', 'importRevokedMany'],
];

const counted = (n: number, one: MessageKey, many: MessageKey): string =>
  n === 1 ? t(one) : t(many, String(n));

/**
 * The import's one sentence: "Imported notes for 3 tokens, 2 site grants; skipped 1 token this
 * device doesn't know." Only what was added is named; nothing added says so.
 */
export function describeImport(counts: ImportCounts, settings: boolean): string {
  const parts = PARTS.filter(([kind]) => counts[kind] > 0).map(([kind, one, many]) =>
    counted(counts[kind], one, many),
  );
  if (settings) parts.push(t('importSettings'));
  const skipped =
    counts.skipped > 0 ? counted(counts.skipped, 'importSkippedOne', 'importSkippedMany') : null;
  if (parts.length === 0) return skipped ? t('importOnlySkipped', skipped) : t('importNothingNew');
  const list = parts.join(', ');
  return skipped ? t('importSummarySkipped', list, skipped) : t('importSummary', list);
}
