import './world.css';
import { useTranslation } from 'react-i18next';
import { SUSPENSION_LABELS } from '../domain/suspension';
import type { MeteredKey, RecordStatus, SuspensionReason } from '../domain/types';
import { StatusBadge } from './sync-state-badge';
import { useLang } from './use-lang';

/**
 * A subscription's status with why it is suspended (SPEC §1.6, §5 names: "Suspended by you",
 * "Customer suspended", "Expired", "Overuse") and the Overused flag.
 */
export function SubscriptionStatus({
  status,
  suspendedBy = [],
  overused = [],
}: {
  status: RecordStatus;
  suspendedBy?: readonly SuspensionReason[];
  overused?: readonly MeteredKey[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <span className="badges">
      <StatusBadge status={status} />
      {suspendedBy.map((reason) => (
        <span key={reason} className="badge badge--reason">
          {SUSPENSION_LABELS[reason][lang]}
        </span>
      ))}
      {overused.length > 0 ? <span className="badge badge--overused">{t('overused')}</span> : null}
    </span>
  );
}
