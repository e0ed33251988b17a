import { useNavigateWhileHere } from '../../ui/use-navigate-while-here';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod/mini';
import { planCreateSchema, validate } from '../../domain/schemas';
import { domainResolver, textError } from '../../ui/field-error';
import { ApiError } from '../../api/http';
import { useCreatePlan } from '../../api/service-plans';
import { announce } from '../../ui/announcer';
import { applyServerErrors, SelectField, TextField } from '../../ui/form-field';
import { Page } from '../../ui/page';
import { errorText } from '../../ui/query-state';
import { kindOf, PLAN_KINDS } from './plan-kind';
import { BusyButton } from '../../ui/busy-button';

type AddPlanInput = z.input<typeof planCreateSchema>;
type AddPlanOutput = z.output<typeof planCreateSchema>;

/** Add Plan: a name and a kind; the new plan offers nothing until edited on its own page. */
export function AddPlanPage() {
  const { t } = useTranslation('plans');
  const [params] = useSearchParams();
  const create = useCreatePlan();
  const whileHere = useNavigateWhileHere();
  const form = useForm<AddPlanInput, unknown, AddPlanOutput>({
    resolver: domainResolver<AddPlanInput, AddPlanOutput>((input) => validate(planCreateSchema, input)),
    defaultValues: { name: '', kind: kindOf(params.get('kind')) },
  });
  const { errors } = form.formState;
  const kind = kindOf(form.watch('kind'));

  const onSubmit = form.handleSubmit(async (input) => {
    const go = whileHere();
    try {
      const plan = await create.mutateAsync({ kind: input.kind, name: input.name });
      announce(t('add.created', { name: plan.name }));
      go(`/service-plans/${encodeURIComponent(plan.id)}`);
    } catch (error) {
      // A duplicate name is the field's problem: say so there, in the interface language.
      if (error instanceof ApiError && error.status === 409) {
        form.setError('name', textError(t('errors.nameTaken', { name: input.name })), { shouldFocus: true });
        return;
      }
      applyServerErrors(error, form.setError, ['name', 'kind']);
    }
  });

  const failureText =
    create.error instanceof ApiError && create.error.status === 409 ? t('errors.nameTaken', { name: create.variables?.name ?? '' }) : errorText(create.error);

  return (
    <Page title={t('add.title')}>
      <form className="form card" noValidate onSubmit={(e) => void onSubmit(e)}>
        <TextField label={t('fields.name')} autoComplete="off" error={errors.name} {...form.register('name')} />
        <SelectField label={t('fields.kind')} error={errors.kind} {...form.register('kind')}>
          {PLAN_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </SelectField>
        {create.error ? (
          <p className="field-error" role="alert">
            {t('add.failed', { detail: failureText })}
          </p>
        ) : null}
        <div className="form__actions">
          <BusyButton type="submit" className="button button--primary" busy={create.isPending}>
            {t('actions.ok', { ns: 'common' })}
          </BusyButton>
          <Link className="button" to={`/service-plans${kind === 'addon' ? '?kind=addon' : ''}`}>
            {t('actions.cancel', { ns: 'common' })}
          </Link>
        </div>
      </form>
    </Page>
  );
}
