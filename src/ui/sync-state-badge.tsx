import { Focusable, Tooltip, TooltipTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SyncState } from '../domain/types';

/** Synced / Unsynced / Locked / Custom, with a tooltip saying why (keyboard-focusable). */
export function SyncStateBadge({ state }: { state: SyncState }) {
  const { t } = useTranslation();
  return (
    <TooltipTrigger delay={300}>
      <Focusable>
        <span className={`badge badge--${state}`} tabIndex={0} role="note" aria-label={t(`syncState.${state}`)}>
          {t(`syncState.${state}`)}
        </span>
      </Focusable>
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
