/**
 * The store as a JSON document: what GET /_mock/state exports, PUT /_mock/state imports and
 * IndexedDB holds (row by row). It carries a schema version; older documents are migrated step
 * by step, newer or unknown ones are refused, and every document is validated (shapes and
 * references: the domain's state-rules.ts, the public endpoints' own rules) before it may replace
 * the store. An import is refused whole; a saved state is salvaged (valid records kept).
 *
 * To change the stored shape: bump SCHEMA_VERSION and add `MIGRATIONS[old]` turning a
 * version-`old` document into a version-`old + 1` one. Saved states and exported files then load.
 */
import { REFERENCE_DATE } from '../domain/clock';
import type { ValidationIssue } from '../domain/schemas';
import { englishIssue } from './messages';
import { salvageState, validateState, type DroppedRecord, type RawState } from '../domain/state-rules';
import { settle, statusOf } from '../domain/suspension';
import type { Subscription, SuspensionReason } from '../domain/types';
import { sitesFromNames, withSites } from '../domain/websites';
import type { Snapshot } from './store';

/** 2: websites as records (`sites`) with aliases and usage, usage counts, `suspendedBy`, `overused`, the clock. */
export const SCHEMA_VERSION = 2;

export interface StateDocument extends Snapshot {
  schemaVersion: number;
}

/** Turns a document of version N into one of version N + 1 (plain JSON in, plain JSON out). */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // 1 → 2: each website name becomes a record (the main domain keeps the subscription's usage,
  // the others start at 0); a suspended subscription is suspended by its customer when that
  // customer is suspended, else by the reseller; overuse and expiration are applied at the
  // reference date (version 1 had no clock).
  1: (doc) => {
    const customers = Array.isArray(doc.customers) ? (doc.customers as Array<Record<string, unknown>>) : [];
    const suspendedOwners = new Set(customers.filter((c) => c?.status === 'suspended').map((c) => c.id));
    const subscriptions = Array.isArray(doc.subscriptions) ? (doc.subscriptions as Array<Record<string, unknown>>) : [];
    return {
      ...doc,
      subscriptions: subscriptions.map((raw) => {
        if (typeof raw !== 'object' || raw === null || !Array.isArray(raw.websites) || !raw.values) return raw;
        const old = (raw.usage ?? {}) as { disk_space?: unknown; max_traffic?: unknown };
        const amount = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
        const names = (raw.websites as unknown[]).filter((n): n is string => typeof n === 'string');
        const sites = sitesFromNames(names, (_n, i) =>
          i === 0 ? { disk_space: amount(old.disk_space), max_traffic: amount(old.max_traffic) } : { disk_space: 0, max_traffic: 0 },
        );
        const suspendedBy: SuspensionReason[] = raw.status === 'suspended' ? [suspendedOwners.has(raw.ownerId) ? 'customer' : 'reseller'] : [];
        const s = { ...(raw as unknown as Subscription), suspendedBy, overused: [], status: statusOf(suspendedBy) };
        return settle(withSites(s, sites), REFERENCE_DATE) as unknown as Record<string, unknown>;
      }),
    };
  },
};

export type DocumentProblem = 'newer-version' | 'unknown-version' | 'invalid';
export type DocumentResult =
  | { ok: true; snapshot: Snapshot; migrated: boolean; dropped?: DroppedRecord[] }
  | { ok: false; reason: DocumentProblem; detail: string; issues?: ValidationIssue[] };

export function toDocument(snapshot: Snapshot): StateDocument {
  return { schemaVersion: SCHEMA_VERSION, ...snapshot };
}

const invalid = (detail: string): DocumentResult => ({ ok: false, reason: 'invalid', detail });

/** Reads an exported/persisted document: version check, migrations, validation. */
export function readDocument(
  input: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = SCHEMA_VERSION,
  /** `checked`: records known to obey the field rules (as this app wrote them): taken as they are when nothing was migrated. */
  options: { salvage?: boolean; checked?: ReadonlySet<unknown>; wholeAsWritten?: boolean } = {},
): DocumentResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return invalid('The state is not a JSON object.');
  let doc = input as Record<string, unknown>;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'unknown-version', detail: 'The state has no valid schemaVersion.' };
  }
  if (version > target) {
    return {
      ok: false,
      reason: 'newer-version',
      detail: `The state has schema version ${version}; this panel reads up to ${target}.`,
    };
  }
  for (let v = version; v < target; v++) {
    const migration = migrations[v];
    if (!migration) return { ok: false, reason: 'unknown-version', detail: `No migration from schema version ${v}.` };
    try {
      doc = { ...migration(doc), schemaVersion: v + 1 };
    } catch (error) {
      return invalid(`Migration from schema version ${v} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (options.salvage) {
    // A saved state: keep every valid record, name the dropped ones (issue 13, class 5).
    const salvaged = salvageState(
      doc as RawState,
      'salvaged',
      version === target ? options.checked : undefined,
      version === target && options.wholeAsWritten === true,
    );
    if (!salvaged) return invalid('Its reseller record is not valid, so nothing could be kept.');
    return { ok: true, snapshot: salvaged.data, migrated: version !== target, dropped: salvaged.dropped };
  }
  // An import: every field rule of the public endpoints, or refused whole with the reasons.
  const checked = validateState(doc as RawState);
  if (!checked.ok) {
    const first = checked.issues.slice(0, 3).map((i) => `${i.path || '(root)'}: ${englishIssue(i)}`);
    return { ok: false, reason: 'invalid', detail: `The state does not obey the field rules (${first.join('; ')}).`, issues: checked.issues };
  }
  return { ok: true, snapshot: checked.value, migrated: version !== target };
}
