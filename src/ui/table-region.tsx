import type { ReactNode } from 'react';

/**
 * A table that may be wider than the screen scrolls inside this region, never the page (SPEC §6
 * Reflow, WCAG 1.4.10). The region is named (usually like its table) and focusable, so keyboard
 * users can scroll it with the arrow keys (axe: scrollable-region-focusable).
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
