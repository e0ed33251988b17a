import { REQUEST_LIMITS } from '../../domain/limits';
import { useDeferredValue, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PlanKind } from '../../domain/types';
import { ApiError } from '../../api/http';
import { usePlans, useClonePlan, useRemovePlan, type PlanItem } from '../../api/service-plans';
import { announce } from '../../ui/announcer';
import { ConfirmDialog } from '../../ui/dialog';
import { Page } from '../../ui/page';
import { Pagination } from '../../ui/pagination';
import { EmptyState, ErrorState, errorText } from '../../ui/query-state';
import { SortableHeader } from '../../ui/sortable-header';
import { useListParams } from '../../ui/use-list-params';
import { useLang } from '../../ui/use-lang';
import { formatCount } from '../../domain/format';
import { kindOf, PLAN_KINDS } from './plan-kind';
import { BusyButton } from '../../ui/busy-button';
import { ListSkeleton } from '../../ui/list-skeleton';
import { TableRegion } from '../../ui/table-region';

const FILTER_KEYS = ['kind'] as const;
const LIST_DEFAULTS = { sort: 'name' };

/** Service Plans: hosting and add-on plans in two tabs; the selected tab lives in the URL. */
export function ServicePlansPage() {
  const { t } = useTranslation('plans');
  const navigate = useNavigate();
  const params = useListParams(LIST_DEFAULTS, FILTER_KEYS);
  const kind = kindOf(params.filters.kind);

  const onTab = (key: Key) => {
    // Hosting is the default tab, so its URL stays clean; search and paging start over.
    params.update({ kind: key === 'addon' ? 'addon' : undefined, q: undefined });
  };

  return (
    <Page
      title={t('list.title')}
      actions={
        // A button, like Add Customer and Add Subscription (SPEC §5).
        <button type="button" className="button button--primary" onClick={() => void navigate(`/service-plans/new?kind=${kind}`)}>
          {t('list.add')}
        </button>
      }
    >
      <Tabs className="tabs" selectedKey={kind} onSelectionChange={onTab}>
        <TabList aria-label={t('list.kinds')}>
          {PLAN_KINDS.map((k) => (
            <Tab key={k} id={k}>
              {t(`kind.${k}Plural`)}
            </Tab>
          ))}
        </TabList>
        {PLAN_KINDS.map((k) => (
          <TabPanel key={k} id={k}>
            {k === kind ? <PlanTable kind={k} params={params} /> : null}
          </TabPanel>
        ))}
      </Tabs>
    </Page>
  );
}

type ListParams = ReturnType<typeof useListParams>;

