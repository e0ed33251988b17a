import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useTranslation } from 'react-i18next';
import { SortableHeader, type SortOrder } from './sortable-header';

/** Column headers that sort on click; aria-sort says the current order. Click them: the story keeps the state. */
function SortableTable({ initialSort, initialOrder = 'asc' }: { initialSort?: string; initialOrder?: SortOrder }) {
  const { t } = useTranslation('subscriptions');
  const [sort, setSort] = useState(initialSort);
  const [order, setOrder] = useState<SortOrder>(initialOrder);
  const onSort = (column: string, next: SortOrder) => {
    setSort(column);
    setOrder(next);
  };
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('list.label')}</caption>
      <thead>
        <tr>
          <SortableHeader label={t('columns.subscription')} column="domain" sort={sort} order={order} onSort={onSort} />
          <SortableHeader label={t('columns.subscriber')} column="subscriber" sort={sort} order={order} onSort={onSort} />
          <SortableHeader label={t('columns.setupDate')} column="createdAt" sort={sort} order={order} onSort={onSort} />
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>martin-bakery.fr</td>
          <td>Alice Martin</td>
          <td>2025-03-02</td>
        </tr>
      </tbody>
    </table>
  );
}

const meta = {
  title: 'Components/SortableHeader',
  component: SortableTable,
} satisfies Meta<typeof SortableTable>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Unsorted: Story = {};
export const Ascending: Story = { args: { initialSort: 'domain', initialOrder: 'asc' } };
export const Descending: Story = { args: { initialSort: 'createdAt', initialOrder: 'desc' } };
