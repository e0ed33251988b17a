import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSubscriptions } from '../../api/subscriptions';
import { Pagination } from '../../ui/pagination';
import { EmptyState, ErrorState, LoadingState } from '../../ui/query-state';
import { SortableHeader } from '../../ui/sortable-header';
import { SyncStateBadge } from '../../ui/sync-state-badge';
import { SubscriptionStatus } from '../../ui/subscription-status';
import { useListParams } from '../../ui/use-list-params';
import { TableRegion } from '../../ui/table-region';

const DEFAULTS = { sort: 'domain' } as const;

/**
 * The customer's subscriptions (GET /subscriptions?customerId=…). Rendered here with src/ui
 * pieces rather than borrowed from the subscriptions feature: features do not import each other.
 */
export function CustomerSubscriptions({ customerId, customerName }: { customerId: string; customerName: string }) {
  const { t } = useTranslation('customers');
  const navigate = useNavigate();
  const list = useListParams(DEFAULTS);
  const subscriptions = useSubscriptions({ customerId, sort: list.sort, order: list.order, page: list.page, pageSize: list.pageSize });
  const data = subscriptions.data;

  return (
    <section className="card" aria-labelledby="customer-subscriptions-heading">
      <div className="page__header">
        <h2 id="customer-subscriptions-heading">{t('subscriptions.heading')}</h2>
        <button type="button" className="button button--primary" onClick={() => void navigate(`/subscriptions/new?ownerId=${encodeURIComponent(customerId)}`)}>
          {t('actions.addSubscription')}
        </button>
      </div>
      {subscriptions.isPending ? (
        <LoadingState />
      ) : subscriptions.isError && !data ? (
        <ErrorState error={subscriptions.error} onRetry={() => void subscriptions.refetch()} />
      ) : data && data.total === 0 ? (
        <EmptyState>{t('subscriptions.empty')}</EmptyState>
      ) : data ? (
        <>
          <TableRegion label={t('subscriptions.tableLabel', { name: customerName })}>
            <table className="data-table" aria-label={t('subscriptions.tableLabel', { name: customerName })} aria-busy={subscriptions.isFetching}>
              <thead>
                <tr>
                  <SortableHeader
                    label={t('subscriptions.domain')}
                    column="domain"
                    sort={list.sort}
                    order={list.order}
                    onSort={(sort, order) => list.update({ sort, order })}
                  />
                  <th scope="col">{t('subscriptions.plan')}</th>
                  <th scope="col">{t('subscriptions.syncState')}</th>
                  <th scope="col">{t('subscriptions.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/subscriptions/${encodeURIComponent(s.id)}`}>{s.domain}</Link>
                    </td>
                    <td>{s.planName ?? t('subscriptions.noPlan')}</td>
                    <td>
                      <SyncStateBadge state={s.syncState} />
                    </td>
                    <td>
                      <SubscriptionStatus status={s.status} suspendedBy={s.suspendedBy} overused={s.overused} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          {data.total > data.pageSize ? (
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPageChange={(page) => list.update({ page }, false)} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
