import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlans } from '../../api/service-plans';
import { AppDialog } from '../../ui/dialog';
import { ErrorState, LoadingState, errorText } from '../../ui/query-state';
import { AddonCheckboxes, NO_PLAN, PlanSelect } from './plan-fields';
import { RESELLER_OWNER, SubscriberSelect } from './subscriber-select';
import { BusyButton } from '../../ui/busy-button';

function DialogFooter({ onCancel, isPending, error }: { onCancel: () => void; isPending: boolean; error?: unknown }) {
  const { t } = useTranslation('subscriptions');
  return (
    <>
      {error ? (
        <p className="field-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
      <div className="dialog__actions">
        <BusyButton type="submit" className="button button--primary" busy={isPending}>
          {t('actions.ok')}
        </BusyButton>
        <button type="button" className="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </>
  );
}

/**
 * Change Plan for one or many subscriptions: another hosting plan and add-ons, or none (the
 * subscriptions become Custom). The content mounts only while open, so it starts from
 * `initial` each time.
 */
export function ChangePlanDialog({
  isOpen,
  onOpenChange,
  count,
  initial,
  onConfirm,
  isPending = false,
  error,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  count: number;
  initial?: { planId: string | null; addonIds: string[] };
  onConfirm: (choice: { planId: string | null; addonIds: string[] }) => void;
  isPending?: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation('subscriptions');
  return (
    <AppDialog title={t('changePlan.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <ChangePlanForm count={count} initial={initial} onConfirm={onConfirm} onCancel={() => onOpenChange(false)} isPending={isPending} error={error} />
    </AppDialog>
  );
}

function ChangePlanForm({
  count,
  initial,
  onConfirm,
  onCancel,
  isPending,
  error,
}: {
  count: number;
  initial?: { planId: string | null; addonIds: string[] };
  onConfirm: (choice: { planId: string | null; addonIds: string[] }) => void;
  onCancel: () => void;
  isPending: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation('subscriptions');
  const hosting = usePlans({ kind: 'hosting' });
  const addons = usePlans({ kind: 'addon' });
  const [planId, setPlanId] = useState<string | undefined>(initial?.planId ?? undefined);
  const [addonIds, setAddonIds] = useState<string[]>(initial?.addonIds ?? []);
  if (hosting.isPending || addons.isPending) return <LoadingState />;
  if (hosting.isError || addons.isError) {
    return <ErrorState error={hosting.error ?? addons.error} onRetry={() => void Promise.all([hosting.refetch(), addons.refetch()])} />;
  }
  const hostingPlans = hosting.data.items;
  // Nothing chosen yet (several subscriptions on various plans): the first plan is proposed.
  const selected = planId ?? hostingPlans[0]?.id ?? NO_PLAN;
  const custom = selected === NO_PLAN;
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        onConfirm({ planId: custom ? null : selected, addonIds: custom ? [] : addonIds });
      }}
    >
      <p>{t('changePlan.intro', { count })}</p>
      <PlanSelect plans={hostingPlans} value={selected} onChange={(e) => setPlanId(e.target.value)} hint={custom ? t('changePlan.customHint') : undefined} />
      <AddonCheckboxes addons={addons.data.items} value={custom ? [] : addonIds} onChange={setAddonIds} disabled={custom} />
      <DialogFooter onCancel={onCancel} isPending={isPending} error={error} />
    </form>
  );
}

/** Change Subscriber for one or many subscriptions: a customer, or the reseller itself. */
export function ChangeSubscriberDialog({
  isOpen,
  onOpenChange,
  count,
  initialOwnerId,
  onConfirm,
  isPending = false,
  error,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  count: number;
  initialOwnerId?: string | null;
  onConfirm: (ownerId: string | null) => void;
  isPending?: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation('subscriptions');
  return (
    <AppDialog title={t('changeSubscriber.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <ChangeSubscriberForm
        count={count}
        initialOwnerId={initialOwnerId}
        onConfirm={onConfirm}
        onCancel={() => onOpenChange(false)}
        isPending={isPending}
        error={error}
      />
    </AppDialog>
  );
}

function ChangeSubscriberForm({
  count,
  initialOwnerId,
  onConfirm,
  onCancel,
  isPending,
  error,
}: {
  count: number;
  initialOwnerId?: string | null;
  onConfirm: (ownerId: string | null) => void;
  onCancel: () => void;
  isPending: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation('subscriptions');
  const [ownerId, setOwnerId] = useState(initialOwnerId ?? RESELLER_OWNER);
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        onConfirm(ownerId === RESELLER_OWNER ? null : ownerId);
      }}
    >
      <p>{t('changeSubscriber.intro', { count })}</p>
      <SubscriberSelect value={ownerId} onChange={(e) => setOwnerId(e.target.value)} />
      <DialogFooter onCancel={onCancel} isPending={isPending} error={error} />
    </form>
  );
}
