/**
 * How values read in the panel, in English and French. Pure and total: any input yields a
 * string (grids render whatever the store holds, including values a newer version wrote).
 */
import { findCatalogueItem } from './catalogue';
import { formatSize } from './units';

export type Lang = 'en' | 'fr';

const LOCALE: Record<Lang, string> = { en: 'en-US', fr: 'fr-FR' };
const UNLIMITED_LABEL: Record<Lang, string> = { en: 'Unlimited', fr: 'Illimité' };
const ON_OFF: Record<Lang, readonly [string, string]> = { en: ['On', 'Off'], fr: ['Activé', 'Désactivé'] };

function langOf(lang: string): Lang {
  return lang === 'fr' ? 'fr' : 'en';
}

// Intl formatters are costly to build and lists format thousands of cells: build each once.
const numberFormats = new Map<Lang, Intl.NumberFormat>();
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

function number(value: number, lang: Lang): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

/** Bytes as MB, GB or TB (the largest unit that keeps the number ≥ 1). -1 reads Unlimited. */
export function formatBytes(bytes: number, lang: Lang): string {
  const l = langOf(lang);
  if (bytes === -1 || bytes === Infinity) return UNLIMITED_LABEL[l];
  if (!Number.isFinite(bytes)) return String(bytes);
  return formatSize(bytes, l);
}

/** A count with the locale's grouping. -1 reads Unlimited. */
export function formatCount(count: number, lang: Lang): string {
  const l = langOf(lang);
  if (count === -1 || count === Infinity) return UNLIMITED_LABEL[l];
  if (!Number.isFinite(count)) return String(count);
  return number(count, l);
}

/** An ISO date (or date-time) as a localized date, read in UTC so every viewer sees the same day. */
export function formatDate(iso: string, lang: Lang): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const l = langOf(lang);
  let format = dateFormats.get(l);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[l], { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(l, format);
  }
  return format.format(time);
}

export function formatBoolean(value: boolean, lang: Lang): string {
  const [on, off] = ON_OFF[langOf(lang)];
  return value ? on : off;
}

/** Any catalogue value as the panel shows it. Never throws; unknown items read as-is. */
export function formatValue(group: string, key: string, value: unknown, lang: Lang): string {
  const l = langOf(lang);
  if (value === -1) return UNLIMITED_LABEL[l];
  if (typeof value === 'boolean') return formatBoolean(value, l);
  const type = findCatalogueItem(group, key)?.type;
  if (typeof value === 'number') {
    if (type === 'size') return formatBytes(value, l);
    return formatCount(value, l);
  }
  if (typeof value === 'string') return type === 'expiration' ? formatDate(value, l) : value;
  if (value === null || value === undefined) return '';
  try {
    return String(value);
  } catch {
    // Objects without a usable toString (Object.create(null)) still need a cell.
    return '';
  }
}