function PlanTable({ kind, params }: { kind: PlanKind; params: ListParams }) {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const { q, sort, order, page, pageSize, update } = params;
  const query = usePlans({ kind, q, sort, order, page, pageSize });
  // The rows render in a transition, not in the task the answer arrives in (as the subscriptions list).
  const shown = useDeferredValue(query.data);
  const [search, setSearch] = useState(q);
  const [removing, setRemoving] = useState<PlanItem | null>(null);
  const clone = useClonePlan();
  const remove = useRemovePlan();

  const onClone = (plan: PlanItem) => {
    clone.mutate(
      { id: plan.id },
      {
        onSuccess: (copy) => announce(t('list.cloned', { name: plan.name, copy: copy.name })),
        onError: (error) => announce(t('list.cloneFailed', { name: plan.name, detail: errorText(error) })),
      },
    );
  };

  const onRemove = () => {
    if (!removing) return;
    remove.mutate(
      { id: removing.id, etag: removing.etag },
      {
        onSuccess: () => {
          announce(t('list.removed', { name: removing.name }));
          setRemoving(null);
        },
      },
    );
  };

  // The server refuses a plan in use and says how many subscriptions use it: say it in the
  // interface language, with that count.
  const removeError = (error: Error | null) => {
    if (!(error instanceof ApiError) || error.status !== 409) return error;
    const count = Number((error.problem as { subscriptionCount?: number }).subscriptionCount ?? removing?.subscriptionCount ?? 0);
    return new Error(t('remove.refused', { count, n: formatCount(count, lang) }));
  };

  const tableId = `plans-${kind}`;
  return (
    <>
      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: search.trim() });
        }}
      >
        <label htmlFor={`${tableId}-search`}>{t('actions.search', { ns: 'common' })}</label>
        <input id={`${tableId}-search`} type="search" maxLength={REQUEST_LIMITS.searchText} value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit" className="button">
          {t('actions.search', { ns: 'common' })}
        </button>
      </form>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : shown === undefined ? (
        <ListSkeleton />
      ) : shown.items.length === 0 ? (
        <EmptyState>{q ? t('list.noMatch', { q }) : t(`list.empty.${kind}`)}</EmptyState>
      ) : (
        <>
          <TableRegion label={t(`kind.${kind}Plural`)}>
            <table className="data-table" id={tableId} aria-label={t(`kind.${kind}Plural`)}>
              <thead>
                <tr>
                  <SortableHeader label={t('list.columns.name')} column="name" sort={sort} order={order} onSort={(c, o) => update({ sort: c, order: o })} />
                  <SortableHeader
                    label={t('list.columns.subscriptions')}
                    column="subscriptionCount"
                    sort={sort}
                    order={order}
                    onSort={(c, o) => update({ sort: c, order: o })}
                  />
                  <th scope="col" className="num">
                    {t('syncState.synced', { ns: 'common' })}
                  </th>
                  <th scope="col" className="num">
                    {t('syncState.unsynced', { ns: 'common' })}
                  </th>
                  <th scope="col" className="num">
                    {t('syncState.locked', { ns: 'common' })}
                  </th>
                  <th scope="col">{t('list.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.items.map((plan) => {
                  const nameId = `${tableId}-${plan.id}-name`;
                  const counts = plan.counts ?? { synced: 0, unsynced: 0, locked: 0 };
                  return (
                    <tr key={plan.id}>
                      <th scope="row" id={nameId}>
                        <Link to={`/service-plans/${encodeURIComponent(plan.id)}`}>{plan.name}</Link>
                      </th>
                      <td className="num">{formatCount(plan.subscriptionCount, lang)}</td>
                      <td className="num">{formatCount(counts.synced, lang)}</td>
                      <td className="num">
                        {counts.unsynced > 0 ? (
                          <Link
                            to={`/subscriptions?planId=${encodeURIComponent(plan.id)}&sync=unsynced`}
                            aria-label={t('list.unsyncedLink', { count: counts.unsynced })}
                            aria-describedby={nameId}
                          >
                            {formatCount(counts.unsynced, lang)}
                          </Link>
                        ) : (
                          formatCount(counts.unsynced, lang)
                        )}
                      </td>
                      <td className="num">{formatCount(counts.locked, lang)}</td>
                      <td>
                        <div className="page__actions">
                          <BusyButton className="button" aria-describedby={nameId} busy={clone.isPending} onClick={() => onClone(plan)}>
                            {t('list.clone')}
                          </BusyButton>
                          <button
                            type="button"
                            className="button"
                            aria-describedby={nameId}
                            onClick={() => {
                              remove.reset();
                              setRemoving(plan);
                            }}
                          >
                            {t('actions.remove', { ns: 'common' })}
                          </button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
          <Pagination
            page={page}
            pageSize={pageSize}
            total={shown.total}
            onPageChange={(p) => update({ page: p }, false)}
            onPageSizeChange={(size) => update({ pageSize: size })}
          />
        </>
      )}
      <ConfirmDialog
        title={t('remove.title')}
        isOpen={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        onConfirm={onRemove}
        confirmLabel={t('actions.remove', { ns: 'common' })}
        isPending={remove.isPending}
        error={removeError(remove.error)}
        destructive
      >
        {removing ? (
          <>
            <p>{t('remove.body', { name: removing.name })}</p>
            {removing.subscriptionCount > 0 ? <p>{t('remove.inUse', { count: removing.subscriptionCount })}</p> : null}
          </>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
