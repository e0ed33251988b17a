import { useTranslation } from 'react-i18next';
import { PAGE_SIZES } from '../domain/limits';
import { BusyButton } from './busy-button';

export function Pagination({
  page,
  pageSize,
  total,
  onPageChange,
  onPageSizeChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (size: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pagination" aria-label={t('paging.label')}>
      <span className="pagination__total">{t('paging.total', { count: total })}</span>
      <BusyButton className="button" onClick={() => onPageChange(page - 1)} disabled={page <= 1}>
        {t('paging.previous')}
      </BusyButton>
      <span aria-live="off">{t('paging.pageOf', { page, pages })}</span>
      <BusyButton className="button" onClick={() => onPageChange(page + 1)} disabled={page >= pages}>
        {t('paging.next')}
      </BusyButton>
      {onPageSizeChange ? (
        <label className="pagination__size">
          {t('paging.pageSize')}
          <select value={pageSize} onChange={(e) => onPageSizeChange(Number(e.target.value))}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </nav>
  );
}
