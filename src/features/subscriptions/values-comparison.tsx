import { useTranslation } from 'react-i18next';
import { overusePolicyLabel } from '../../domain/overuse';
import type { SubscriptionItem } from '../../api/subscriptions';
import { itemsOf } from '../../domain/catalogue';
import { formatValue } from '../../domain/format';
import type { Values } from '../../domain/types';
import { useLang } from '../../ui/use-lang';
import { VALUE_GROUPS } from './customize-form';
import { TableRegion } from '../../ui/table-region';

type Cell = number | string | boolean;
const valueAt = (values: Values, group: keyof Values, key: string): Cell => (values[group] as Record<string, Cell>)[key] as Cell;

/**
 * The subscription's values beside what its plan and add-ons offer (`desired`), one table per
 * group. A difference is marked and explained: a locked subscription was customized; an
 * unlocked one holds less because the reseller cannot provide the rest.
 */
export function ValuesComparison({ subscription, desired }: { subscription: SubscriptionItem; desired: Values | null }) {
  const { t } = useTranslation('subscriptions');
  const lang = useLang();
  // Overuse policies are codes; the panel shows them in words.
  const show = (group: keyof Values, key: string, value: Cell | undefined) =>
    group === 'resources' && key === 'overuse' && typeof value === 'string' ? overusePolicyLabel(value, lang) : formatValue(group, key, value, lang);
  let differences = 0;
  if (desired) {
    for (const group of VALUE_GROUPS) {
      for (const item of itemsOf(group)) {
        if (valueAt(subscription.values, group, item.key) !== valueAt(desired, group, item.key)) differences++;
      }
    }
  }
  const note = subscription.locked
    ? { label: t('detail.customized'), why: t('detail.customizedWhy') }
    : subscription.syncState === 'unsynced'
      ? { label: t('detail.notProvisioned'), why: t('detail.notProvisionedWhy') }
      : { label: t('detail.differs'), why: '' };
  return (
    <section aria-labelledby="values-title">
      <h2 id="values-title">{t('detail.values')}</h2>
      <p className="muted">{desired ? t('detail.valuesIntro') : t('detail.valuesIntroCustom')}</p>
      {desired ? <p>{differences > 0 ? `${t('detail.differences', { count: differences })} ${note.why}` : t('detail.noDifferences')}</p> : null}
      {VALUE_GROUPS.map((group) => (
        <TableRegion key={group} label={t(`customize.groups.${group}`)}>
          <table key={group} className="data-table values-table">
            <caption>{t(`customize.groups.${group}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('detail.item')}</th>
                <th scope="col">{t('detail.subscriptionValue')}</th>
                {desired ? (
                  <>
                    <th scope="col">{t('detail.planValue')}</th>
                    <th scope="col">{t('detail.difference')}</th>
                  </>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {itemsOf(group).map((item) => {
                const own = valueAt(subscription.values, group, item.key);
                const planned = desired ? valueAt(desired, group, item.key) : undefined;
                const differs = desired !== null && own !== planned;
                return (
                  <tr key={item.key} className={differs ? 'diff' : undefined}>
                    <th scope="row">{item.label[lang]}</th>
                    <td>{show(group, item.key, own)}</td>
                    {desired ? (
                      <>
                        <td>{show(group, item.key, planned)}</td>
                        <td>{differs ? <strong>{note.label}</strong> : null}</td>
                      </>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      ))}
    </section>
  );
}
