import { REQUEST_LIMITS } from '../../domain/limits';
import { useDeferredValue, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { customerQuery } from '../../api/customers';
import { plansQuery, usePlans } from '../../api/service-plans';
import { subscriptionsQuery, useBulkSubscriptions, useSubscriptions, type BulkAction, type SubscriptionItem } from '../../api/subscriptions';
import { prefetch } from '../../api/query-client';
import { formatBytes, formatDate } from '../../domain/format';
import type { SyncState } from '../../domain/types';
import { announce } from '../../ui/announcer';
import { ConfirmDialog } from './lazy-dialogs';
import { Page } from '../../ui/page';
import { Pagination } from '../../ui/pagination';
import { EmptyState, ErrorState, errorText } from '../../ui/query-state';
import { SortableHeader } from '../../ui/sortable-header';
import { SyncStateBadge } from '../../ui/sync-state-badge';
import { SubscriptionStatus } from '../../ui/subscription-status';
import { useLang } from '../../ui/use-lang';
import { readListParams, useListParams } from '../../ui/use-list-params';
import { summarizeBulk, type BulkSummary } from './bulk-summary';
import { ChangePlanDialog, ChangeSubscriberDialog } from './lazy-dialogs';
import { BusyButton } from '../../ui/busy-button';
import { ListSkeleton } from '../../ui/list-skeleton';
import { TableRegion } from '../../ui/table-region';

const FILTER_KEYS = ['sync', 'planId', 'status', 'customerId'] as const;
const SYNC_STATES: readonly SyncState[] = ['synced', 'unsynced', 'locked', 'custom'];
const DEFAULTS = { sort: 'domain' } as const;

/** What the list remembers of a selected row, so a selection can span pages. */
interface Selected {
  domain: string;
  websites: number;
}

type Dialog = 'change-plan' | 'change-subscriber' | 'remove' | null;

/** When a navigation enters the route (src/app/router.tsx): the list's first page is requested while the screen renders. */
export function prefetchSubscriptions(searchParams: URLSearchParams) {
  const { filters, ...rest } = readListParams(searchParams, DEFAULTS, FILTER_KEYS);
  prefetch(subscriptionsQuery({ ...rest, ...filters }));
  prefetch(plansQuery({ kind: 'hosting' }));
}

/** Subscriptions: search, filters, sort and page in the URL; bulk actions on the selection. */
export function SubscriptionsPage() {
  const { t } = useTranslation('subscriptions');
  const lang = useLang();
  const navigate = useNavigate();
  const params = useListParams(DEFAULTS, FILTER_KEYS);
  const { q, sort, order, page, pageSize, filters, update } = params;
  const list = useSubscriptions({ q, sort, order, page, pageSize, ...filters });
  const plans = usePlans({ kind: 'hosting' });
  const customer = useQuery({ ...customerQuery(filters.customerId ?? ''), enabled: Boolean(filters.customerId) });
  const bulk = useBulkSubscriptions();

  const [selected, setSelected] = useState<Map<string, Selected>>(() => new Map());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [result, setResult] = useState<BulkSummary | null>(null);
  const [search, setSearch] = useState(q);
  const [bulkError, setBulkError] = useState<unknown>(null);

  // The URL is the truth (Back, a link from another page): the box follows it.
  useEffect(() => setSearch(q), [q]);

  // The rows render in a transition (React yields between slices), not in the same task as the
  // answer's arrival: on a phone the first page of rows was one ~230 ms task (Lighthouse's TBT).
  const shown = useDeferredValue(list.data);
  const rows = shown?.items ?? [];
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someOnPage = rows.some((r) => selected.has(r.id));
  const selectAllRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = someOnPage && !allOnPage;
  }, [someOnPage, allOnPage]);

  function toggle(row: SubscriptionItem, on: boolean) {
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(row.id, { domain: row.domain, websites: row.websites.length });
      else next.delete(row.id);
      return next;
    });
  }

  function toggleAll(on: boolean) {
    setSelected((prev) => {
      const next = new Map(prev);
      for (const r of rows) {
        if (on) next.set(r.id, { domain: r.domain, websites: r.websites.length });
        else next.delete(r.id);
      }
      return next;
    });
  }

  async function runBulk(action: BulkAction, extra: { planId?: string | null; addonIds?: string[]; ownerId?: string | null } = {}) {
    const ids = [...selected.keys()];
    const domains = new Map([...selected].map(([id, s]) => [id, s.domain]));
    setBulkError(null);
    try {
      const data = await bulk.mutateAsync({ action, ids, ...extra });
      const summary = summarizeBulk(action, data.results, (id) => domains.get(id) ?? id, t, lang);
      announce(summary.message);
      setResult(summary.failures.length > 0 || summary.unsynced.length > 0 ? summary : null);
      // What failed stays selected, so it can be retried.
      const failed = new Set(summary.failures.map((f) => f.id));
      setSelected((prev) => new Map([...prev].filter(([id]) => failed.has(id))));
      setDialog(null);
    } catch (error) {
      // In a dialog the failure shows there; otherwise above the list.
      if (dialog === null) setBulkError(error);
    }
  }

  const count = selected.size;
  const websites = [...selected.values()].reduce((sum, s) => sum + s.websites, 0);
  const noSelection = count === 0;
  const planOptions = plans.data?.items ?? [];
  function openDialog(next: Dialog) {
    bulk.reset();
    setBulkError(null);
    setDialog(next);
  }
  const hasFilters = Boolean(q || filters.sync || filters.planId || filters.status || filters.customerId);

  return (
    <Page
      title={t('title')}
      actions={
        <button type="button" className="button button--primary" onClick={() => void navigate('/subscriptions/new')}>
          {t('add')}
        </button>
      }
    >
      <div className="toolbar" role="search" aria-label={t('filters.label')}>
        <div className="field">
          <label htmlFor="subscriptions-search">{t('actions.search', { ns: 'common' })}</label>
          <input
            id="subscriptions-search"
            type="search"
            maxLength={REQUEST_LIMITS.searchText}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              update({ q: e.target.value });
            }}
          />
        </div>
        <FilterSelect label={t('filters.syncState')} value={filters.sync ?? ''} onChange={(v) => update({ sync: v })}>
          <option value="">{t('filters.all')}</option>
          {SYNC_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`syncState.${s}`, { ns: 'common' })}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label={t('filters.plan')} value={filters.planId ?? ''} onChange={(v) => update({ planId: v })}>
          <option value="">{t('filters.allPlans')}</option>
          {planOptions.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          {/* A plan id from a link that the plan list does not (yet) show still reads as chosen. */}
          {filters.planId && !planOptions.some((p) => p.id === filters.planId) ? <option value={filters.planId}>{filters.planId}</option> : null}
        </FilterSelect>
        <FilterSelect label={t('filters.status')} value={filters.status ?? ''} onChange={(v) => update({ status: v })}>
          <option value="">{t('filters.all')}</option>
          <option value="active">{t('status.active', { ns: 'common' })}</option>
          <option value="suspended">{t('status.suspended', { ns: 'common' })}</option>
        </FilterSelect>
        {filters.customerId ? (
          <p className="muted">
            {t('filters.customer', { name: customer.data?.contactName ?? filters.customerId })}{' '}
            <button type="button" className="link-button" onClick={() => update({ customerId: undefined })}>
              {t('filters.clearCustomer')}
            </button>
          </p>
        ) : null}
        {hasFilters ? (
          <button
            type="button"
            className="link-button"
            onClick={() => update({ q: undefined, sync: undefined, planId: undefined, status: undefined, customerId: undefined })}
          >
            {t('filters.clearAll')}
          </button>
        ) : null}
      </div>

      <div className="toolbar" role="group" aria-label={t('list.bulkLabel')}>
        <span id="bulk-selection" className="muted">
          {noSelection ? t('list.selectFirst') : t('list.selected', { count })}
        </span>
        <BusyButton
          className="button"
          disabled={noSelection}
          aria-describedby={noSelection ? 'bulk-selection' : undefined}
          onClick={() => openDialog('change-plan')}
        >
          {t('actions.changePlan')}
        </BusyButton>
        <BusyButton
          className="button"
          disabled={noSelection}
          aria-describedby={noSelection ? 'bulk-selection' : undefined}
          onClick={() => openDialog('change-subscriber')}
        >
          {t('actions.changeSubscriber')}
        </BusyButton>
        <BusyButton
          className="button"
          disabled={noSelection}
          busy={bulk.isPending}
          aria-describedby={noSelection ? 'bulk-selection' : undefined}
          onClick={() => void runBulk('suspend')}
        >
          {t('actions.suspend')}
        </BusyButton>
        <BusyButton
          className="button"
          disabled={noSelection}
          busy={bulk.isPending}
          aria-describedby={noSelection ? 'bulk-selection' : undefined}
          onClick={() => void runBulk('activate')}
        >
          {t('actions.activate')}
        </BusyButton>
        <BusyButton
          className="button"
          disabled={noSelection}
          busy={bulk.isPending}
          aria-describedby={noSelection ? 'bulk-selection' : undefined}
          onClick={() => void runBulk('sync')}
        >
          {t('actions.synchronize')}
        </BusyButton>
        <BusyButton
          className="button button--danger"
          disabled={noSelection}
          aria-describedby={noSelection ? 'bulk-selection' : undefined}
          onClick={() => openDialog('remove')}
        >
          {t('actions.remove')}
        </BusyButton>
        {!noSelection ? (
          <button type="button" className="link-button" onClick={() => setSelected(new Map())}>
            {t('list.clearSelection')}
          </button>
        ) : null}
      </div>

      {bulkError ? (
        <p className="state state--error" role="alert">
          {t('bulk.failedRequest', { detail: errorText(bulkError) })}
        </p>
      ) : null}
      {result ? <BulkResultPanel result={result} onDismiss={() => setResult(null)} /> : null}

      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : shown === undefined ? (
        <ListSkeleton rows={pageSize} />
      ) : rows.length === 0 ? (
        <EmptyState>{hasFilters ? t('list.noMatch') : t('list.empty')}</EmptyState>
      ) : (
        <>
          {/* Narrow, the rows stack (key columns first, each value named by its column): styles.css. */}
          <TableRegion label={t('list.label')} stack>
            <table className="data-table data-table--stack" aria-busy={list.isFetching}>
              <caption className="visually-hidden">{t('list.label')}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      ref={selectAllRef}
                      type="checkbox"
                      aria-label={t('list.selectAll')}
                      checked={allOnPage}
                      onChange={(e) => toggleAll(e.target.checked)}
                    />
                  </th>
                  <SortableHeader
                    label={t('columns.subscription')}
                    column="domain"
                    sort={sort}
                    order={order}
                    onSort={(s, o) => update({ sort: s, order: o })}
                  />
                  <SortableHeader
                    label={t('columns.subscriber')}
                    column="subscriber"
                    sort={sort}
                    order={order}
                    onSort={(s, o) => update({ sort: s, order: o })}
                  />
                  <SortableHeader label={t('columns.plan')} column="plan" sort={sort} order={order} onSort={(s, o) => update({ sort: s, order: o })} />
                  <SortableHeader
                    label={t('columns.syncState')}
                    column="syncState"
                    sort={sort}
                    order={order}
                    onSort={(s, o) => update({ sort: s, order: o })}
                  />
                  <SortableHeader label={t('columns.status')} column="status" sort={sort} order={order} onSort={(s, o) => update({ sort: s, order: o })} />
                  <SortableHeader
                    label={t('columns.diskUsage')}
                    column="diskUsage"
                    sort={sort}
                    order={order}
                    onSort={(s, o) => update({ sort: s, order: o })}
                  />
                  <SortableHeader
                    label={t('columns.setupDate')}
                    column="createdAt"
                    sort={sort}
                    order={order}
                    onSort={(s, o) => update({ sort: s, order: o })}
                  />
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td className="stack-select">
                      <input
                        type="checkbox"
                        aria-label={t('list.select', { name: row.domain })}
                        checked={selected.has(row.id)}
                        onChange={(e) => toggle(row, e.target.checked)}
                      />
                    </td>
                    <td className="stack-key">
                      <Link to={`/subscriptions/${encodeURIComponent(row.id)}`}>{row.domain}</Link>{' '}
                      <span className="muted">{t('planSuffix', { name: row.planName ?? t('customLabel') })}</span>
                    </td>
                    <td data-label={t('columns.subscriber')}>
                      {row.ownerId ? <Link to={`/customers/${encodeURIComponent(row.ownerId)}`}>{row.ownerName}</Link> : t('reseller', { name: row.ownerName })}
                    </td>
                    <td data-label={t('columns.plan')}>
                      {row.planId ? (
                        <>
                          {row.planName}
                          {row.addonIds.length > 0 ? <span className="muted"> {t('list.addonCount', { count: row.addonIds.length })}</span> : null}
                        </>
                      ) : (
                        <span className="muted">{t('none')}</span>
                      )}
                    </td>
                    <td data-label={t('columns.syncState')}>
                      <SyncStateBadge state={row.syncState} />
                    </td>
                    <td data-label={t('columns.status')}>
                      <SubscriptionStatus status={row.status} suspendedBy={row.suspendedBy} overused={row.overused} />
                    </td>
                    <td className="num" data-label={t('columns.diskUsage')}>
                      {formatBytes(row.usage.disk_space, lang)}
                    </td>
                    <td data-label={t('columns.setupDate')}>{formatDate(row.createdAt, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <Pagination
            page={shown.page}
            pageSize={shown.pageSize}
            total={shown.total}
            onPageChange={(p) => update({ page: p }, false)}
            onPageSizeChange={(size) => update({ pageSize: size })}
          />
        </>
      )}

      {dialog === 'change-plan' ? (
        <ChangePlanDialog
          isOpen
          onOpenChange={(open) => !open && setDialog(null)}
          count={count}
          onConfirm={(choice) => void runBulk('change-plan', choice)}
          isPending={bulk.isPending}
          error={bulk.error}
        />
      ) : null}
      {dialog === 'change-subscriber' ? (
        <ChangeSubscriberDialog
          isOpen
          onOpenChange={(open) => !open && setDialog(null)}
          count={count}
          onConfirm={(ownerId) => void runBulk('change-subscriber', { ownerId })}
          isPending={bulk.isPending}
          error={bulk.error}
        />
      ) : null}
      {dialog === 'remove' ? (
        <ConfirmDialog
          title={count === 1 ? t('remove.titleOne') : t('remove.titleMany')}
          isOpen
          onOpenChange={(open) => !open && setDialog(null)}
          onConfirm={() => void runBulk('remove')}
          confirmLabel={t('actions.remove')}
          isPending={bulk.isPending}
          error={bulk.error}
          destructive
        >
          <p>{t('remove.bodyMany', { count, websites })}</p>
          <p>{t('remove.irreversible')}</p>
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}

function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  const id = `filter-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

function BulkResultPanel({ result, onDismiss }: { result: BulkSummary; onDismiss: () => void }) {
  const { t } = useTranslation('subscriptions');
  return (
    <section className="card" aria-labelledby="bulk-result-title">
      {result.failures.length > 0 ? (
        <>
          <h2 id="bulk-result-title">{t('bulk.resultsTitle')}</h2>
          <ul>
            {result.failures.map((f) => (
              <li key={f.id}>
                <Link to={`/subscriptions/${encodeURIComponent(f.id)}`}>{f.domain}</Link>: {f.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.unsynced.length > 0 ? (
        <>
          <h2 id={result.failures.length > 0 ? undefined : 'bulk-result-title'}>{t('bulk.unsyncedTitle')}</h2>
          <ul>
            {result.unsynced.map((u) => (
              <li key={u.id}>
                <Link to={`/subscriptions/${encodeURIComponent(u.id)}`}>{u.domain}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" className="button" onClick={onDismiss}>
        {t('bulk.dismiss')}
      </button>
    </section>
  );
}
