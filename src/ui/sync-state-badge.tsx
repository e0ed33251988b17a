import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncState } from '../domain/types';

const SyncStateTooltip = lazy(() => import('./sync-state-tooltip'));

/**
 * Synced / Unsynced / Locked / Custom, with a tooltip saying why. The badge is a (no-op)
 * button so keyboard users can reach the tooltip too; its name stays the state's label. The
 * tooltip (React Aria) loads on the first hover or focus: a list of badges costs no React Aria
 * at start-up (~20 KB gzipped, and its locale set-up).
 */
export function SyncStateBadge({ state }: { state: SyncState }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLButtonElement>(null);
  const [wanted, setWanted] = useState(false);
  const want = () => setWanted(true);
  return (
    <>
      <button ref={ref} type="button" className={`badge badge--${state}`} onPointerEnter={want} onFocus={want}>
        {t(`syncState.${state}`)}
      </button>
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
