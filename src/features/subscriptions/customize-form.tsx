import { useEffect, useRef, useState } from 'react';
import { useForm, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { overusePolicyLabel } from '../../domain/overuse';
import { ApiError } from '../../api/http';
import { useCustomizeSubscription, type SubscriptionItem } from '../../api/subscriptions';
import { itemsOf, type CatalogueItem } from '../../domain/catalogue';
import type { Lang } from '../../domain/format';
import { validate, valuesPatchSchema, type ValidationIssue } from '../../domain/schemas';
import { domainResolver, errorSentence, FieldError, issueError, type FormIssue } from '../../ui/field-error';
import { UNLIMITED, type ValueGroup, type Values, type ValuesPatch } from '../../domain/types';
import { bytesOf, SIZE_UNITS, sizeParts, unitLabel, type SizeUnit } from '../../domain/units';
import { announce } from '../../ui/announcer';
import { ConfirmDialog } from '../../ui/dialog';
import { errorText } from '../../ui/query-state';
import { useLang } from '../../ui/use-lang';
import { BusyButton } from '../../ui/busy-button';

export const VALUE_GROUPS: readonly ValueGroup[] = ['resources', 'permissions', 'hosting', 'php'];

/**
 * The form is flat: one entry per input, named `${group}__${key}` plus a suffix for the parts
 * of a number (`__amount`, `__unit`, `__unlimited`) or a date (`__date`). Dots would make
 * react-hook-form nest the values.
 *
 * Not yet one editor with the plan form (issue 15): both now share the size conversion
 * (`src/domain/units.ts`: same rounding, same units) and the field-error convention
 * (`domainResolver`, `FieldError`), but each keeps its own form shape and field components —
 * this one sends only the changed keys (a partial `ValuesPatch`, compared input by input) and
 * shows every group at once; the plan form sends whole `Values`, has tabs and "not available to
 * you" marks. The shared editor would be the plan form's nested model (`plan-form-model.ts`)
 * moved to src/ui with a changed-keys diff for Customize.
 */
type FormValues = Record<string, string | boolean>;

const fieldId = (group: string, key: string) => `${group}__${key}`;

/** The input that carries an item's error (where the focus goes when it is invalid). */
function errorField(item: CatalogueItem): string {
  const id = fieldId(item.group, item.key);
  if (item.type === 'size' || item.type === 'count') return `${id}__amount`;
  if (item.type === 'expiration') return `${id}__date`;
  return id;
}

function toForm(values: Values, groups: readonly ValueGroup[]): FormValues {
  const form: FormValues = {};
  for (const group of groups) {
    for (const item of itemsOf(group)) {
      const id = fieldId(group, item.key);
      const value = (values[group] as Record<string, unknown>)[item.key];
      if (item.type === 'size' || item.type === 'count') {
        const n = typeof value === 'number' ? value : 0;
        form[`${id}__unlimited`] = n === UNLIMITED;
        if (item.type === 'size') {
          const parts = n === UNLIMITED ? { amount: '', unit: 'GB' as SizeUnit } : sizeParts(n);
          form[`${id}__amount`] = parts.amount;
          form[`${id}__unit`] = parts.unit;
        } else {
          form[`${id}__amount`] = n === UNLIMITED ? '' : String(n);
        }
      } else if (item.type === 'expiration') {
        form[`${id}__unlimited`] = value === UNLIMITED;
        form[`${id}__date`] = typeof value === 'string' ? value.slice(0, 10) : '';
      } else if (item.type === 'boolean') {
        form[id] = value === true;
      } else {
        form[id] = typeof value === 'string' ? value : '';
      }
    }
  }
  return form;
}

/** A number field's value: -1 when Unlimited, bytes for sizes; what is not a number stays as typed (the schema says why). */
function numberOf(form: FormValues, id: string, item: CatalogueItem): unknown {
  if (item.unlimited && form[`${id}__unlimited`] === true) return UNLIMITED;
  const raw = String(form[`${id}__amount`] ?? '').trim();
  if (raw === '') return undefined;
  const amount = Number(raw.replace(',', '.'));
  if (!Number.isFinite(amount)) return raw;
  if (item.type === 'size') return bytesOf(amount, (form[`${id}__unit`] as SizeUnit) ?? 'MB');
  return amount;
}

/** The form entries of one item (a number has an amount, maybe a unit and an Unlimited box). */
function entriesOf(item: CatalogueItem): string[] {
  const id = fieldId(item.group, item.key);
  if (item.type === 'size') return [`${id}__amount`, `${id}__unit`, `${id}__unlimited`];
  if (item.type === 'count') return [`${id}__amount`, `${id}__unlimited`];
  if (item.type === 'expiration') return [`${id}__date`, `${id}__unlimited`];
  return [id];
}

/**
 * What changed, as the partial values PUT /subscriptions/:id/values takes. An item the user
 * did not touch is left out (comparing inputs, not values, so a size that does not fall on a
 * whole MB is not rounded into a change).
 */
function toPatch(form: FormValues, initial: FormValues, groups: readonly ValueGroup[]): ValuesPatch {
  const patch: Record<string, Record<string, unknown>> = {};
  for (const group of groups) {
    for (const item of itemsOf(group)) {
      if (entriesOf(item).every((name) => form[name] === initial[name])) continue;
      const id = fieldId(group, item.key);
      let value: unknown;
      if (item.type === 'size' || item.type === 'count') value = numberOf(form, id, item);
      else if (item.type === 'expiration') value = form[`${id}__unlimited`] === true ? UNLIMITED : String(form[`${id}__date`] ?? '');
      else value = form[id];
      // A cleared number is "required" for the schema; undefined would silently drop it.
      (patch[group] ??= {})[item.key] = value === undefined ? null : value;
    }
  }
  return patch as ValuesPatch;
}

/** Issues (from the schema or a 422) at the inputs that carry them (codes and params kept). */
function atInputs(issues: readonly ValidationIssue[]): FormIssue[] {
  const out: FormIssue[] = [];
  for (const issue of issues) {
    const [group, key] = issue.path.split('.');
    const item = itemsOf(group as ValueGroup).find((i) => i.key === key);
    if (item) out.push({ ...issue, path: errorField(item) });
  }
  return out;
}

function resolverFor(initial: FormValues, groups: readonly ValueGroup[]) {
  return domainResolver<FormValues>((values) => {
    const result = validate(valuesPatchSchema, toPatch(values, initial, groups));
    return result.ok ? { ok: true, value: values } : { ok: false, issues: atInputs(result.issues) };
  });
}

/**
 * Customize: a form over the catalogue, grouped like the panel's own (Resources, Permissions,
 * Hosting parameters, PHP settings). Saving a plan-based subscription locks it, so the user is
 * warned first.
 */
export function CustomizeForm({ subscription, onDone, onStale }: { subscription: SubscriptionItem; onDone: () => void; onStale: (error: unknown) => void }) {
  const { t } = useTranslation('subscriptions');
  const lang = useLang();
  const customize = useCustomizeSubscription();
  const [pendingPatch, setPendingPatch] = useState<ValuesPatch | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form starts from the values as they were when it opened (a refetch does not reset it).
  const [initial] = useState(() => toForm(subscription.values, VALUE_GROUPS));
  // ...and so does its ETag: a change made meanwhile (another tab) refuses the save with 412
  // instead of being overwritten by values the user never saw.
  const [openedEtag] = useState(subscription.etag);
  const {
    register,
    handleSubmit,
    watch,
    setError,
    setFocus,
    getValues,
    formState: { errors },
  } = useForm<FormValues>({
    defaultValues: initial,
    resolver: resolverFor(initial, VALUE_GROUPS),
  });

  // Entering the form moves the focus to it, so keyboard and screen-reader users land there.
  useEffect(() => headingRef.current?.focus(), []);

  async function save(patch: ValuesPatch) {
    try {
      const saved = await customize.mutateAsync({ id: subscription.id, values: patch, etag: openedEtag });
      setPendingPatch(null);
      announce(t('customize.saved', { domain: subscription.domain, state: t(`syncState.${saved.syncState}`, { ns: 'common' }) }));
      onDone();
    } catch (error) {
      setPendingPatch(null);
      if (error instanceof ApiError && error.isStale) {
        onStale(error);
        return;
      }
      if (error instanceof ApiError && error.problem.issues) {
        // At the field, with what the user typed kept: "at most 500 GB is available".
        const issues = atInputs(error.problem.issues);
        const names = [...new Set(issues.map((issue) => issue.path))];
        for (const name of names)
          setError(
            name,
            issueError(
              issues.find((issue) => issue.path === name)!,
              'server',
            ),
          );
        const first = names[0];
        // A disabled amount (Unlimited ticked) cannot take the focus: its Unlimited box does.
        const unlimitedBox = first?.replace(/__amount$/, '__unlimited');
        if (first) setFocus(unlimitedBox !== first && getValues(unlimitedBox!) === true ? unlimitedBox! : first);
      }
    }
  }

  const onSubmit = handleSubmit((form) => {
    setNotice(null);
    customize.reset();
    const patch = toPatch(form, initial, VALUE_GROUPS);
    if (Object.keys(patch).length === 0) {
      setNotice(t('customize.noChanges'));
      return;
    }
    if (subscription.planId !== null) setPendingPatch(patch);
    else void save(patch);
  });

  const errorCount = Object.keys(errors).length;
  return (
    <section aria-labelledby="customize-title">
      <h2 id="customize-title" ref={headingRef} tabIndex={-1}>
        {t('customize.title', { domain: subscription.domain })}
      </h2>
      <p className="muted">{t('customize.intro')}</p>
      {subscription.planId !== null ? <p className="notice">{t('customize.lockWarning')}</p> : null}
      <form className="form customize-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        {errorCount > 0 ? (
          <p className="state state--error" role="alert">
            {t('customize.invalid')}
          </p>
        ) : null}
        {customize.isError && !(customize.error instanceof ApiError && (customize.error.isStale || customize.error.problem.issues)) ? (
          <p className="state state--error" role="alert">
            {t('customize.failed', { detail: errorText(customize.error) })}
          </p>
        ) : null}
        {notice ? (
          <p className="muted" role="status">
            {notice}
          </p>
        ) : null}
        {VALUE_GROUPS.map((group) => (
          <fieldset key={group} className="card">
            <legend>
              <strong>{t(`customize.groups.${group}`)}</strong>
            </legend>
            {itemsOf(group).map((item) => (
              <CatalogueField key={item.key} item={item} register={register} watch={watch} errors={errors} lang={lang} />
            ))}
          </fieldset>
        ))}
        <div className="form__actions">
          <BusyButton type="submit" className="button button--primary" busy={customize.isPending}>
            {t('actions.save')}
          </BusyButton>
          <button type="button" className="button" onClick={onDone}>
            {t('actions.cancel')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        title={t('customize.confirmTitle')}
        isOpen={pendingPatch !== null}
        onOpenChange={(open) => !open && setPendingPatch(null)}
        onConfirm={() => pendingPatch && void save(pendingPatch)}
        confirmLabel={t('customize.confirm')}
        isPending={customize.isPending}
      >
        <p>{t(subscription.locked ? 'customize.confirmBodyLocked' : 'customize.confirmBody', { domain: subscription.domain })}</p>
      </ConfirmDialog>
    </section>
  );
}

