import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { labelOf, type CatalogueGroup } from '../../domain/catalogue';
import { formatBoolean, formatValue, type Lang } from '../../domain/format';
import { NUMERIC_RESOURCE_KEYS, PERMISSION_KEYS, RESELLER_LIMIT_KEYS } from '../../domain/types';
import { useReseller, type ResellerView, type UsageRow } from '../../api/reseller';
import { Page } from '../../ui/page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/query-state';
import { useLang } from '../../ui/use-lang';
import { UsageMeter } from '../../ui/usage-meter';
import { TableRegion } from '../../ui/table-region';

const LIMITS: ReadonlyArray<{ group: CatalogueGroup; key: string }> = [
  ...RESELLER_LIMIT_KEYS.map((key) => ({ group: 'reseller' as const, key })),
  ...NUMERIC_RESOURCE_KEYS.map((key) => ({ group: 'resources' as const, key })),
];
const PERMISSIONS: ReadonlyArray<{ group: CatalogueGroup; key: string }> = [
  { group: 'reseller', key: 'create_clients' },
  ...PERMISSION_KEYS.map((key) => ({ group: 'permissions' as const, key })),
];

/**
 * Home > Overview of my resources and permissions (SPEC §1.4): what the hosting provider gave
 * the reseller, what its subscriptions use, what is left; its permissions, oversell, IP pool.
 */
export function ResourcesPage() {
  const { t } = useTranslation('home');
  const reseller = useReseller();
  return (
    <Page title={t('resources.title')} description={<p>{t('resources.intro')}</p>}>
      {reseller.isPending ? (
        <LoadingState />
      ) : reseller.isError ? (
        <ErrorState error={reseller.error} onRetry={() => void reseller.refetch()} />
      ) : (
        <Overview reseller={reseller.data} />
      )}
      <p>
        <Link to="/">{t('resources.backHome')}</Link>
      </p>
    </Page>
  );
}

function Overview({ reseller }: { reseller: ResellerView }) {
  const { t } = useTranslation('home');
  const lang = useLang();
  return (
    <>
      <section aria-labelledby="resources-limits">
        <h2 id="resources-limits">{t('resources.limits')}</h2>
        <TableRegion label={t('resources.limits')}>
          <table className="data-table">
            <caption className="visually-hidden">{t('resources.limits')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('resources.columns.resource')}</th>
                <th scope="col" className="num">
                  {t('resources.columns.limit')}
                </th>
                <th scope="col" className="num">
                  {t('resources.columns.allocated')}
                </th>
                <th scope="col" className="num">
                  {t('resources.columns.used')}
                </th>
                <th scope="col" className="num">
                  {t('resources.columns.remaining')}
                </th>
                <th scope="col">{t('resources.columns.usage')}</th>
              </tr>
            </thead>
            <tbody>
              {LIMITS.map(({ group, key }) => (
                <LimitRow
                  key={key}
                  group={group}
                  k={key}
                  row={(reseller.usage as Record<string, UsageRow | undefined>)[key]}
                  fallbackAllocated={(reseller.limits as Record<string, number>)[key]}
                  lang={lang}
                />
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>

      <section aria-labelledby="resources-permissions">
        <h2 id="resources-permissions">{t('resources.permissions')}</h2>
        <TableRegion label={t('resources.permissions')}>
          <table className="data-table">
            <caption className="visually-hidden">{t('resources.permissions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('resources.columns.permission')}</th>
                <th scope="col">{t('resources.columns.state')}</th>
              </tr>
            </thead>
            <tbody>
              {PERMISSIONS.map(({ group, key }) => {
                const on = Boolean((reseller.permissions as Record<string, boolean>)[key]);
                return (
                  <tr key={key}>
                    <th scope="row">{labelOf(group, key, lang)}</th>
                    <td>
                      <span className={on ? 'badge badge--synced' : 'badge badge--custom'}>{formatBoolean(on, lang)}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      </section>

      <section aria-labelledby="resources-oversell">
        <h2 id="resources-oversell">{labelOf('reseller', 'allow_oversell', lang)}</h2>
        <p>
          <span className={reseller.oversell ? 'badge badge--synced' : 'badge badge--custom'}>{formatBoolean(reseller.oversell, lang)}</span>{' '}
          {reseller.oversell ? t('resources.oversellOn') : t('resources.oversellOff')}
        </p>
      </section>

      <section aria-labelledby="resources-ips">
        <h2 id="resources-ips">{t('resources.ipPool')}</h2>
        {reseller.ipPool.length === 0 ? (
          <EmptyState>{t('resources.noIps')}</EmptyState>
        ) : (
          <TableRegion label={t('resources.ipPool')}>
            <table className="data-table">
              <caption className="visually-hidden">{t('resources.ipPool')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('resources.columns.address')}</th>
                  <th scope="col">{t('resources.columns.type')}</th>
                </tr>
              </thead>
              <tbody>
                {reseller.ipPool.map((ip) => (
                  <tr key={ip.address}>
                    <th scope="row">{ip.address}</th>
                    <td>{t(`resources.ipType.${ip.type}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </>
  );
}

function LimitRow({
  group,
  k,
  row,
  fallbackAllocated,
  lang,
}: {
  group: CatalogueGroup;
  k: string;
  row: UsageRow | undefined;
  fallbackAllocated: number | undefined;
  lang: Lang;
}) {
  const { t } = useTranslation('home');
  const label = labelOf(group, k, lang);
  const format = (value: number | undefined) => (value === undefined ? '—' : formatValue(group, k, value, lang));
  const limit = row?.limit ?? fallbackAllocated;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{format(limit)}</td>
      <td className="num">{format(row?.allocated)}</td>
      <td className="num">{format(row?.used)}</td>
      <td className="num">{format(row?.remaining)}</td>
      <td>
        {row && row.limit === -1 ? (
          <span className="muted">{t('resources.noLimit')}</span>
        ) : row ? (
          <UsageMeter
            label={t('resources.meterLabel', { label })}
            used={row.used}
            allocated={row.limit}
            valueText={t('resources.meterText', { used: format(row.used), allocated: format(row.limit) })}
          />
        ) : null}
      </td>
    </tr>
  );
}
