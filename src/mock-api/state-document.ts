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
import { validationMessage, type ValidationIssue } from '../domain/schemas';
import { salvageState, validateState, type DroppedRecord, type RawState } from '../domain/state-rules';
import type { Snapshot } from './store';

export const SCHEMA_VERSION = 1;

export interface StateDocument extends Snapshot {
  schemaVersion: number;
}

/** Turns a document of version N into one of version N + 1 (plain JSON in, plain JSON out). */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

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
  options: { salvage?: boolean } = {},
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
    const salvaged = salvageState(doc as RawState);
    if (!salvaged) return invalid('Its reseller record is not valid, so nothing could be kept.');
    return { ok: true, snapshot: salvaged.data, migrated: version !== target, dropped: salvaged.dropped };
  }
  // An import: every field rule of the public endpoints, or refused whole with the reasons.
  const checked = validateState(doc as RawState);
  if (!checked.ok) {
    const first = checked.issues.slice(0, 3).map((i) => `${i.path || '(root)'}: ${validationMessage(i, 'en')}`);
    return { ok: false, reason: 'invalid', detail: `The state does not obey the field rules (${first.join('; ')}).`, issues: checked.issues };
  }
  return { ok: true, snapshot: checked.value, migrated: version !== target };
}
