import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A table that may be wider than the screen scrolls inside this region, never the page (SPEC §6
 * Reflow, WCAG 1.4.10). The region is focusable, so keyboard users can scroll it with the arrow
 * keys (axe: scrollable-region-focusable), and named "Table: <the table's name>" — a section
 * around it often already carries the table's own name.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="table-region" role="region" aria-label={t('tableRegion', { name: label })} tabIndex={0}>
      {children}
    </div>
  );
}
