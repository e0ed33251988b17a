import { useId, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCustomer, useCustomerStatus, useRemoveCustomer, useUpdateCustomer, type CustomerInput, type CustomerItem } from '../../api/customers';
import { ApiError } from '../../api/http';
import { formatDate, type Lang } from '../../domain/format';
import { announce } from '../../ui/announcer';
import { Page } from '../../ui/page';
import { ErrorState, LoadingState, errorText } from '../../ui/query-state';
import { StatusBadge } from '../../ui/sync-state-badge';
import { useLang } from '../../ui/use-lang';
import { CustomerForm, formValuesOf } from './customer-form';
import { CustomerSubscriptions } from './customer-subscriptions';
import { RemoveCustomerDialog, type RemovalCounts } from './remove-customer-dialog';
import { BusyButton } from '../../ui/busy-button';

function countryName(code: string, lang: Lang): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A customer's page: its details, Edit, Suspend/Activate, Remove and its subscriptions. */
export function CustomerPage() {
  const { customerId = '' } = useParams();
  const { t } = useTranslation('customers');
  const customer = useCustomer(customerId);
  // Set while the customer is being removed, so the refetch that follows (404) shows no error.
  const [removing, setRemoving] = useState(false);

  // Once loaded, the record stays on screen: a failed refetch (or the 404 that follows a
  // removal) is reported above it instead of replacing it.
  if (!customer.data) {
    return (
      <Page title={t('title')}>{customer.isError ? <ErrorState error={customer.error} onRetry={() => void customer.refetch()} /> : <LoadingState />}</Page>
    );
  }
  return (
    <CustomerView
      customer={customer.data}
      refreshError={customer.isError && !removing ? customer.error : null}
      reload={customer.refetch}
      onRemoving={setRemoving}
    />
  );
}

