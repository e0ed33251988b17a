import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '../../api/service-plans';
import { errorSentence, FieldError } from '../../ui/field-error';
import { useLang } from '../../ui/use-lang';
import { SelectField } from '../../ui/form-field';

/** The value of "None (custom subscription)" in a plan select (the API's `planId: null`). */
export const NO_PLAN = '';

/** "Service plan": the hosting plans, or none (the subscription becomes Custom). */
export function PlanSelect({
  plans,
  error,
  hint,
  ...select
}: { plans: readonly PlanItem[]; error?: unknown; hint?: string } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'>) {
  const { t } = useTranslation('subscriptions');
  return (
    <SelectField label={t('form.plan')} error={error} hint={hint} {...select}>
      {plans.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
      <option value={NO_PLAN}>{t('form.noPlan')}</option>
    </SelectField>
  );
}

/** "Add-on plans": a group of checkboxes, each add-on at most once (SPEC §1.1). */
export function AddonCheckboxes({
  addons,
  value,
  onChange,
  disabled = false,
  error,
}: {
  addons: readonly PlanItem[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation('subscriptions');
  const lang = useLang();
  const hasError = errorSentence(error, lang) !== undefined;
  return (
    <fieldset className="field" disabled={disabled} aria-describedby={hasError ? 'addon-plans-error' : undefined}>
      <legend className="label">{t('form.addons')}</legend>
      {addons.length === 0 ? <p className="field-hint">{t('form.noAddons')}</p> : null}
      {disabled && addons.length > 0 ? <p className="field-hint">{t('form.addonsNeedPlan')}</p> : null}
      {addons.map((a) => (
        <label key={a.id} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(a.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, a.id] : value.filter((id) => id !== a.id))}
          />{' '}
          {a.name}
        </label>
      ))}
      <FieldError id="addon-plans-error" error={error} />
    </fieldset>
  );
}
