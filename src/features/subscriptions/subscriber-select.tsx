import { REQUEST_LIMITS } from '../../domain/limits';
import { useDeferredValue, useState, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { customerQuery, useCustomers } from '../../api/customers';
import { useReseller } from '../../api/reseller';
import { SelectField, TextField } from '../../ui/form-field';
import { ErrorState } from '../../ui/query-state';

/** The value of the reseller's own choice in a subscriber select (the API's `ownerId: null`). */
export const RESELLER_OWNER = '';

/** The most customers one select lists; beyond that a filter box narrows the list. */
const OPTION_LIMIT = 200;

/**
 * "Subscriber": the reseller itself or one of its customers. A reseller with thousands of
 * customers gets a filter box above the select (a native select stays the simplest control to
 * use with a keyboard, a screen reader or a test).
 */
export function SubscriberSelect({
  value,
  error,
  hint,
  ...select
}: { value: string; error?: unknown; hint?: string } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'children'>) {
  const { t } = useTranslation('subscriptions');
  const [filter, setFilter] = useState('');
  const q = useDeferredValue(filter.trim());
  const reseller = useReseller();
  const customers = useCustomers({ q, pageSize: OPTION_LIMIT });
  // The chosen customer may not be among the listed ones (filtered out, or beyond the limit).
  const chosen = useQuery({ ...customerQuery(value), enabled: value !== RESELLER_OWNER });
  const items = customers.data?.items ?? [];
  const many = (customers.data?.total ?? 0) > OPTION_LIMIT || q !== '';
  const chosenMissing = value !== RESELLER_OWNER && chosen.data && !items.some((c) => c.id === value);
  const resellerName = reseller.data?.name;
  return (
    <>
      {many ? (
        <TextField
          label={t('form.subscriberFilter')}
          hint={t('form.subscriberFilterHint')}
          type="search"
          maxLength={REQUEST_LIMITS.searchText}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      ) : null}
      {/* Without this, a failed load would silently offer only the reseller itself. */}
      {customers.isError ? <ErrorState error={customers.error} onRetry={() => void customers.refetch()} /> : null}
      <SelectField label={t('form.subscriber')} error={error} hint={hint} value={value} {...select}>
        <option value={RESELLER_OWNER}>{resellerName ? t('reseller', { name: resellerName }) : t('resellerFallback')}</option>
        {chosenMissing && chosen.data ? <option value={chosen.data.id}>{customerLabel(chosen.data)}</option> : null}
        {value !== RESELLER_OWNER && !chosen.data && !items.some((c) => c.id === value) ? <option value={value}>{value}</option> : null}
        {items.map((c) => (
          <option key={c.id} value={c.id}>
            {customerLabel(c)}
          </option>
        ))}
      </SelectField>
    </>
  );
}

function customerLabel(c: { contactName: string; companyName: string; login: string }): string {
  return c.companyName ? `${c.contactName} (${c.companyName})` : `${c.contactName} (${c.login})`;
}
