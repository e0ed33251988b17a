import type { Meta, StoryObj } from '@storybook/react-vite';
import { useTranslation } from 'react-i18next';
import { TableRegion } from './table-region';

/**
 * A wide table scrolls inside its own named, focusable region (Tab to it, then the arrow keys),
 * never the page. See it at the phone width.
 */
function WideTable() {
  const { t } = useTranslation('subscriptions');
  const columns = ['subscription', 'subscriber', 'plan', 'syncState', 'status', 'setupDate'] as const;
  return (
    <TableRegion label={t('list.label')}>
      <table className="data-table">
        <caption className="visually-hidden">{t('list.label')}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>martin-bakery.fr</td>
            <td>Alice Martin</td>
            <td>Business</td>
            <td>{t('syncState.synced', { ns: 'common' })}</td>
            <td>{t('status.active', { ns: 'common' })}</td>
            <td>2025-03-02</td>
          </tr>
        </tbody>
      </table>
    </TableRegion>
  );
}

const meta = {
  title: 'Components/TableRegion',
  component: WideTable,
} satisfies Meta<typeof WideTable>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Wide: Story = {};
export const Phone: Story = { name: 'Phone (scrolls inside)', globals: { viewport: { value: 'phone', isRotated: false } }, tags: ['narrow'] };
