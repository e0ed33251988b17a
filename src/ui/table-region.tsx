import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A table that may be wider than the screen scrolls inside this region, never the page (SPEC §6
 * Reflow, WCAG 1.4.10). The region is focusable, so keyboard users can scroll it with the arrow
 * keys (axe: scrollable-region-focusable), and named "Table: <the table's name>" — a section
 * around it often already carries the table's own name.
 * `stack`: for a `data-table--stack` table, whose rows become blocks when this region is narrow
 * (a container query in styles.css); the scroll stays as the fallback for unusually wide data.
 */
export function TableRegion({ label, stack = false, children }: { label: string; stack?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={stack ? 'table-region table-region--stack' : 'table-region'} role="region" aria-label={t('tableRegion', { name: label })} tabIndex={0}>
      {children}
    </div>
  );
}
