import { useTranslation } from 'react-i18next';

export type SortOrder = 'asc' | 'desc';

/** A column header that sorts on click; `aria-sort` tells assistive tech the current order. */
export function SortableHeader({
  label,
  column,
  sort,
  order,
  onSort,
}: {
  label: string;
  column: string;
  sort: string | undefined;
  order: SortOrder;
  onSort: (column: string, order: SortOrder) => void;
}) {
  const { t } = useTranslation();
  const active = sort === column;
  const next: SortOrder = active && order === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(column, next)}>
        {label}
        <span aria-hidden="true" className="sort-button__icon">
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        {active ? <span className="visually-hidden">, {t(order === 'asc' ? 'sort.ascending' : 'sort.descending')}</span> : null}
      </button>
    </th>
  );
}
