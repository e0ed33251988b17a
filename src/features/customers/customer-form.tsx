import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES, customerCreateSchema, customerPatchSchema, validate } from '../../domain/schemas';
import { domainResolver, textError, type Checked } from '../../ui/field-error';
import type { Lang } from '../../domain/format';
import type { CustomerInput, CustomerItem } from '../../api/customers';
import { ApiError, type Problem } from '../../api/http';
import { applyServerErrors, SelectField, TextField } from '../../ui/form-field';
import { errorText } from '../../ui/query-state';
import { useLang } from '../../ui/use-lang';
import { BusyButton } from '../../ui/busy-button';
import { ReloadRecordDialog } from '../../ui/dialog';

/** What the form holds: every field as the text the user typed. */
export interface CustomerFormValues {
  contactName: string;
  companyName: string;
  email: string;
  login: string;
  password: string;
  phone: string;
  address: string;
  city: string;
  postalCode: string;
  country: string;
}

export const CUSTOMER_FIELDS = [
  'contactName',
  'companyName',
  'email',
  'login',
  'password',
  'phone',
  'address',
  'city',
  'postalCode',
  'country',
] as const satisfies readonly (keyof CustomerFormValues)[];

type FieldName = (typeof CUSTOMER_FIELDS)[number];

export const EMPTY_CUSTOMER: CustomerFormValues = {
  contactName: '',
  companyName: '',
  email: '',
  login: '',
  password: '',
  phone: '',
  address: '',
  city: '',
  postalCode: '',
  country: '',
};

export function formValuesOf(customer: CustomerItem): CustomerFormValues {
  return {
    contactName: customer.contactName,
    companyName: customer.companyName ?? '',
    email: customer.email ?? '',
    login: customer.login,
    password: '',
    phone: customer.phone ?? '',
    address: customer.address ?? '',
    city: customer.city ?? '',
    postalCode: customer.postalCode ?? '',
    country: customer.country ?? '',
  };
}

/** The domain's schema decides; on edit an empty password means "keep the current one", so it is not validated or sent. */
const createResolver = domainResolver<CustomerFormValues>((values) => validate(customerCreateSchema, values) as Checked<CustomerFormValues>);
const editResolver = domainResolver<CustomerFormValues>((values) => {
  const { password, ...rest } = values;
  return validate(customerPatchSchema, password === '' ? rest : values) as Checked<CustomerFormValues>;
});

function isLoginTaken(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 409) return false;
  return (error.problem.issues ?? []).some((i) => i.path === 'login') || 'login' in (error.problem.errors ?? {});
}

/** 409 `limit-reached`: the reseller's allocation of customer accounts (max_cl) is used up. */
function isLimitReached(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && (error.problem.type ?? '').endsWith('/limit-reached');
}

function countryOptions(lang: Lang): { code: string; name: string }[] {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([lang], { type: 'region' });
  } catch {
    names = undefined;
  }
  return COUNTRY_CODES.map((code) => ({ code, name: names?.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, lang));
}

/**
 * The customer form (SPEC §5 labels), for Add Customer and Edit. Errors show at the field;
 * what the user typed stays on error; a failed save says what failed in role=alert. `onSave`
 * gets the validated values (on edit: only the changed fields) and throws the API's error.
 */