function CatalogueField({
  item,
  register,
  watch,
  errors,
  lang,
}: {
  item: CatalogueItem;
  register: UseFormRegister<FormValues>;
  watch: (name: string) => string | boolean;
  errors: FieldErrors<FormValues>;
  lang: Lang;
}) {
  const { t } = useTranslation('subscriptions');
  const id = fieldId(item.group, item.key);
  const label = item.label[lang];
  const fieldError = errors[errorField(item)];
  const error = errorSentence(fieldError, lang);
  const errorId = `${id}-error`;
  const errorNode = <FieldError id={errorId} error={fieldError} />;
  const invalid = error ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};

  if (item.type === 'boolean') {
    return (
      <div className="field">
        <label>
          <input type="checkbox" {...register(id)} {...invalid} /> {label}
        </label>
        {errorNode}
      </div>
    );
  }
  if (item.type === 'enum') {
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select id={id} {...register(id)} {...invalid}>
          {(item.options ?? []).map((o) => (
            <option key={o} value={o}>
              {item.key === 'overuse' ? overusePolicyLabel(o, lang) : o}
            </option>
          ))}
        </select>
        {errorNode}
      </div>
    );
  }
  if (item.type === 'text') {
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="text" spellCheck={false} {...register(id)} {...invalid} />
        {errorNode}
      </div>
    );
  }
  const unlimitedName = `${id}__unlimited`;
  const unlimited = item.unlimited && watch(unlimitedName) === true;
  const unlimitedBox = item.unlimited ? (
    <label>
      <input type="checkbox" aria-label={t('customize.unlimitedFor', { label })} {...register(unlimitedName)} {...(unlimited ? invalid : {})} />{' '}
      {t('unlimited')}
    </label>
  ) : null;
  if (item.type === 'expiration') {
    const dateId = `${id}__date`;
    return (
      <div className="field">
        <label htmlFor={dateId}>{label}</label>
        <div className="toolbar">
          <input id={dateId} type="date" disabled={unlimited} {...register(dateId)} {...invalid} />
          {unlimitedBox}
        </div>
        {errorNode}
      </div>
    );
  }
  const amountId = `${id}__amount`;
  return (
    <div className="field">
      <label htmlFor={amountId}>{label}</label>
      <div className="toolbar">
        <input id={amountId} type="number" min={0} step="any" inputMode="decimal" disabled={unlimited} {...register(amountId)} {...invalid} />
        {item.type === 'size' ? (
          <select aria-label={t('customize.unit', { label })} disabled={unlimited} {...register(`${id}__unit`)}>
            {SIZE_UNITS.map((u) => (
              <option key={u} value={u}>
                {unitLabel(u, lang)}
              </option>
            ))}
          </select>
        ) : null}
        {unlimitedBox}
      </div>
      {errorNode}
    </div>
  );
}
