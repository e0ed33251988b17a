/**
 * Sizes: the one place that knows byte units. Plesk counts sizes in binary units (1 MB =
 * 1,048,576 bytes) but names them MB/GB/TB — Mo/Go/To in French, which is what
 * `Intl.NumberFormat`'s `style: 'unit'` writes, so no unit name is spelled here.
 * Used by `formatValue` (grids), the values editors (amount + unit) and any "at most … MB".
 */
import type { Lang } from './format';

export const SIZE_UNITS = ['MB', 'GB', 'TB'] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number];

const MB = 1024 * 1024;
export const UNIT_BYTES: Readonly<Record<SizeUnit, number>> = { MB, GB: MB * 1024, TB: MB * 1024 * 1024 };

const INTL_UNIT: Record<SizeUnit, string> = { MB: 'megabyte', GB: 'gigabyte', TB: 'terabyte' };
const LOCALE: Record<Lang, string> = { en: 'en-US', fr: 'fr-FR' };

// Lists format thousands of cells: build each formatter once.
const formats = new Map<string, Intl.NumberFormat>();
function unitFormat(unit: SizeUnit, lang: Lang): Intl.NumberFormat {
  const id = `${lang}:${unit}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], { style: 'unit', unit: INTL_UNIT[unit], unitDisplay: 'short', maximumFractionDigits: 2 });
    formats.set(id, format);
  }
  return format;
}

/** The unit's short name in the language (MB / Mo), e.g. for a unit select. */
export function unitLabel(unit: SizeUnit, lang: Lang): string {
  return (
    unitFormat(unit, lang)
      .formatToParts(1)
      .find((part) => part.type === 'unit')?.value ?? unit
  );
}

/** The largest unit that keeps the number ≥ 1 (MB below 1 GB). */
function displayUnit(bytes: number): SizeUnit {
  const abs = Math.abs(bytes);
  return abs >= UNIT_BYTES.TB ? 'TB' : abs >= UNIT_BYTES.GB ? 'GB' : 'MB';
}

/** A finite size in bytes as "1.5 GB" / "1,5 Go" (at most two decimals). */
export function formatSize(bytes: number, lang: Lang): string {
  const unit = displayUnit(bytes);
  return unitFormat(unit, lang).format(bytes / UNIT_BYTES[unit]);
}

/** A number of whole MB ("at most 32 MB"), for limits given in bytes. */
export function formatMegabytes(bytes: number, lang: Lang): string {
  return unitFormat('MB', lang).format(Math.round(bytes / MB));
}

/**
 * A size as an editor shows it: the largest unit in which it is a whole number (10 GB reads
 * 10 GB, not 10240 MB); otherwise MB with up to six decimals, so bytes that are not whole MB
 * survive the round trip through `bytesOf`. Zero reads 0 GB.
 */
export function sizeParts(bytes: number): { amount: string; unit: SizeUnit } {
  for (const unit of ['TB', 'GB'] as const) {
    if (bytes >= UNIT_BYTES[unit] && bytes % UNIT_BYTES[unit] === 0) return { amount: String(bytes / UNIT_BYTES[unit]), unit };
  }
  return { amount: String(Math.round((bytes / MB) * 1e6) / 1e6), unit: bytes === 0 ? 'GB' : 'MB' };
}

/** An amount in a unit as whole bytes. */
export function bytesOf(amount: number, unit: SizeUnit): number {
  return Math.round(amount * UNIT_BYTES[unit]);
}
