import { t } from '../../utils/lib';
import { SORT_LABELS, type SortKey } from '../../utils/tokens';

interface SearchBarProps {
  query: string;
  sort: SortKey;
  onQuery(query: string): void;
  onSort(sort: SortKey): void;
}

export function SearchBar({ query, sort, onQuery, onSort }: SearchBarProps) {
  return (
    <div class="row">
      <input
        type="search"
        class="grow"
        aria-label={t('searchTokens')}
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(event) => onQuery(event.currentTarget.value)}
      />
      <select
        aria-label={t('sortTokens')}
        value={sort}
        onChange={(event) => onSort(event.currentTarget.value as SortKey)}
      >
        {(Object.keys(SORT_LABELS) as SortKey[]).map((key) => (
          <option key={key} value={key}>
            {t(SORT_LABELS[key])}
          </option>
        ))}
      </select>
    </div>
  );
}
