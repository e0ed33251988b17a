import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CustomerItem } from '../../api/customers';
import { subscriptionsQuery } from '../../api/subscriptions';
import { ConfirmDialog } from '../../ui/dialog';
import { LoadingState } from '../../ui/query-state';
import { MAX_PAGE_SIZE } from '../../domain/limits';

export interface RemovalCounts {
  subscriptions: number;
  websites: number;
}

/**
 * Remove customer (SPEC §1.3): removing a customer removes all its subscriptions and their
 * websites, and the confirmation says how many of each.
 */
export function RemoveCustomerDialog({
  customer,
  isOpen,
  onOpenChange,
  onConfirm,
  isPending,
  error,
}: {
  customer: CustomerItem;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: (counts: RemovalCounts) => void;
  isPending: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation('customers');
  const owned = useQuery({
    ...subscriptionsQuery({
      customerId: customer.id,
      page: 1,
      pageSize: MAX_PAGE_SIZE /* the API's largest page: a customer's websites counted in one request */,
    }),
    enabled: isOpen,
    staleTime: 0,
  });
  const counts: RemovalCounts | undefined = owned.data
    ? { subscriptions: owned.data.total, websites: owned.data.items.reduce((sum, s) => sum + s.websites.length, 0) }
    : undefined;
  const name = customer.contactName;

  return (
    <ConfirmDialog
      title={t('remove.title', { name })}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      confirmLabel={t('remove.confirm')}
      destructive
      isPending={isPending || !counts}
      error={error ?? (owned.isError ? owned.error : undefined)}
      onConfirm={() => {
        if (counts) onConfirm(counts);
      }}
    >
      {!counts ? (
        owned.isError ? null : (
          <LoadingState label={t('remove.counting')} />
        )
      ) : counts.subscriptions === 0 ? (
        <p>{t('remove.bodyNone', { name })}</p>
      ) : (
        <p>
          {t('remove.body', {
            name,
            subscriptions: t('remove.subscriptions', { count: counts.subscriptions }),
            websites: t('remove.websites', { count: counts.websites }),
          })}
        </p>
      )}
      <p>{t('remove.irreversible')}</p>
    </ConfirmDialog>
  );
}
