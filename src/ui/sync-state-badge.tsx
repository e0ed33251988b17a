import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncState } from '../domain/types';

const SyncStateTooltip = lazy(() => import('./sync-state-tooltip'));

/**
 * Synced / Unsynced / Locked / Custom, with a tooltip saying why. The badge is a (no-op)
 * button so keyboard users can reach the tooltip too; its name stays the state's label. The
 * "why" is its description at all times (a hidden element it points to), not only while the
 * tooltip is open: screen readers that read the description on focus, before a tooltip could
 * open, missed an open-only aria-describedby (Oxide moved to this for the same reason). The
 * tooltip (React Aria) is the sighted users' view of it and loads on the first hover or focus:
 * a list of badges costs no React Aria at start-up (~20 KB gzipped, and its locale set-up).
 */
export function SyncStateBadge({ state }: { state: SyncState }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLButtonElement>(null);
  const [wanted, setWanted] = useState(false);
  const want = () => setWanted(true);
  const whyId = useId();
  return (
    <>
      <button ref={ref} type="button" className={`badge badge--${state}`} aria-describedby={whyId} onPointerEnter={want} onFocus={want}>
        {t(`syncState.${state}`)}
      </button>
      <span id={whyId} hidden>
        {t(`syncStateWhy.${state}`)}
      </span>
      {wanted ? (
        <Suspense fallback={null}>
          <SyncStateTooltip triggerRef={ref} text={t(`syncStateWhy.${state}`)} />
        </Suspense>
      ) : null}
    </>
  );
}

export function StatusBadge({ status }: { status: 'active' | 'suspended' }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}
