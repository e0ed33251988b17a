import { REQUEST_LIMITS } from '../../domain/limits';
import { useDeferredValue, useEffect, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCustomerBulk, useCustomers, type CustomerBulkAction, type CustomerItem } from '../../api/customers';
import { formatCount, formatDate } from '../../domain/format';
import { announce } from '../../ui/announcer';
import { ConfirmDialog } from '../../ui/dialog';
import { Page } from '../../ui/page';
import { Pagination } from '../../ui/pagination';
import { EmptyState, ErrorState, errorText } from '../../ui/query-state';
import { SortableHeader } from '../../ui/sortable-header';
import { StatusBadge } from '../../ui/sync-state-badge';
import { useLang } from '../../ui/use-lang';
import { useListParams } from '../../ui/use-list-params';
import { BusyButton } from '../../ui/busy-button';
import { ListSkeleton } from '../../ui/list-skeleton';
import { TableRegion } from '../../ui/table-region';

const FILTERS = ['status'] as const;
const DEFAULTS = { sort: 'contactName' } as const;

/** Customers (SPEC §5): search, status filter, sorting and paging live in the URL. */
export function CustomersPage() {
  const { t } = useTranslation('customers');
  const lang = useLang();
  const navigate = useNavigate();
  const list = useListParams(DEFAULTS, FILTERS);
  const status = list.filters.status;
  const query = { q: list.q, status, sort: list.sort, order: list.order, page: list.page, pageSize: list.pageSize };
  const customers = useCustomers(query);
  const bulk = useCustomerBulk();
  // id → contact name, so results can name each customer even after it left the page.
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const [confirmRemove, setConfirmRemove] = useState<{ ids: string[]; names: string[]; subscriptions: number } | null>(null);
  const selectionHintId = useId();

  // The rows render in a transition, not in the task the answer arrives in (as the subscriptions list).
  const data = useDeferredValue(customers.data);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const { update } = list;
  // After a removal the last page can vanish: go to the new last page rather than show nothing.
  useEffect(() => {
    if (data && data.total > 0 && data.items.length === 0 && list.page > pages) update({ page: pages });
  }, [data, list.page, pages, update]);

  const items = data?.items ?? [];
  const allOnPageSelected = items.length > 0 && items.every((c) => selected.has(c.id));

  function toggle(customer: CustomerItem, on: boolean) {
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(customer.id, customer.contactName);
      else next.delete(customer.id);
      return next;
    });
  }

  function toggleAll(on: boolean) {
    setSelected((prev) => {
      const next = new Map(prev);
      for (const c of items) {
        if (on) next.set(c.id, c.contactName);
        else next.delete(c.id);
      }
      return next;
    });
  }

  async function run(action: CustomerBulkAction, ids: string[], names: ReadonlyMap<string, string>) {
    const results = await bulk.mutateAsync({ action, ids });
    const done = results.filter((r) => r.ok).map((r) => names.get(r.id) ?? r.id);
    const failed = results.flatMap((r) => (r.ok ? [] : [t('announce.failedItem', { name: names.get(r.id) ?? r.id, detail: errorText(r.error) })]));
    const parts: string[] = [];
    if (done.length) parts.push(t(`announce.bulkDone_${action}`, { names: done.join(', ') }));
    if (failed.length) parts.push(t(`announce.bulkFailed_${action}`, { items: failed.join('; ') }));
    announce(parts.join(' '));
    setSelected((prev) => {
      const next = new Map(prev);
      for (const r of results) if (r.ok) next.delete(r.id);
      return next;
    });
  }

  function askRemove() {
    const ids = [...selected.keys()];
    const known = new Map(items.map((c) => [c.id, c.subscriptionCount]));
    const subscriptions = ids.reduce((sum, id) => sum + (known.get(id) ?? 0), 0);
    setConfirmRemove({ ids, names: [...selected.values()], subscriptions });
  }

  const filtered = list.q !== '' || status !== undefined;
  const addButton = (
    <button type="button" className="button button--primary" onClick={() => void navigate('/customers/new')}>
      {t('add')}
    </button>
  );

  return (
    <Page title={t('title')} actions={addButton}>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="customers-search">{t('common:actions.search')}</label>
          <input
            id="customers-search"
            type="search"
            maxLength={REQUEST_LIMITS.searchText}
            value={list.q}
            placeholder={t('list.searchPlaceholder')}
            onChange={(e) => update({ q: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="customers-status">{t('list.statusFilter')}</label>
          <select id="customers-status" value={status ?? ''} onChange={(e) => update({ status: e.target.value })}>
            <option value="">{t('list.allStatuses')}</option>
            <option value="active">{t('common:status.active')}</option>
            <option value="suspended">{t('common:status.suspended')}</option>
          </select>
        </div>
      </div>

      <div className="toolbar" role="group" aria-label={t('list.bulkActions')}>
        <BusyButton
          className="button"
          disabled={selected.size === 0}
          busy={bulk.isPending}
          aria-describedby={selectionHintId}
          onClick={() => void run('suspend', [...selected.keys()], selected)}
        >
          {t('actions.suspend')}
        </BusyButton>
        <BusyButton
          className="button"
          disabled={selected.size === 0}
          busy={bulk.isPending}
          aria-describedby={selectionHintId}
          onClick={() => void run('activate', [...selected.keys()], selected)}
        >
          {t('actions.activate')}
        </BusyButton>
        <BusyButton className="button" disabled={selected.size === 0} busy={bulk.isPending} aria-describedby={selectionHintId} onClick={askRemove}>
          {t('actions.remove')}
        </BusyButton>
        <span id={selectionHintId} className="muted">
          {selected.size === 0 ? t('list.selectFirst') : t('list.selected', { count: selected.size })}
        </span>
      </div>

      {data === undefined && !customers.isError ? (
        <ListSkeleton rows={list.pageSize} />
      ) : customers.isError && !data ? (
        <ErrorState error={customers.error} onRetry={() => void customers.refetch()} />
      ) : data && data.total === 0 ? (
        filtered ? (
          <EmptyState>
            {t('list.noMatch')}{' '}
            <button type="button" className="link-button" onClick={() => update({ q: undefined, status: undefined })}>
              {t('list.clearFilters')}
            </button>
          </EmptyState>
        ) : (
          <EmptyState>
            {t('list.empty')} {t('list.emptyHint')}
          </EmptyState>
        )
      ) : data ? (
        <>
          {customers.isError ? <ErrorState error={customers.error} onRetry={() => void customers.refetch()} /> : null}
          <TableRegion label={t('list.tableLabel')}>
            <table className="data-table" aria-label={t('list.tableLabel')} aria-busy={customers.isFetching}>
              <thead>
                <tr>
                  <th scope="col">
                    <input type="checkbox" aria-label={t('list.selectAll')} checked={allOnPageSelected} onChange={(e) => toggleAll(e.target.checked)} />
                  </th>
                  <SortableHeader
                    label={t('fields.contactName')}
                    column="contactName"
                    sort={list.sort}
                    order={list.order}
                    onSort={(sort, order) => update({ sort, order })}
                  />
                  <SortableHeader
                    label={t('fields.companyName')}
                    column="companyName"
                    sort={list.sort}
                    order={list.order}
                    onSort={(sort, order) => update({ sort, order })}
                  />
                  <SortableHeader
                    label={t('fields.login')}
                    column="login"
                    sort={list.sort}
                    order={list.order}
                    onSort={(sort, order) => update({ sort, order })}
                  />
                  <SortableHeader
                    label={t('fields.email')}
                    column="email"
                    sort={list.sort}
                    order={list.order}
                    onSort={(sort, order) => update({ sort, order })}
                  />
                  <SortableHeader
                    label={t('fields.status')}
                    column="status"
                    sort={list.sort}
                    order={list.order}
                    onSort={(sort, order) => update({ sort, order })}
                  />
                  <SortableHeader
                    label={t('fields.subscriptions')}
                    column="subscriptionCount"
                    sort={list.sort}
                    order={list.order}
                    onSort={(sort, order) => update({ sort, order })}
                  />
                  <SortableHeader
                    label={t('fields.createdAt')}
                    column="createdAt"
                    sort={list.sort}
                    order={list.order}
                    onSort={(sort, order) => update({ sort, order })}
                  />
                </tr>
              </thead>
              <tbody>
                {data.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('list.select', { name: c.contactName })}
                        checked={selected.has(c.id)}
                        onChange={(e) => toggle(c, e.target.checked)}
                      />
                    </td>
                    <td>
                      <Link to={`/customers/${encodeURIComponent(c.id)}`}>{c.contactName}</Link>
                    </td>
                    <td>{c.companyName}</td>
                    <td>{c.login}</td>
                    <td>{c.email}</td>
                    <td>
                      <StatusBadge status={c.status} />
                    </td>
                    <td className="num">{formatCount(c.subscriptionCount, lang)}</td>
                    <td>{formatDate(c.createdAt, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPageChange={(page) => update({ page }, false)}
            onPageSizeChange={(pageSize) => update({ pageSize })}
          />
        </>
      ) : null}

      <ConfirmDialog
        title={confirmRemove ? t('remove.bulkTitle', { count: confirmRemove.ids.length }) : ''}
        isOpen={confirmRemove !== null}
        onOpenChange={(open) => {
          if (!open) setConfirmRemove(null);
        }}
        confirmLabel={t('remove.confirm')}
        destructive
        isPending={bulk.isPending}
        onConfirm={() => {
          if (!confirmRemove) return;
          const names = new Map(confirmRemove.ids.map((id, i) => [id, confirmRemove.names[i] ?? id]));
          setConfirmRemove(null);
          void run('remove', confirmRemove.ids, names);
        }}
      >
        <p>
          {t('remove.bulkBody', {
            subscriptions: t('remove.subscriptions', { count: confirmRemove?.subscriptions ?? 0 }),
            names: confirmRemove?.names.join(', ') ?? '',
          })}
        </p>
        <p>{t('remove.irreversible')}</p>
      </ConfirmDialog>
    </Page>
  );
}
