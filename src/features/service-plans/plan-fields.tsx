/**
 * The plan page's fields, one per catalogue item: each labelled with the catalogue's label in
 * the interface language, its error next to it, and a "not available to you" mark when the
 * reseller cannot give what the plan offers (shown before saving, as the user types).
 */
import { useId } from 'react';
import { get, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { overusePolicyLabel } from '../../domain/overuse';
import { catalogueItem, type CatalogueGroup } from '../../domain/catalogue';
import { formatValue, type Lang } from '../../domain/format';
import { errorSentence, FieldError } from '../../ui/field-error';
import type { NumericResourceKey, PermissionKey, PhpKey } from '../../domain/types';
import { SelectField, TextField } from '../../ui/form-field';
import { useLang } from '../../ui/use-lang';
import { SIZE_UNITS, unitLabel } from '../../domain/units';
import { isSize, type LackingItem, type PlanFormValues } from './plan-form-model';

export interface PlanFieldProps {
  form: UseFormReturn<PlanFormValues>;
  lacking: ReadonlyMap<string, LackingItem>;
}

function label(group: CatalogueGroup, key: string, lang: Lang) {
  return catalogueItem(group, key).label[lang];
}

/** "Not available to you", with what the reseller can give when it is a number. */
function LackingNote({ id, item, lang }: { id: string; item: LackingItem; lang: Lang }) {
  const { t } = useTranslation('plans');
  return (
    <p className="field-hint" id={id}>
      <span className="badge badge--unsynced">{t('edit.notAvailable')}</span>{' '}
      {typeof item.availableValue === 'number' ? t('edit.atMost', { value: formatValue(item.group, item.key, item.availableValue, lang) }) : null}
    </p>
  );
}

const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || undefined;

/** A numeric resource: amount (with a unit for sizes) and an Unlimited checkbox. */
export function AmountField({ form, lacking, k }: PlanFieldProps & { k: NumericResourceKey }) {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const id = useId();
  const text = label('resources', k, lang);
  const unlimited = useWatch({ control: form.control, name: `resources.${k}.unlimited` });
  const fieldError: unknown = get(form.formState.errors, `resources.${k}.amount`);
  const error = errorSentence(fieldError, lang);
  const lack = lacking.get(`resources.${k}`);
  const size = isSize(k);
  return (
    <div className="field">
      <label htmlFor={`${id}-amount`}>{text}</label>
      <div className="page__actions">
        <input
          id={`${id}-amount`}
          inputMode={size ? 'decimal' : 'numeric'}
          autoComplete="off"
          size={10}
          disabled={unlimited}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(lack && `${id}-lack`, error && `${id}-error`)}
          {...form.register(`resources.${k}.amount`)}
        />
        {size ? (
          <select aria-label={t('fields.unitOf', { label: text })} disabled={unlimited} {...form.register(`resources.${k}.unit`)}>
            {SIZE_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unitLabel(unit, lang)}
              </option>
            ))}
          </select>
        ) : null}
        <label>
          {/* Named after its field: a page of "Unlimited" boxes must say which one is which. */}
          <input type="checkbox" aria-label={t('fields.unlimitedFor', { label: text })} {...form.register(`resources.${k}.unlimited`)} />{' '}
          {t('fields.unlimited')}
        </label>
      </div>
      {lack ? <LackingNote id={`${id}-lack`} item={lack} lang={lang} /> : null}
      <FieldError id={`${id}-error`} error={fieldError} />
    </div>
  );
}

/** Expiration: a date or Unlimited. */
export function ExpirationField({ form }: PlanFieldProps) {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const id = useId();
  const text = label('resources', 'expiration', lang);
  const unlimited = useWatch({ control: form.control, name: 'resources.expiration.unlimited' });
  const fieldError: unknown = get(form.formState.errors, 'resources.expiration.date');
  const error = errorSentence(fieldError, lang);
  return (
    <div className="field">
      <label htmlFor={`${id}-date`}>{text}</label>
      <div className="page__actions">
        <input
          id={`${id}-date`}
          type="date"
          disabled={unlimited}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...form.register('resources.expiration.date')}
        />
        <label>
          <input type="checkbox" aria-label={t('fields.unlimitedFor', { label: text })} {...form.register('resources.expiration.unlimited')} />{' '}
          {t('fields.unlimited')}
        </label>
      </div>
      <FieldError id={`${id}-error`} error={fieldError} />
    </div>
  );
}

/** A boolean (permission or hosting flag) as a labelled checkbox. */
export function FlagField({ form, lacking, group, k }: PlanFieldProps & { group: 'permissions' | 'hosting'; k: string }) {
  const lang = useLang();
  const id = useId();
  const lack = lacking.get(`${group}.${k}`);
  const name = `${group}.${k}` as `permissions.${PermissionKey}`;
  return (
    <div className="field">
      <div className="plan-check">
        <input id={id} type="checkbox" aria-describedby={lack ? `${id}-lack` : undefined} {...form.register(name)} />
        <label htmlFor={id}>{label(group, k, lang)}</label>
      </div>
      {lack ? <LackingNote id={`${id}-lack`} item={lack} lang={lang} /> : null}
    </div>
  );
}

/** Option labels of the catalogue's enums (PHP handlers read as their version and mode). */
function useOptionLabel() {
  const { t } = useTranslation('plans');
  const lang = useLang();
  return (key: string, option: string) => {
    // One set of overuse policy labels, Plesk's, shared with the subscription page (domain).
    if (key === 'overuse') return overusePolicyLabel(option, lang);
    if (key === 'php_handler_id') {
      const match = /^plesk-php(\d)(\d+)-(\w+)$/.exec(option);
      if (match) return t('options.phpHandler', { version: `${match[1]}.${match[2]}`, mode: t(`options.phpMode.${match[3]}`, { defaultValue: match[3] }) });
      return option;
    }
    return t(`options.${key}.${option}`, { defaultValue: option });
  };
}

/** An enum (overuse policy, PHP handler, web statistics, SSH shell) as a select. */
export function EnumField({ form, group, k }: PlanFieldProps & { group: 'resources' | 'hosting'; k: string }) {
  const lang = useLang();
  const optionLabel = useOptionLabel();
  const item = catalogueItem(group, k);
  const name = `${group}.${k}` as 'hosting.webstat';
  return (
    <SelectField label={item.label[lang]} {...form.register(name)}>
      {(item.options ?? []).map((option) => (
        <option key={option} value={option}>
          {optionLabel(k, option)}
        </option>
      ))}
    </SelectField>
  );
}

/** A PHP directive, as text (128M, 30…). */
export function PhpField({ form, k }: PlanFieldProps & { k: PhpKey }) {
  const lang = useLang();
  return <TextField label={label('php', k, lang)} autoComplete="off" error={get(form.formState.errors, `php.${k}`)} {...form.register(`php.${k}`)} />;
}
