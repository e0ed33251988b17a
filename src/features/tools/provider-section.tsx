import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { findCatalogueItem } from '../../domain/catalogue';
import { PERMISSION_KEYS, RESELLER_PERMISSION_KEYS, NUMERIC_RESOURCE_KEYS, RESELLER_LIMIT_KEYS, UNLIMITED } from '../../domain/types';
import { useReseller } from '../../api/reseller';
import { useProviderPatch } from '../../api/mock-tools';
import { announce } from '../../ui/announcer';
import { ErrorState, LoadingState, errorText } from '../../ui/query-state';
import { useLang } from '../../ui/use-lang';
import { BusyButton } from '../../ui/busy-button';
import { TableRegion } from '../../ui/table-region';

const LIMIT_KEYS = [...RESELLER_LIMIT_KEYS, ...NUMERIC_RESOURCE_KEYS] as const;
const PERMISSIONS = [...RESELLER_PERMISSION_KEYS.filter((k) => k !== 'allow_oversell'), ...PERMISSION_KEYS] as const;
const MB = 1024 * 1024;

function itemFor(key: string) {
  return findCatalogueItem('reseller', key) ?? findCatalogueItem('resources', key) ?? findCatalogueItem('permissions', key);
}

type LimitDraft = { unlimited: boolean; amount: string };

/**
 * The hosting provider simulator: grants or takes away the reseller's permissions and limits,
 * toggles overselling — so "ask your provider for access" can be reproduced end to end.
 */
export function ProviderSection() {
  const { t } = useTranslation('tools');
  const lang = useLang();
  const headingId = useId();
  const reseller = useReseller();
  const patch = useProviderPatch();
  const [permissions, setPermissions] = useState<Record<string, boolean>>({});
  const [limits, setLimits] = useState<Record<string, LimitDraft>>({});
  const [oversell, setOversell] = useState(false);
  const [invalid, setInvalid] = useState<string[]>([]);
  // Drafts follow the reseller (after a save, another tab's change) until the user edits them.
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    const r = reseller.data;
    if (!r || dirty) return;
    setPermissions({ ...r.permissions });
    setOversell(r.oversell);
    const next: Record<string, LimitDraft> = {};
    for (const key of LIMIT_KEYS) {
      const value = r.limits[key];
      const isSize = itemFor(key)?.type === 'size';
      next[key] = value === UNLIMITED ? { unlimited: true, amount: '' } : { unlimited: false, amount: String(isSize ? Math.round(value / MB) : value) };
    }
    setLimits(next);
  }, [reseller.data, dirty]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const bad: string[] = [];
    const outLimits: Record<string, number> = {};
    for (const key of LIMIT_KEYS) {
      const draft = limits[key];
      if (!draft) continue;
      if (draft.unlimited) {
        outLimits[key] = UNLIMITED;
        continue;
      }
      // Digits only: "1e3" or "1.0" are numbers to JavaScript, not whole amounts to a person.
      const text = draft.amount.trim();
      const n = Number(text);
      if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) {
        bad.push(key);
        continue;
      }
      outLimits[key] = itemFor(key)?.type === 'size' ? n * MB : n;
    }
    setInvalid(bad);
    if (bad.length) return;
    patch.mutate(
      { limits: outLimits, permissions, oversell },
      {
        onSuccess: () => {
          setDirty(false);
          announce(t('provider.saved'));
        },
      },
    );
  }

  if (reseller.isPending) return <LoadingState />;
  if (reseller.isError) return <ErrorState error={reseller.error} onRetry={() => void reseller.refetch()} />;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('provider.heading')}</h2>
      <p className="muted">{t('provider.intro')}</p>
      <form onSubmit={onSubmit} onChange={() => setDirty(true)} noValidate>
        <fieldset className="fieldset">
          <legend>{t('provider.oversellLegend')}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={oversell} onChange={(e) => setOversell(e.target.checked)} />
            {itemFor('allow_oversell')?.label[lang] ?? 'allow_oversell'}
          </label>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('provider.permissionsLegend')}</legend>
          <div className="checkbox-grid">
            {PERMISSIONS.map((key) => (
              <label key={key} className="checkbox">
                <input type="checkbox" checked={permissions[key] ?? false} onChange={(e) => setPermissions((p) => ({ ...p, [key]: e.target.checked }))} />
                {itemFor(key)?.label[lang] ?? key}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('provider.limitsLegend')}</legend>
          <TableRegion label={t('provider.limitsLegend')}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('provider.limit')}</th>
                  <th scope="col">{t('provider.amount')}</th>
                  <th scope="col">{t('provider.unlimited')}</th>
                </tr>
              </thead>
              <tbody>
                {LIMIT_KEYS.map((key) => {
                  const item = itemFor(key);
                  const label = item?.label[lang] ?? key;
                  const draft = limits[key] ?? { unlimited: false, amount: '' };
                  const isInvalid = invalid.includes(key);
                  const unit = item?.type === 'size' ? t('provider.mb') : '';
                  return (
                    <tr key={key}>
                      <th scope="row" id={`limit-${key}`}>
                        {label}
                      </th>
                      <td>
                        <input
                          aria-label={unit ? `${label} (${unit})` : label}
                          inputMode="numeric"
                          value={draft.amount}
                          disabled={draft.unlimited}
                          aria-invalid={isInvalid || undefined}
                          aria-describedby={isInvalid ? `limit-${key}-error` : undefined}
                          onChange={(e) => setLimits((l) => ({ ...l, [key]: { ...draft, amount: e.target.value } }))}
                        />{' '}
                        {unit}
                        {isInvalid ? (
                          <p className="field-error" id={`limit-${key}-error`}>
                            {t('provider.invalidAmount')}
                          </p>
                        ) : null}
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('provider.unlimitedFor', { label })}
                          checked={draft.unlimited}
                          onChange={(e) => setLimits((l) => ({ ...l, [key]: { ...draft, unlimited: e.target.checked } }))}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
        </fieldset>
        {patch.error ? (
          <p className="field-error" role="alert">
            {errorText(patch.error)}
          </p>
        ) : null}
        <div className="form__actions">
          <BusyButton type="submit" className="button button--primary" busy={patch.isPending}>
            {t('provider.apply')}
          </BusyButton>
        </div>
      </form>
    </section>
  );
}
