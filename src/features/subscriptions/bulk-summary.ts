import type { TFunction } from 'i18next';
import type { BulkAction, BulkResult } from '../../api/subscriptions';
import { findCatalogueItem } from '../../domain/catalogue';
import type { Lang } from '../../domain/format';
import { SUSPENSION_LABELS } from '../../domain/suspension';
import type { SyncConflict } from '../../domain/types';

/** A failed sync's reason in the panel's words: the items the reseller cannot provide. */
function conflictReason(conflicts: readonly SyncConflict[], lang: Lang, t: TFunction<'subscriptions'>): string {
  const labels = [...new Set(conflicts.map((c) => findCatalogueItem(c.group, c.key)?.label[lang] ?? c.key))];
  return t('bulk.conflictReason', { items: labels.join(', ') });
}

export interface BulkFailure {
  id: string;
  domain: string;
  reason: string;
}

export interface BulkSummary {
  /** One sentence for the status region: "3 synchronized, 1 failed: a.example (…)". */
  message: string;
  failures: BulkFailure[];
  /** Synchronized, but still lacking what the plan offers (the reseller cannot provide it). */
  unsynced: { id: string; domain: string }[];
}

/** Per-subscription results of POST /subscriptions/bulk as what the user reads. */
export function summarizeBulk(
  action: BulkAction,
  results: readonly BulkResult[],
  domainOf: (id: string) => string,
  t: TFunction<'subscriptions'>,
  lang: Lang,
): BulkSummary {
  const failures: BulkFailure[] = [];
  const unsynced: { id: string; domain: string }[] = [];
  let done = 0;
  for (const r of results) {
    if (!r.ok) {
      const reason = r.conflicts && r.conflicts.length > 0 ? conflictReason(r.conflicts, lang, t) : (r.detail ?? r.title);
      failures.push({ id: r.id, domain: domainOf(r.id), reason });
    } else if ((action === 'sync' || action === 'change-plan') && r.syncState === 'unsynced') {
      unsynced.push({ id: r.id, domain: domainOf(r.id) });
    } else if (!(action === 'activate' && (r.suspendedBy?.length ?? 0) > 0)) {
      done++;
    }
  }
  const parts: string[] = [];
  const stillCount = action === 'activate' ? results.filter((r) => r.ok && (r.suspendedBy?.length ?? 0) > 0).length : 0;
  if (done > 0 || (unsynced.length === 0 && failures.length === 0 && stillCount === 0)) parts.push(t(`bulk.verb.${action}`, { count: done }));
  if (unsynced.length > 0) parts.push(t('bulk.leftUnsynced', { count: unsynced.length }));
  if (failures.length > 0) parts.push(t('bulk.failed', { count: failures.length }));
  // Activate lifts only the reseller's reason: say which ones something else keeps suspended.
  const still = action === 'activate' ? results.filter((r) => r.ok && (r.suspendedBy?.length ?? 0) > 0) : [];
  if (still.length > 0) {
    const items = still.map((r) => `${domainOf(r.id)} (${(r.ok ? (r.suspendedBy ?? []) : []).map((x) => SUSPENSION_LABELS[x][lang]).join(', ')})`);
    parts.push(t('bulk.stillSuspended', { count: still.length, items: items.join(', ') }));
  }
  const joined = parts.join(', ');
  const message =
    failures.length > 0
      ? t('bulk.summaryWithFailures', {
          parts: joined,
          failures: failures.map((f) => t('bulk.failureItem', { domain: f.domain, reason: f.reason })).join('; '),
        })
      : t('bulk.summary', { parts: joined });
  return { message, failures, unsynced };
}