export function CustomerForm({
  mode,
  defaultValues,
  onSave,
  onCancel,
  onReload,
  autoFocus = false,
}: {
  mode: 'create' | 'edit';
  /** Focus the first field on open (Edit opens the form in place of the details). */
  autoFocus?: boolean;
  defaultValues: CustomerFormValues;
  onSave: (input: Partial<CustomerInput>) => Promise<void>;
  onCancel: () => void;
  /** Offered after a 412: fetches the record again and returns its values to edit. */
  onReload?: () => Promise<CustomerFormValues | undefined>;
}) {
  const { t } = useTranslation('customers');
  const lang = useLang();
  const [failure, setFailure] = useState<{ message: string; stale: boolean } | null>(null);
  const countries = useMemo(() => countryOptions(lang), [lang]);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting, dirtyFields, isDirty },
  } = useForm<CustomerFormValues, unknown, CustomerFormValues>({
    defaultValues,
    resolver: mode === 'create' ? createResolver : editResolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });

  useEffect(() => {
    if (autoFocus) setFocus('contactName');
  }, [autoFocus, setFocus]);

  const failedMessage = (detail: string) => t(mode === 'create' ? 'form.createFailed' : 'form.saveFailed', { detail });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    let input: Partial<CustomerInput> = values;
    if (mode === 'edit') {
      // PATCH merges: send only what changed, so another tab's edits to other fields survive.
      input = Object.fromEntries(CUSTOMER_FIELDS.filter((f) => dirtyFields[f] && (f !== 'password' || values.password)).map((f) => [f, values[f]]));
    }
    try {
      await onSave(input);
    } catch (error) {
      if (isLoginTaken(error)) {
        setError('login', textError(t('form.loginTaken', { login: values.login })));
        setFailure({ message: failedMessage(t('form.fixErrors', { count: 1 })), stale: false });
        setFocus('login');
        return;
      }
      if (error instanceof ApiError && error.status === 422 && applyServerErrors(error, setError, CUSTOMER_FIELDS)) {
        const count = new Set((error.problem.issues ?? []).map((i) => i.path.split('.')[0])).size || 1;
        setFailure({ message: failedMessage(t('form.fixErrors', { count })), stale: false });
        return;
      }
      if (error instanceof ApiError && error.isStale) {
        setFailure({ message: t('common:errors.stale'), stale: true });
        return;
      }
      if (mode === 'create' && isLimitReached(error)) {
        // The problem names the allocation (SPEC §1.4); say it in the interface language.
        const { allocated } = (error as ApiError).problem as Problem & { allocated?: unknown };
        const message = typeof allocated === 'number' ? t('form.limitReached', { count: allocated }) : failedMessage(errorText(error));
        setFailure({ message, stale: false });
        return;
      }
      setFailure({ message: failedMessage(errorText(error)), stale: false });
    }
  });

  // "Reload record" replaces the form with the saved record: never what the user typed unasked.
  const [confirmReload, setConfirmReload] = useState(false);
  async function reload() {
    setConfirmReload(false);
    const fresh = await onReload?.();
    if (fresh) reset(fresh);
    setFailure(null);
  }

  const field = (name: FieldName) => ({ ...register(name), error: errors[name] });

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={isSubmitting}>
      <p className="field-hint">{t(mode === 'create' ? 'form.required' : 'form.requiredEdit')}</p>
      <TextField label={t('fields.contactName')} autoComplete="name" aria-required="true" {...field('contactName')} />
      <TextField label={t('fields.companyName')} autoComplete="organization" {...field('companyName')} />
      <TextField label={t('fields.email')} type="email" autoComplete="email" {...field('email')} />
      {/* Not "username": the browser must not offer the reseller's own login here. */}
      <TextField label={t('fields.login')} autoComplete="off" spellCheck={false} autoCapitalize="none" aria-required="true" {...field('login')} />
      <TextField
        label={t('fields.password')}
        type="password"
        autoComplete="new-password"
        aria-required={mode === 'create' ? 'true' : undefined}
        hint={t(mode === 'create' ? 'form.passwordHint' : 'form.passwordEditHint')}
        {...field('password')}
      />
      <TextField label={t('fields.phone')} type="tel" autoComplete="tel" {...field('phone')} />
      <TextField label={t('fields.address')} autoComplete="street-address" {...field('address')} />
      <TextField label={t('fields.city')} autoComplete="address-level2" {...field('city')} />
      <TextField label={t('fields.postalCode')} autoComplete="postal-code" {...field('postalCode')} />
      <SelectField label={t('fields.country')} autoComplete="country" {...field('country')}>
        <option value="">{t('form.noCountry')}</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      {failure ? (
        <div className="notice" role="alert">
          <p>{failure.message}</p>
          {failure.stale && onReload ? (
            <button type="button" className="button" onClick={() => (isDirty ? setConfirmReload(true) : void reload())}>
              {t('common:errors.reloadRecord')}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="form__actions">
        <BusyButton type="submit" className="button button--primary" busy={isSubmitting}>
          {t(mode === 'create' ? 'actions.ok' : 'actions.save')}
        </BusyButton>
        <button type="button" className="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
      <ReloadRecordDialog isOpen={confirmReload} onOpenChange={setConfirmReload} onReload={() => void reload()} />
    </form>
  );
}
