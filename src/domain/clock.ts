/**
 * The mock clock (SPEC §1.6): the time every date is measured against — creation dates,
 * expiration, "this month". Scenarios start at the reference date, so no outcome depends on the
 * real date. The clock lives with the reseller record (`clock`), absent = the reference date.
 */
import type { Reseller } from './types';

export const REFERENCE_DATE = '2026-01-01T00:00:00.000Z';

export function clockOf(reseller: Pick<Reseller, 'clock'>): string {
  return reseller.clock ?? REFERENCE_DATE;
}

/** An ISO instant or a date (YYYY-MM-DD, read as midnight UTC) → ISO; undefined when not a date. */
export function parseClock(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const text = input.trim();
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(text)) return undefined;
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : /T\d{2}:\d{2}(:[\d.]+)?$/.test(text) ? `${text}Z` : text);
  if (!Number.isFinite(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1970 && year <= 9999 ? new Date(ms).toISOString() : undefined;
}

export type ClockStep = 'day' | 'month';

/** The clock moved forward by a day or a calendar month (31 January + 1 month = 28/29 February). */
export function advanceClock(now: string, step: ClockStep): string {
  const d = new Date(now);
  if (step === 'day') return new Date(d.getTime() + 86_400_000).toISOString();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString();
}

/** Whether a subscription expiring at `expiresAt` (null = never) has expired at `now`. */
export function hasExpired(expiresAt: string | null, now: string): boolean {
  if (expiresAt === null) return false;
  const at = Date.parse(expiresAt.length === 10 ? `${expiresAt}T00:00:00Z` : expiresAt);
  return Number.isFinite(at) && at <= Date.parse(now);
}
