import { UNLIMITED } from '../domain/types';

/**
 * How much of an allocation is used, as a bar with role=meter (named, with the values in
 * words for screen readers). An unlimited allocation has no bar: there is nothing to fill.
 */
export function UsageMeter({ label, used, allocated, valueText }: { label: string; used: number; allocated: number; valueText: string }) {
  if (allocated === UNLIMITED) return null;
  let percent: number;
  if (used === UNLIMITED) percent = 100;
  else if (allocated <= 0) percent = used > 0 ? 100 : 0;
  else percent = Math.min(100, Math.round((used / allocated) * 100));
  return (
    <div className="bar" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={valueText}>
      {/* The one inline style: the width is the data itself. */}
      {/* eslint-disable-next-line no-restricted-syntax */}
      <div className="bar__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
