import { useNavigateWhileHere } from '../../ui/use-navigate-while-here';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { usePlans, type PlanItem } from '../../api/service-plans';
import { useCreateSubscription, type SubscriptionInput } from '../../api/subscriptions';
import { subscriptionCreateSchema, validate } from '../../domain/schemas';
import { domainResolver, textError } from '../../ui/field-error';
import { announce } from '../../ui/announcer';
import { applyServerErrors, TextField } from '../../ui/form-field';
import { Page } from '../../ui/page';
import { ErrorState, LoadingState, errorText } from '../../ui/query-state';
import { AddonCheckboxes, NO_PLAN, PlanSelect } from './plan-fields';
import { RESELLER_OWNER, SubscriberSelect } from './subscriber-select';
import { BusyButton } from '../../ui/busy-button';

interface FormValues {
  domain: string;
  /** RESELLER_OWNER for the reseller's own subscription. */
  ownerId: string;
  /** NO_PLAN for a Custom subscription. */
  planId: string;
  addonIds: string[];
}

const FIELDS = ['domain', 'ownerId', 'planId', 'addonIds'] as const;

function toInput(values: FormValues): SubscriptionInput {
  const custom = values.planId === NO_PLAN;
  return {
    domain: values.domain,
    ownerId: values.ownerId === RESELLER_OWNER ? null : values.ownerId,
    planId: custom ? null : values.planId,
    // A Custom subscription has no add-ons (SPEC §1.3).
    addonIds: custom ? [] : values.addonIds,
  };
}

/** Validates with the domain's subscriptionCreateSchema; an issue shows at its top-level field. */
const resolver = domainResolver<FormValues>((values) => {
  const result = validate(subscriptionCreateSchema, toInput(values));
  if (result.ok) return { ok: true, value: values };
  const issues = result.issues
    .map((issue) => ({ ...issue, path: issue.path.split('.')[0] ?? '' }))
    .filter((issue) => (FIELDS as readonly string[]).includes(issue.path));
  return { ok: false, issues };
});

/** Add Subscription: `?ownerId=` preselects the subscriber (the customer page links here). */
export function AddSubscriptionPage() {
  const { t } = useTranslation('subscriptions');
  const hosting = usePlans({ kind: 'hosting' });
  const addons = usePlans({ kind: 'addon' });
  return (
    <Page title={t('form.title')}>
      {hosting.isPending || addons.isPending ? (
        <LoadingState label={t('form.loadingOptions')} />
      ) : hosting.isError || addons.isError ? (
        <ErrorState error={hosting.error ?? addons.error} onRetry={() => void Promise.all([hosting.refetch(), addons.refetch()])} />
      ) : (
        <AddSubscriptionForm hostingPlans={hosting.data.items} addonPlans={addons.data.items} />
      )}
    </Page>
  );
}

function AddSubscriptionForm({ hostingPlans, addonPlans }: { hostingPlans: readonly PlanItem[]; addonPlans: readonly PlanItem[] }) {
  const { t } = useTranslation('subscriptions');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fromCustomer = params.get('ownerId') ?? '';
  const create = useCreateSubscription();
  const whileHere = useNavigateWhileHere();
  const {
    register,
    control,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver,
    defaultValues: { domain: '', ownerId: fromCustomer, planId: hostingPlans[0]?.id ?? NO_PLAN, addonIds: [] },
  });
  const custom = watch('planId') === NO_PLAN;
  const backTo = fromCustomer ? `/customers/${encodeURIComponent(fromCustomer)}` : '/subscriptions';

  const onSubmit = handleSubmit(async (values) => {
    const go = whileHere();
    try {
      const created = await create.mutateAsync(toInput(values));
      announce(t('form.created', { domain: created.domain, state: t(`syncState.${created.syncState}`, { ns: 'common' }) }));
      go(fromCustomer ? backTo : `/subscriptions/${encodeURIComponent(created.id)}`);
    } catch (error) {
      // A taken domain reads better in the panel's words than as a generic "not valid".
      if (error instanceof ApiError && error.status === 409 && error.problem.issues?.some((i) => i.path === 'domain')) {
        setError('domain', textError(t('form.domainTaken', { domain: values.domain.trim().toLowerCase() })));
        return;
      }
      applyServerErrors(error, setError, FIELDS);
    }
  });

  return (
    <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
      {create.isError ? (
        <p className="state state--error" role="alert">
          {t('form.failed', { detail: errorText(create.error) })}
        </p>
      ) : null}
      <TextField label={t('form.domain')} hint={t('form.domainHint')} autoComplete="off" spellCheck={false} error={errors.domain} {...register('domain')} />
      <SubscriberSelect error={errors.ownerId} {...register('ownerId')} value={watch('ownerId')} />
      <PlanSelect plans={hostingPlans} error={errors.planId} {...register('planId')} />
      <Controller
        control={control}
        name="addonIds"
        render={({ field, fieldState }) => (
          <AddonCheckboxes addons={addonPlans} value={custom ? [] : field.value} onChange={field.onChange} disabled={custom} error={fieldState.error} />
        )}
      />
      <div className="form__actions">
        <BusyButton type="submit" className="button button--primary" busy={isSubmitting}>
          {t('form.submit')}
        </BusyButton>
        <button type="button" className="button" onClick={() => void navigate(backTo)}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