function CustomerView({
  customer,
  refreshError,
  reload,
  onRemoving,
}: {
  customer: CustomerItem;
  refreshError: unknown;
  reload: () => Promise<{ data?: CustomerItem }>;
  onRemoving: (removing: boolean) => void;
}) {
  const { t } = useTranslation('customers');
  const lang = useLang();
  const navigate = useNavigate();
  const update = useUpdateCustomer();
  const setStatus = useCustomerStatus();
  const remove = useRemoveCustomer();
  // The ETag the edit started from: a change made meanwhile elsewhere must refuse the save (412).
  const [editing, setEditing] = useState<{ etag: string | undefined } | null>(null);
  const [removeOpen, setRemoveOpen] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const suspendReasonId = useId();
  const activateReasonId = useId();
  const name = customer.contactName;
  const suspended = customer.status === 'suspended';

  function closeEditor() {
    setEditing(null);
    // Focus goes back to where the edit started.
    requestAnimationFrame(() => editButton.current?.focus());
  }

  async function save(patch: Partial<CustomerInput>) {
    if (Object.keys(patch).length > 0) {
      const saved = await update.mutateAsync({ id: customer.id, patch, etag: editing?.etag });
      announce(t('announce.saved', { name: saved.contactName }));
    }
    closeEditor();
  }

  async function reloadForEdit() {
    const fresh = await reload();
    if (!fresh.data) return undefined;
    setEditing({ etag: fresh.data.etag });
    announce(t('stale.reloaded'));
    return formValuesOf(fresh.data);
  }

  function changeStatus(action: 'suspend' | 'activate') {
    setActionError(null);
    // Once done, the button pressed no longer applies: it turns aria-disabled with its reason and
    // keeps the focus (BusyButton), so nothing has to move it.
    setStatus.mutate(
      { id: customer.id, action, etag: customer.etag },
      {
        onSuccess: () => {
          const done = t(action === 'suspend' ? 'announce.suspended' : 'announce.activated', { name });
          // Its subscriptions follow (reason "Customer suspended", SPEC §1.6): say so.
          const count = customer.subscriptionCount;
          const cascade = count > 0 ? ` ${t(action === 'suspend' ? 'announce.cascadeSuspended' : 'announce.cascadeActivated', { count })}` : '';
          announce(done + cascade);
        },
        onError: setActionError,
      },
    );
  }

  function confirmRemove(counts: RemovalCounts) {
    onRemoving(true);
    remove.mutate(
      { id: customer.id, etag: customer.etag },
      {
        onSuccess: ({ removed }) => {
          // What the API says it removed; the dialog's counts if an older API says nothing.
          const done = removed ?? counts;
          announce(
            t('announce.removed', {
              name,
              subscriptions: t('remove.subscriptions', { count: done.subscriptions }),
              websites: t('remove.websites', { count: done.websites }),
            }),
          );
          setRemoveOpen(false);
          void navigate('/customers');
        },
        onError: () => onRemoving(false),
      },
    );
  }

  const stale = actionError instanceof ApiError && actionError.isStale;
  const details: [string, string][] = [
    [t('fields.companyName'), customer.companyName],
    [t('fields.login'), customer.login],
    [t('fields.email'), customer.email],
    [t('fields.phone'), customer.phone],
    [t('fields.address'), customer.address],
    [t('fields.city'), customer.city],
    [t('fields.postalCode'), customer.postalCode],
    [t('fields.country'), countryName(customer.country, lang)],
    [t('fields.createdAt'), formatDate(customer.createdAt, lang)],
  ];

  const actions = (
    <>
      <BusyButton ref={editButton} className="button" onClick={() => setEditing({ etag: customer.etag })} disabled={editing !== null}>
        {t('actions.edit')}
      </BusyButton>
      <BusyButton
        className="button"
        onClick={() => changeStatus('suspend')}
        disabled={suspended}
        busy={setStatus.isPending}
        aria-describedby={suspended ? suspendReasonId : undefined}
      >
        {t('actions.suspend')}
      </BusyButton>
      <BusyButton
        className="button"
        onClick={() => changeStatus('activate')}
        disabled={!suspended}
        busy={setStatus.isPending}
        aria-describedby={suspended ? undefined : activateReasonId}
      >
        {t('actions.activate')}
      </BusyButton>
      <button
        type="button"
        className="button button--danger"
        onClick={() => {
          remove.reset();
          setRemoveOpen(true);
        }}
      >
        {t('actions.remove')}
      </button>
    </>
  );

  return (
    <Page
      title={name}
      actions={actions}
      description={
        <p>
          <StatusBadge status={customer.status} />{' '}
          <span id={suspended ? suspendReasonId : activateReasonId}>{t(suspended ? 'reasons.alreadySuspended' : 'reasons.alreadyActive')}</span>
        </p>
      }
    >
      {refreshError ? <ErrorState error={refreshError} onRetry={() => void reload()} /> : null}
      {actionError ? (
        <div className="notice" role="alert">
          <p>{stale ? t('common:errors.stale') : errorText(actionError)}</p>
          {stale ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                setActionError(null);
                void reload();
              }}
            >
              {t('common:errors.reloadRecord')}
            </button>
          ) : null}
        </div>
      ) : null}

      {editing ? (
        <section className="card" aria-labelledby="customer-edit-heading">
          <h2 id="customer-edit-heading">{t('edit.heading')}</h2>
          <CustomerForm mode="edit" autoFocus defaultValues={formValuesOf(customer)} onSave={save} onCancel={closeEditor} onReload={reloadForEdit} />
        </section>
      ) : (
        <section className="card" aria-labelledby="customer-details-heading">
          <h2 id="customer-details-heading">{t('details.heading')}</h2>
          <dl className="details">
            {details.map(([label, value]) => (
              <div key={label} className="details__row">
                <dt>{label}</dt>
                <dd>{value || t('details.none')}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <CustomerSubscriptions customerId={customer.id} customerName={name} />

      <RemoveCustomerDialog
        customer={customer}
        isOpen={removeOpen}
        onOpenChange={setRemoveOpen}
        onConfirm={confirmRemove}
        isPending={remove.isPending}
        error={remove.error}
      />
    </Page>
  );
}
