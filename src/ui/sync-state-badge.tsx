import { Button, Tooltip, TooltipTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SyncState } from '../domain/types';

/**
 * Synced / Unsynced / Locked / Custom, with a tooltip saying why. The badge is a (no-op)
 * button so keyboard users can reach the tooltip too; its name stays the state's label.
 */
export function SyncStateBadge({ state }: { state: SyncState }) {
  const { t } = useTranslation();
  return (
    <TooltipTrigger delay={300}>
      <Button className={`badge badge--${state}`}>{t(`syncState.${state}`)}</Button>
      <Tooltip className="tooltip" placement="top">
        {t(`syncStateWhy.${state}`)}
      </Tooltip>
    </TooltipTrigger>
  );
}

export function StatusBadge({ status }: { status: 'active' | 'suspended' }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}
