import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { findCatalogueItem, labelOf, type CatalogueGroup } from '../../domain/catalogue';
import { formatValue } from '../../domain/format';
import type { SyncConflict } from '../../domain/types';
import { AppDialog } from '../../ui/dialog';
import { errorText } from '../../ui/query-state';
import { useLang } from '../../ui/use-lang';
import { BusyButton } from '../../ui/busy-button';
import { TableRegion } from '../../ui/table-region';

/** The label of a conflicting item; an item this version does not know still gets a cell. */
function itemLabel(group: string, key: string, lang: 'en' | 'fr'): string {
  return findCatalogueItem(group, key) ? labelOf(group as CatalogueGroup, key, lang) : key;
}

/**
 * "Synchronization failed" (SPEC §1.3): what the plan offers that the reseller cannot provide,
 * one row per item per website, and the two ways out. OK applies the available values (the
 * subscription stays Unsynced); Cancel, Escape or a click outside change nothing.
 */
export function SyncFailureDialog({
  conflicts,
  planId,
  planName,
  isOpen,
  isPending = false,
  error,
  onAccept,
  onCancel,
}: {
  conflicts: readonly SyncConflict[];
  planId: string | null;
  planName?: string;
  isOpen: boolean;
  isPending?: boolean;
  error?: unknown;
  onAccept: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('subscriptions');
  const lang = useLang();
  return (
    <AppDialog
      title={t('syncFailure.title')}
      isOpen={isOpen}
      wide
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
    >
      <div className="dialog__body">
        <p>{t('syncFailure.cause')}</p>
        {/* Narrow, each conflict stacks, its values named by their column: styles.css. */}
        <TableRegion label={t('syncFailure.caption')} stack>
          <table className="data-table data-table--stack-narrow">
            <caption className="visually-hidden">{t('syncFailure.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('syncFailure.domain')}</th>
                <th scope="col">{t('syncFailure.item')}</th>
                <th scope="col">{t('syncFailure.planValue')}</th>
                <th scope="col">{t('syncFailure.availableValue')}</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((c) => (
                <tr key={`${c.subscriptionId}:${c.domain}:${c.group}.${c.key}`}>
                  <td className="stack-key">{c.domain}</td>
                  <td className="stack-key">{itemLabel(c.group, c.key, lang)}</td>
                  <td data-label={t('syncFailure.planValue')}>{formatValue(c.group, c.key, c.planValue, lang)}</td>
                  <td data-label={t('syncFailure.availableValue')}>{formatValue(c.group, c.key, c.availableValue, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <p className="gap-above">{t('syncFailure.waysOut')}</p>
        <ul>
          <li>
            {planId ? (
              <>
                <Link to={`/service-plans/${encodeURIComponent(planId)}`}>{t('syncFailure.removeFromPlan')}</Link>
                {planName ? ` (${planName})` : ''}.
              </>
            ) : (
              `${t('syncFailure.removeFromPlan')}.`
            )}
          </li>
          <li>
            {t('syncFailure.askProvider')} (<Link to="/resources">{t('syncFailure.overview')}</Link>).
          </li>
        </ul>
        <p className="muted">{t('syncFailure.okHelp')}</p>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
      <div className="dialog__actions">
        <BusyButton className="button button--primary" onClick={onAccept} busy={isPending}>
          {t('actions.ok')}
        </BusyButton>
        <button type="button" className="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </AppDialog>
  );
}
