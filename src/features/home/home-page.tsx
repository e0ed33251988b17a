import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../domain/catalogue';
import { formatCount } from '../../domain/format';
import { useReseller, type UsageRow } from '../../api/reseller';
import { usePlans } from '../../api/service-plans';
import { useSubscriptions } from '../../api/subscriptions';
import { Page } from '../../ui/page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/query-state';
import { useLang } from '../../ui/use-lang';
import { UsageMeter } from '../../ui/usage-meter';
import './home.css';

const RECENT_PLANS = 5;

/** Home: the reseller's dashboard — what it has used of its allocation and what needs attention. */
export function HomePage() {
  const { t } = useTranslation('home');
  const reseller = useReseller();
  return (
    <Page title={t('home.title')}>
      {reseller.isPending ? (
        <LoadingState />
      ) : reseller.isError ? (
        <ErrorState error={reseller.error} onRetry={() => void reseller.refetch()} />
      ) : (
        <>
          <p>{t('home.welcome', { name: reseller.data.name })}</p>
          <div className="grid-2">
            <AllocationCard limit="max_dom" row={reseller.data.usage.max_dom} to="/subscriptions" linkText={t('home.allSubscriptions')} />
            <AllocationCard limit="max_cl" row={reseller.data.usage.max_cl} to="/customers" linkText={t('home.allCustomers')} />
            <AttentionCard />
          </div>
        </>
      )}
      <p>
        <Link to="/resources">{t('resources.title')}</Link>
      </p>
      <RecentPlans />
    </Page>
  );
}

function AllocationCard({ limit, row, to, linkText }: { limit: 'max_dom' | 'max_cl'; row: UsageRow | undefined; to: string; linkText: string }) {
  const { t } = useTranslation('home');
  const lang = useLang();
  const label = labelOf('reseller', limit, lang);
  const headingId = `home-${limit}`;
  if (!row) return null;
  const used = formatCount(row.used, lang);
  const allocated = formatCount(row.limit, lang);
  const text = t('home.usedOf', { used, allocated });
  return (
    <section className="card home-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{label}</h2>
      <p className="stat">{used}</p>
      <p>{text}</p>
      <UsageMeter label={t('home.meterLabel', { label })} used={row.used} allocated={row.limit} valueText={text} />
      <p>
        <Link to={to}>{linkText}</Link>
      </p>
    </section>
  );
}

/** Subscriptions that need the reseller: Unsynced ones lack something their plan offers. */
function AttentionCard() {
  const { t } = useTranslation('home');
  const lang = useLang();
  const unsynced = useSubscriptions({ sync: 'unsynced', pageSize: 1 });
  const locked = useSubscriptions({ sync: 'locked', pageSize: 1 });
  return (
    <section className="card home-card" aria-labelledby="home-attention">
      <h2 id="home-attention">{t('home.attention')}</h2>
      {unsynced.isPending || locked.isPending ? (
        <LoadingState />
      ) : unsynced.isError || locked.isError ? (
        <ErrorState
          error={unsynced.error ?? locked.error}
          onRetry={() => {
            void unsynced.refetch();
            void locked.refetch();
          }}
        />
      ) : (
        // Paragraphs, not a tight list: each link keeps a comfortable target (WCAG 2.5.8).
        <>
          <p>
            {unsynced.data.total > 0 ? (
              <Link to="/subscriptions?sync=unsynced">{t('home.unsynced', { count: unsynced.data.total, n: formatCount(unsynced.data.total, lang) })}</Link>
            ) : (
              t('home.unsynced', { count: 0, n: formatCount(0, lang) })
            )}
          </p>
          <p>
            {locked.data.total > 0 ? (
              <Link to="/subscriptions?sync=locked">{t('home.locked', { count: locked.data.total, n: formatCount(locked.data.total, lang) })}</Link>
            ) : (
              t('home.locked', { count: 0, n: formatCount(0, lang) })
            )}
          </p>
        </>
      )}
    </section>
  );
}

/** The hosting plans most in use, as a way into them. */
function RecentPlans() {
  const { t } = useTranslation('home');
  const lang = useLang();
  const plans = usePlans({ kind: 'hosting' });
  return (
    <section aria-labelledby="home-plans">
      <h2 id="home-plans">{t('home.plans')}</h2>
      {plans.isPending ? (
        <LoadingState />
      ) : plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.items.length === 0 ? (
        <EmptyState>{t('home.noPlans')}</EmptyState>
      ) : (
        <>
          <table className="data-table">
            <caption className="visually-hidden">{t('home.plans')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('home.planColumn')}</th>
                <th scope="col" className="num">
                  {t('home.subscriptionsColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...plans.data.items]
                .sort((a, b) => b.subscriptionCount - a.subscriptionCount)
                .slice(0, RECENT_PLANS)
                .map((plan) => (
                  <tr key={plan.id}>
                    <th scope="row">
                      <Link to={`/service-plans/${encodeURIComponent(plan.id)}`}>{plan.name}</Link>
                    </th>
                    <td className="num">{formatCount(plan.subscriptionCount, lang)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <p>
            <Link to="/service-plans">{t('home.allPlans')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
