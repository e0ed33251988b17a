/**
 * IndexedDB persistence of the mock store, in chunks of records.
 *
 * Database `hosting-panel`: one object store per table whose values are CHUNKS — arrays of
 * `[id, rev, value]` for up to CHUNK_SIZE records whose ids fall in the same range (key `c<n>`,
 * or `h<n>` for ids without a number) — and `meta` (reseller, counters, settings, and `info`
 * with the schema version). A local commit queues the keys it changed; a flush re-writes only the
 * chunks holding those records, in one transaction. API writes flush before they answer (the
 * write gate in cross-tab.ts); other commits (start-up settings) flush soon after.
 * Why chunks: IndexedDB pays per put — 10,000 single-record puts take seconds in Chromium,
 * while 20 puts of 500 records take ~100 ms — and a single-record edit still re-writes only
 * 1/20th of a large store, never the whole world. A reset clears and bulk-writes.
 *
 * Loading never fails the app: a missing state gives the default scenario; an unreadable,
 * corrupt, newer or invalid one is replaced by the default scenario and reported as a notice.
 */
import { deleteDB, openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import {
  COUNTERS_KEY,
  DEFAULT_SETTINGS,
  RESELLER_KEY,
  SETTINGS_KEY,
  TABLES,
  db,
  onCommit,
  parseRecordKey,
  recordKey,
  replaceAll,
  type Counters,
  type MockSettings,
  type Snapshot,
  type TableName,
} from './store';
import { MIGRATIONS, SCHEMA_VERSION, readDocument, type Migration } from './state-document';
import { runExclusive, runWrite } from './write-gate';
import { digestOf } from './chunk-digest';
import { DB_NAME, IDB_VERSION, META_STORE } from './state-layout';
import { validate } from '../domain/schemas';
import { countersSchema } from '../domain/state-rules';

export { DB_NAME, IDB_VERSION };
const META = META_STORE;
type StoreName = TableName | typeof META;
const STORE_NAMES: StoreName[] = [...TABLES, META];

interface StoredRow<T = unknown> {
  rev: number;
  value: T;
}
/** One record inside a chunk: id, revision, value. */
type ChunkEntry = [id: string, rev: number, value: unknown];

/** Records per chunk: small enough that a one-record edit stays cheap, large enough to batch. */
export const CHUNK_SIZE = 500;
const HASH_CHUNKS = 64;

/** The chunk a record lives in: by the number in its id (`sub-00042` → `c0`), else by a hash. */
export function chunkOf(id: string): string {
  const n = Number(id.slice(id.lastIndexOf('-') + 1));
  if (id.includes('-') && Number.isSafeInteger(n) && n >= 0) return `c${Math.floor(n / CHUNK_SIZE)}`;
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return `h${Math.abs(h) % HASH_CHUNKS}`;
}

/**
 * A chunk is stored as the JSON text of its entries, and its stamp (meta `stamps`) is that
 * text's digest. Text, because IndexedDB hands a string back without rebuilding an object graph
 * and JSON.parse is quick (reading 50,000 subscriptions as objects took ~0.6 s). The digest,
 * because a chunk whose text is exactly what this app wrote holds records the app checked when
 * it wrote them: a load takes them as they are instead of checking each against the field rules
 * again (~1.4 s of a 2 s load for 50,000 subscriptions). Anything else — another digest, an
 * edited or planted chunk, a chunk in the older array form — is read and every record checked.
 * Equal digests also mean equal content, which is all the cross-tab code asks of a stamp.
 */
export function encodeChunk(entries: ChunkEntry[]): { text: string; digest: string } {
  // Subscriptions that follow the same plan have equal `values`: each distinct one is written
  // once per chunk (`v`), the records pointing at it by index; and the sections of those
  // (`resources`, `permissions`, …) once too (`s`), since a customized subscription mostly
  // differs in its resources only (a 50,000-subscription world's text: 88 MB → 48.7 MB → 37.6 MB).
  const shared: unknown[] = [];
  const at = new Map<string, number>();
  const sections: unknown[] = [];
  const sectionAt = new Map<string, number>();
  const section = (part: unknown): unknown => {
    // Every section is pooled, numbers too: a number in `v` always means "the section at that index".
    const key = JSON.stringify(part);
    let index = sectionAt.get(key);
    if (index === undefined) {
      sectionAt.set(key, (index = sections.length));
      sections.push(part);
    }
    return index;
  };
  // The same object again (plan edits share one value set per plan): no second look at it.
  const seen = new Map<object, number>();
  const rows = entries.map(([id, rev, value]): ChunkEntry => {
    const values = (value as { values?: unknown } | null)?.values;
    if (values === null || typeof values !== 'object' || Array.isArray(values)) return [id, rev, value];
    let index = seen.get(values);
    if (index === undefined) {
      // (An undefined section is left out, as JSON would leave it out of the whole object.)
      const pooled = Object.fromEntries(
        Object.entries(values)
          .filter(([, part]) => part !== undefined)
          .map(([name, part]) => [name, section(part)]),
      );
      // Equal values have equal sections: the section indices are the key.
      const key = JSON.stringify(pooled);
      index = at.get(key);
      if (index === undefined) {
        at.set(key, (index = shared.length));
        shared.push(pooled);
      }
      seen.set(values, index);
    }
    return [id, rev, { ...(value as object), values: index }];
  });
  const text = JSON.stringify({ s: sections, v: shared, e: rows });
  return { text, digest: digestOf(text) };
}

/**
 * A stored chunk's entries (undefined: not a chunk at all) and, for the text form when asked (`digest`), its digest.
 * Records of one chunk with equal `values` share one object (as plan edits already make them).
 */
export function decodeChunk(stored: unknown, options: { digest?: boolean } = {}): { entries: unknown[] | undefined; digest?: string } {
  if (Array.isArray(stored)) return { entries: stored };
  if (typeof stored !== 'string') return { entries: undefined };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return { entries: undefined };
  }
  // Only a load asks (to trust the chunk); merges and other tabs' reads only want the entries.
  const digest = options.digest ? digestOf(stored) : undefined;
  if (Array.isArray(parsed)) return { entries: parsed, ...(digest !== undefined ? { digest } : {}) };
  const { s: sections, v: shared, e: rows } = (parsed ?? {}) as { s?: unknown; v?: unknown; e?: unknown };
  if (!Array.isArray(shared) || !Array.isArray(rows)) return { entries: undefined };
  // `s` is absent from chunks written before sections were pooled: their `v` holds whole values.
  // With it, each pooled value set is rebuilt as a fresh object, its section indices replaced by
  // the sections (as fast in V8 as overwriting the parsed object's numbers: 270 vs 284 ms for xlarge).
  if (Array.isArray(sections)) {
    for (let i = 0; i < shared.length; i++) {
      const pooled = shared[i] as unknown;
      if (pooled === null || typeof pooled !== 'object' || Array.isArray(pooled)) continue;
      const values: Record<string, unknown> = {};
      for (const name of Object.keys(pooled)) {
        const at = (pooled as Record<string, unknown>)[name];
        // (A planted `__proto__` or index out of range keeps its number: the record's own check refuses it.)
        const part = typeof at === 'number' && Object.hasOwn(sections, at) ? sections[at] : at;
        if (name === '__proto__') Object.defineProperty(values, name, { value: part, enumerable: true, writable: true, configurable: true });
        else values[name] = part;
      }
      shared[i] = values;
    }
  }
  for (const row of rows) {
    const value = Array.isArray(row) ? (row[2] as { values?: unknown } | null) : undefined;
    if (value && typeof value === 'object' && typeof value.values === 'number' && Object.hasOwn(shared, value.values)) value.values = shared[value.values];
  }
  return { entries: rows, ...(digest !== undefined ? { digest } : {}) };
}

/**
 * Everything this module keeps between calls: one tab's persistence. Set by `startPersistence`,
 * cleared by `stopPersistence`; nothing else in the app reads it.
 */
const state: {
  /** Which ids each chunk holds, per table (undefined after a load or reset: rebuilt when a write needs it; kept current on commit). */
  chunkMembers: Map<TableName, Map<string, Set<string>>> | undefined;
  /** The open database (undefined: not started, or IndexedDB unavailable: the store then lives in memory only). */
  database: IDBPDatabase | undefined;
  /** Store keys changed since the last write (`table/id`, `reseller`, `settings`…). */
  pendingKeys: Set<string>;
  /** The whole store was replaced (a scenario, an import): the next write rewrites everything. */
  pendingReset: boolean;
  /** How many times this tab changed the mock's settings, and how many of those are on disk. */
  settingsChanges: number;
  settingsSaved: number;
  /** When this tab last changed the settings (Date.now()). */
  settingsChangedAt: number;
  /** The scheduled write: on idle, on a timeout, or deferred after a large start-up. */
  timer: { idle: number } | { timeout: ReturnType<typeof setTimeout> } | { deferred: ReturnType<typeof setTimeout> } | undefined;
  /** The write under way (writes never overlap). */
  flushing: Promise<void>;
  /** Stops listening to the store's commits. */
  unsubscribe: (() => void) | undefined;
  /** The migration chain and target version (tests may pass others). */
  migrations: Readonly<Record<number, Migration>>;
  schemaVersion: number;
  /** The scenarios, to rebuild a saved state whose scenario is still `pending`. */
  scenarios: OpenOptions['scenarios'];
  /** Per chunk, the stamp of the last write this tab made or read: a different one means another tab wrote it. */
  knownStamps: Map<string, string>;
  /** The generation of the data this tab holds (see StoredInfo.generation). */
  knownGeneration: string | undefined;
  /** Set by a local reset: the generation its full write will save. */
  pendingGeneration: string | undefined;
  /** The damaged saved data this session found (kept in meta `damaged` across full writes). */
  damaged: unknown;
  /** How many flushes failed so far, and the last failure (the write gate compares counts). */
  failedFlushes: number;
  lastFailure: StorageWriteError | StateReplacedError | undefined;
} = {
  chunkMembers: undefined,
  database: undefined,
  pendingKeys: new Set(),
  pendingReset: false,
  settingsChanges: 0,
  settingsSaved: 0,
  settingsChangedAt: 0,
  timer: undefined,
  flushing: Promise.resolve(),
  unsubscribe: undefined,
  migrations: MIGRATIONS,
  schemaVersion: SCHEMA_VERSION,
  scenarios: undefined,
  knownStamps: new Map(),
  knownGeneration: undefined,
  pendingGeneration: undefined,
  damaged: undefined,
  failedFlushes: 0,
  lastFailure: undefined,
};

/**
 * Forgets which ids each chunk holds (after a load or a reset): rebuilt from the store when a
 * write first needs it, not on the way to the first rows (~10 ms for 50,000 subscriptions).
 */
function forgetChunkMembers(): void {
  state.chunkMembers = undefined;
}

/** Which ids each chunk holds, per table (built from the store's order when not known). */
function chunkMembers(): Map<TableName, Map<string, Set<string>>> {
  if (state.chunkMembers) return state.chunkMembers;
  const s = db();
  const members = new Map(TABLES.map((table) => [table, new Map<string, Set<string>>()]));
  state.chunkMembers = members;
  for (const table of TABLES) for (const id of s.order[table]) addMember(table, id);
  return members;
}

/** Records that `id` lives in its chunk (nothing to do while the membership is to be rebuilt). */
function addMember(table: TableName, id: string): void {
  const chunks = state.chunkMembers?.get(table);
  if (!chunks) return;
  const chunk = chunkOf(id);
  let members = chunks.get(chunk);
  if (!members) chunks.set(chunk, (members = new Set()));
  members.add(id);
}
interface StoredInfo {
  schemaVersion: number;
  scenario: string;
  /**
   * Set when a scenario was chosen at start-up (`?scenario=`) and its records are not written
   * yet: the tables still hold the old state, and a load rebuilds the (deterministic) scenario
   * from its name instead. Writing a large store costs ~150 ms of main thread, so it waits
   * until after the first screen — or until the first write, which writes everything first.
   */
  pending?: boolean;
  /**
   * Changes each time the whole data is replaced (a scenario, an import, a reset): a tab whose
   * generation differs from the saved one adopts the saved data before it writes, instead of
   * merging its old records back (SPEC §4: a `?scenario=` start replaces the data in every tab).
   * It begins with the time the replacement was chosen (see newStamp): of two replacements, the
   * one chosen last wins, whichever is written last (see isNewerGeneration).
   */
  generation?: string;
}

/** What a salvage left out (issue 13, class 5): ids per table, and unreadable entries. */
export interface DroppedSummary {
  customers: string[];
  plans: string[];
  subscriptions: string[];
  /** Entries or chunks that could not even be read as records, and chunks missing. */
  unreadable: number;
}

export interface StartupNotice {
  /** `restored-default`: nothing could be kept; `salvaged`: the valid records were kept. */
  code: 'restored-default' | 'salvaged';
  /** Why the saved state could not be used (as it was). */
  reason: 'unreadable' | 'corrupt' | 'newer-version' | 'unknown-version' | 'invalid' | 'unavailable';
  detail: string;
  dropped?: DroppedSummary;
  /** The damaged saved data was kept (meta `damaged`) and can be downloaded: `damagedDocument()`. */
  damagedKept?: boolean;
}

const afterFlushListeners = new Set<(written: { reset: boolean; keys: string[] }) => void>();

/** Opens (or creates) the database; closes it when a newer layout wants it in another tab. */
async function open(name: string): Promise<IDBPDatabase> {
  return openDB(name, IDB_VERSION, {
    upgrade(upgradeDb) {
      for (const storeName of STORE_NAMES) {
        if (!upgradeDb.objectStoreNames.contains(storeName)) upgradeDb.createObjectStore(storeName);
      }
    },
    blocking() {
      // A newer layout wants to open the database in another tab: let it.
      state.database?.close();
      state.database = undefined;
    },
  });
}

/**
 * A table's entries, its chunks taken by number (`c2` before `c10`, as IndexedDB's key order
 * is not) and any other chunk after: chunk `c<n>` holds ids numbered n·CHUNK_SIZE to the next,
 * each in id order, so the result is usually in id order already and sortById only checks it
 * (50,000 ids in node: ~4 ms, against ~8 ms to merge 100 runs).
 */
function inChunkOrder(runs: { key: string; entries: ChunkEntry[] }[]): ChunkEntry[] {
  const rank = (key: string) => (/^c\d+$/.test(key) ? Number(key.slice(1)) : Number.POSITIVE_INFINITY);
  const ordered = runs.map((run) => ({ ...run, rank: rank(run.key) })).sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const entries: ChunkEntry[] = [];
  for (const run of ordered) for (const entry of run.entries) entries.push(entry);
  return entries;
}

/**
 * Sorts entries by id: `sub-00042` before `sub-00100` (ids come from increasing counters), by
 * the number after the last `-`, else as strings; the numbers parsed once. Entries in id order
 * already (see inChunkOrder) are only checked.
 */
function sortById(entries: ChunkEntry[]): void {
  const n = entries.length;
  const numbers = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = entries[i]![0];
    numbers[i] = Number(id.slice(id.lastIndexOf('-') + 1));
  }
  const compare = (i: number, j: number) => {
    const a = numbers[i]!;
    const b = numbers[j]!;
    if (Number.isFinite(a) && Number.isFinite(b) && a !== b) return a - b;
    const x = entries[i]![0];
    const y = entries[j]![0];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = compare(i - 1, i) <= 0;
  if (sorted) return;
  const order = Array.from({ length: n }, (_, i) => i).sort(compare);
  const copy = order.map((i) => entries[i]!);
  for (let i = 0; i < n; i++) entries[i] = copy[i]!;
}

interface Loaded {
  /** Rebuilt from a `pending` scenario name, not read from the tables. */
  rebuilt?: boolean;
  snapshot: Snapshot;
  revisions: Map<string, number>;
  settings: MockSettings;
  migrated: boolean;
}

type ReadResult =
  | { kind: 'missing' }
  | { kind: 'ok'; loaded: Loaded; stamps: Map<string, string>; generation: string | undefined; notice?: StartupNotice; damaged?: unknown }
  | { kind: 'bad'; notice: StartupNotice; damaged?: unknown };

const bad = (reason: StartupNotice['reason'], detail: string, damaged?: unknown): ReadResult => ({
  kind: 'bad',
  notice: { code: 'restored-default', reason, detail },
  ...(damaged !== undefined ? { damaged } : {}),
});

/** Chunks of one table as the state reader sends them: keys and stored values, in key order. */
export interface ChunkBatch {
  table: string;
  keys: IDBValidKey[];
  values: unknown[];
}

/** The state reader stopped half-way: the load reads by itself instead. */
export class ReaderFailedError extends Error {}

/**
 * The saved state as the state reader (state-reader.ts) reads it, on another thread, while this
 * worker starts: the meta records and chunk counts first, then each table's chunks in batches as
 * they arrive (so parsing starts before the last one is read), then the digests of the chunks'
 * text (undefined: the reader could not send them; the chunks are digested here).
 */
export interface PreRead {
  meta: Record<string, unknown>;
  counts: Record<string, number>;
  /** The next batch, tables in TABLES order; undefined after the last. Rejects with ReaderFailedError. */
  next(): Promise<ChunkBatch | undefined>;
  digests: Promise<Record<string, (string | undefined)[]> | undefined>;
}

/** Where readAll's records come from: its own read-only transaction, or a pre-read. */
interface Source {
  meta(key: string): Promise<unknown>;
  count(table: TableName): Promise<number>;
  /** A table's chunks, in one batch or several. */
  batches(table: TableName): AsyncIterable<{ keys: IDBValidKey[]; values: unknown[] }>;
  /** Per table, the digests of its chunks in order, if another thread computed them. */
  digests(): Promise<Record<string, (string | undefined)[]> | undefined>;
  done(): Promise<void>;
}

function transactionSource(idb: IDBPDatabase): Source {
  const tx = idb.transaction(STORE_NAMES, 'readonly');
  return {
    meta: (key) => tx.objectStore(META).get(key),
    count: (table) => tx.objectStore(table).count(),
    async *batches(table) {
      const store = tx.objectStore(table);
      const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll() as Promise<unknown[]>]);
      yield { keys, values };
    },
    digests: () => Promise.resolve(undefined),
    done: () => tx.done,
  };
}

function preReadSource(pre: PreRead): Source {
  /** A batch of the next table, read ahead by the previous table's loop. */
  let held: ChunkBatch | undefined;
  return {
    meta: (key) => Promise.resolve(pre.meta[key]),
    count: (name) => Promise.resolve(pre.counts[name] ?? 0),
    async *batches(name) {
      for (;;) {
        const batch = held ?? (await pre.next());
        held = undefined;
        if (!batch) return;
        if (batch.table !== name) {
          held = batch;
          return;
        }
        yield batch;
      }
    },
    digests: () => pre.digests,
    done: () => Promise.resolve(),
  };
}

/**
 * Reads and checks the whole saved state: ok (maybe salvaged), missing (first visit) or bad (with
 * why). From its own transaction, or from what the state reader already read (`pre`).
 */
async function readAll(idb: IDBPDatabase, pre?: PreRead): Promise<ReadResult> {
  const source = pre ? preReadSource(pre) : transactionSource(idb);
  const info = (await source.meta('info')) as StoredInfo | undefined;
  const chunkCounts = await Promise.all(TABLES.map((table) => source.count(table)));
  const resellerRow = (await source.meta('reseller')) as StoredRow | undefined;
  // No info and nothing else: a first visit. No info but records: damaged, not empty.
  if (info === undefined && resellerRow === undefined && chunkCounts.every((n) => n === 0)) {
    await source.done();
    return { kind: 'missing' };
  }
  const generation = info && typeof info === 'object' && typeof info.generation === 'string' ? info.generation : undefined;
  if (info && typeof info === 'object' && info.pending === true && info.schemaVersion === state.schemaVersion) {
    if (typeof info.scenario !== 'string' || !state.scenarios?.isName(info.scenario)) {
      await source.done();
      return bad('invalid', `The saved scenario "${String(info.scenario)}" cannot be rebuilt.`);
    }
    // Read from the same source, whichever it is, before its transaction ends.
    const settings = asSettings((await source.meta('settings')) as MockSettings | undefined);
    await source.done();
    // `migrated` asks for the whole state to be written (it still is not on disk).
    const snapshot = await state.scenarios.build(info.scenario);
    return { kind: 'ok', loaded: { snapshot, revisions: startRevisions(snapshot), settings, migrated: true, rebuilt: true }, stamps: new Map(), generation };
  }
  const revisions = new Map<string, number>();
  const problems: string[] = [];
  let unreadable = 0;
  /** Records of chunks exactly as this app wrote them; and how many chunks were not. */
  const checked = new Set<unknown>();
  let uncheckedChunks = 0;
  const infoMissing = info === undefined || info === null || typeof info !== 'object';
  if (infoMissing) problems.push('Its info record is missing.');
  const doc: Record<string, unknown> = {
    // Without an info record, the records are read as this version's (they are checked anyway).
    schemaVersion: infoMissing ? state.schemaVersion : info.schemaVersion,
    scenario: infoMissing ? undefined : info.scenario,
    counters: await source.meta('counters'),
  };
  doc.reseller = resellerRow?.value;
  if (typeof resellerRow?.rev === 'number') revisions.set(RESELLER_KEY, resellerRow.rev);
  const settings = (await source.meta('settings')) as MockSettings | undefined;
  const rawStamps = await source.meta(STAMPS);
  const stamps = new Map(rawStamps && typeof rawStamps === 'object' ? Object.entries(rawStamps as Record<string, string>) : []);
  const raw: Record<string, unknown> = { info, reseller: resellerRow, counters: doc.counters, settings, stamps: rawStamps };
  /** Every chunk read, to be trusted (or not) once the digests are known: the state reader may still be computing them. */
  const decodedChunks: { table: TableName; index: number; key: string; text: unknown; entries: ChunkEntry[]; digest: string | undefined }[] = [];
  for (const table of TABLES) {
    const chunks: unknown[] = [];
    raw[table] = chunks;
    /** The entries of each chunk, by chunk: put in id order below. */
    const runs: { key: string; entries: ChunkEntry[] }[] = [];
    const present = new Set<string>();
    for await (const batch of source.batches(table)) {
      for (const [i, chunk] of batch.values.entries()) {
        const index = chunks.length;
        const key = String(batch.keys[i]);
        chunks.push(chunk);
        present.add(key);
        const { entries: decoded, digest } = decodeChunk(chunk, { digest: !pre });
        if (!decoded) {
          unreadable++;
          problems.push(`A chunk of ${table} is unreadable.`);
          continue;
        }
        const run: ChunkEntry[] = [];
        runs.push({ key, entries: run });
        for (const entry of decoded) {
          if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'number') {
            unreadable++;
            problems.push(`A ${table} record is unreadable.`);
            continue;
          }
          run.push(entry as ChunkEntry);
        }
        decodedChunks.push({ table, index, key, text: chunk, entries: run, digest });
      }
    }
    // A chunk the stamps know of but the table lacks was lost.
    for (const k of stamps.keys()) {
      if (k.startsWith(`${table}/`) && !present.has(k.slice(table.length + 1))) {
        unreadable++;
        problems.push(`A chunk of ${table} is missing.`);
      }
    }
    const entries = inChunkOrder(runs);
    sortById(entries);
    doc[table] = entries.map(([id, rev, value]) => {
      revisions.set(recordKey(table, id), rev);
      return value;
    });
  }
  await source.done();
  const digests = pre ? await source.digests() : undefined;
  for (const { table, index, key, text, entries, digest: own } of decodedChunks) {
    const theirs = digests?.[table];
    const digest = pre
      ? theirs && theirs.length === (raw[table] as unknown[]).length
        ? theirs[index]
        : typeof text === 'string'
          ? digestOf(text)
          : undefined
      : own;
    // Exactly as this app wrote it (see encodeChunk): its records need no second check.
    const asWritten = digest !== undefined && stamps.get(`${table}/${key}`) === digest;
    if (!asWritten) uncheckedChunks++;
    else for (const [, , value] of entries) checked.add(value);
  }
  // Every chunk, and the reseller record, exactly as written: the rules between records are not checked again.
  const resellerAsWritten = resellerRow !== undefined && stamps.get(RESELLER_STAMP) === digestOf(JSON.stringify(resellerRow));
  const wholeAsWritten = resellerAsWritten && uncheckedChunks === 0 && unreadable === 0 && problems.length === 0;
  const result = readDocument(doc, state.migrations, state.schemaVersion, { salvage: true, checked, wholeAsWritten });
  if (!result.ok) return bad(result.reason, [...new Set(problems), result.detail].join(' '), raw);
  const dropped: DroppedSummary = { customers: [], plans: [], subscriptions: [], unreadable };
  for (const record of result.dropped ?? []) {
    if (record.id !== undefined) dropped[record.table].push(record.id);
    else dropped.unreadable++;
    problems.push(`${record.table}${record.id ? ` ${record.id}` : ''}: ${record.issues.map((i) => `${i.path || '(record)'} ${i.code}`).join(', ')}.`);
  }
  if (doc.counters !== undefined && !validate(countersSchema, doc.counters).ok) problems.push('Its id counters were not valid and were rebuilt.');
  // Chunks in the older array form (or valid but not as written), or a reseller saved before it had a stamp: saved again whole, so the next load skips their checks.
  const loaded: Loaded = {
    snapshot: result.snapshot,
    revisions,
    settings: asSettings(settings),
    migrated: result.migrated || uncheckedChunks > 0 || !stamps.has(RESELLER_STAMP),
  };
  if (problems.length === 0) return { kind: 'ok', loaded, stamps, generation };
  // Something was left out: keep the rest, say what, keep the damaged data for download.
  loaded.migrated = true;
  const notice: StartupNotice = { code: 'salvaged', reason: 'invalid', detail: [...new Set(problems)].slice(0, 20).join(' '), dropped };
  return { kind: 'ok', loaded, stamps, generation, notice, damaged: raw };
}

/**
 * Revision 1 for every record of a scenario built at start-up, so that another tab rebuilding the
 * same pending scenario hands out the same ETags (its forms are not stale for nothing).
 */
function startRevisions(snapshot: Snapshot): Map<string, number> {
  const revisions = new Map<string, number>([[RESELLER_KEY, 1]]);
  for (const table of TABLES) for (const row of snapshot[table] as { id: string }[]) revisions.set(recordKey(table, row.id), 1);
  return revisions;
}

/** Saved settings of the right shape, else none (their ranges are checked at start-up, in browser.ts). */
function asSettings(settings: MockSettings | undefined): MockSettings {
  return settings && typeof settings.latencyMs === 'number' && typeof settings.failureRate === 'number' ? settings : DEFAULT_SETTINGS;
}

/** The saved mock settings alone (a `?scenario=` start keeps them). */
async function readSettings(idb: IDBPDatabase): Promise<MockSettings> {
  return asSettings((await idb.get(META, 'settings')) as MockSettings | undefined);
}

export interface OpenOptions {
  /** Builds the scenario used when nothing (usable) is saved. */
  fallback: () => Snapshot;
  /** Start from this state and ignore what is saved (`?scenario=`): nothing is read for nothing. */
  startWith?: () => Snapshot;
  /** The scenarios, to rebuild one by name (a saved state whose scenario is still `pending`). */
  scenarios?: { isName(name: string): boolean; build(name: string): Snapshot | Promise<Snapshot> };
  dbName?: string;
  /** The saved state as the state reader already read it (undefined: read it here). */
  preRead?: Promise<PreRead | undefined>;
  /** Tests only: another migration chain and target version. */
  migrations?: Readonly<Record<number, Migration>>;
  schemaVersion?: number;
}

/**
 * Opens the database, loads the saved state into the store (or the fallback scenario) and from
 * then on persists every local commit. Resolves with a notice when the saved state was replaced.
 */
export async function startPersistence(options: OpenOptions): Promise<{ notice?: StartupNotice }> {
  stopPersistence();
  const name = options.dbName ?? DB_NAME;
  state.migrations = options.migrations ?? MIGRATIONS;
  state.schemaVersion = options.schemaVersion ?? SCHEMA_VERSION;
  state.scenarios = options.scenarios;
  let notice: StartupNotice | undefined;
  let read: ReadResult;
  try {
    state.database = await open(name);
    const pre = options.startWith ? undefined : await options.preRead;
    read = options.startWith
      ? { kind: 'missing' }
      : await readAll(state.database, pre).catch((error: unknown) => {
          // The state reader stopped half-way: read again, here.
          if (error instanceof ReaderFailedError && state.database) return readAll(state.database);
          throw error;
        });
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const newer = error instanceof Error && error.name === 'VersionError';
    read = bad(newer ? 'newer-version' : 'unreadable', detail);
    state.database?.close();
    state.database = undefined;
    try {
      await deleteDB(name);
      state.database = await open(name);
    } catch (reopenError) {
      // No IndexedDB at all (e.g. a locked-down private window): run from memory.
      state.database = undefined;
      read = bad('unavailable', reopenError instanceof Error ? reopenError.message : String(reopenError));
    }
  }
  if (read.kind === 'ok') {
    // The load's revisions become the store's (50,000 of them: not copied), unless a salvage left
    // records out (their revisions are in the map too).
    replaceAll(read.loaded.snapshot, {
      source: 'external',
      settings: read.loaded.settings,
      revisions: read.loaded.revisions,
      adoptRevisions: read.notice === undefined,
    });
    if (read.notice) notice = read.notice;
  } else {
    if (read.kind === 'bad') notice = read.notice;
    const settings = options.startWith && state.database ? await readSettings(state.database) : db().settings;
    const snapshot = (options.startWith ?? options.fallback)();
    replaceAll(snapshot, { source: 'external', settings, revisions: startRevisions(snapshot) });
  }
  // Damaged data is kept (in memory and in meta `damaged`) BEFORE anything overwrites it.
  state.damaged = read.kind !== 'missing' && read.damaged !== undefined ? read.damaged : undefined;
  if (state.damaged !== undefined && state.database && notice) {
    try {
      await state.database.put(META, state.damaged, DAMAGED);
      notice.damagedKept = true;
    } catch (error) {
      console.error('Hosting Panel: could not keep the damaged saved data', error);
    }
  }
  forgetChunkMembers();
  state.knownStamps = read.kind === 'ok' ? read.stamps : new Map();
  // A scenario chosen now, or the default one replacing what could not be read, is new data.
  state.knownGeneration = read.kind === 'ok' ? read.generation : newStamp();
  state.pendingGeneration = undefined;
  state.unsubscribe = onCommit((event) => {
    // Chunk membership follows every change, this tab's and the others'.
    if (event.reset) forgetChunkMembers();
    else
      for (const key of event.keys) {
        const record = parseRecordKey(key);
        if (record) addMember(record.table, record.id);
      }
    if (event.source !== 'local') return;
    if (event.keys.includes(SETTINGS_KEY)) {
      state.settingsChanges++;
      state.settingsChangedAt = Date.now();
    }
    if (event.reset) {
      state.pendingReset = true;
      // This tab replaced the whole data: the next full write starts a new generation.
      state.pendingGeneration = newStamp();
      state.pendingKeys.clear();
    } else for (const key of event.keys) state.pendingKeys.add(key);
    schedule();
  });
  // Migrated, replaced or new: write the whole state once — after start-up, not in its way.
  if (read.kind !== 'ok' || read.loaded.migrated) {
    state.pendingReset = true;
    // A freshly built scenario (not migrated data) can be rebuilt from its name until written.
    const pristine = read.kind !== 'ok' || read.loaded.rebuilt === true;
    if (state.database && pristine && state.scenarios?.isName(db().scenario)) {
      // Say which scenario this is now, so a reload before the full write rebuilds it — under
      // the cross-tab lock (no tab is half-way through a write), then tell the other tabs,
      // which adopt it instead of writing their old records over it.
      const idb = state.database;
      const info: StoredInfo = {
        schemaVersion: state.schemaVersion,
        scenario: db().scenario,
        pending: true,
        ...(state.knownGeneration ? { generation: state.knownGeneration } : {}),
      };
      let superseded = false;
      try {
        await runExclusive(async () => {
          // A replacement chosen after this one (a tab started since, while this one was still
          // starting — or the page this one was, left half-way) is not overwritten.
          const saved = (await idb.get(META, 'info')) as StoredInfo | undefined;
          superseded = isNewerGeneration(savedGenerationOf(saved), state.knownGeneration);
          if (!superseded) await idb.put(META, info, 'info');
        });
      } catch (error) {
        // Storage full at start-up: the app still starts; the first write will say it cannot save.
        console.error('Hosting Panel: could not save the start-up scenario', error);
      }
      if (read.kind !== 'ok' && !superseded) for (const listener of afterFlushListeners) listener({ reset: true, keys: [] });
      schedule({ startupAfterMs: recordCount() > SMALL_STORE_RECORDS ? DEFERRED_RESET_MS : 0 });
    } else schedule();
  }
  return notice ? { notice } : {};
}

/** Stops persisting (tests, and before a new start): pending changes are dropped, the database closed. */
export function stopPersistence(): void {
  state.unsubscribe?.();
  state.unsubscribe = undefined;
  cancelScheduled();
  state.pendingKeys = new Set();
  state.pendingReset = false;
  state.settingsChanges = 0;
  state.settingsSaved = 0;
  state.settingsChangedAt = 0;
  state.database?.close();
  state.database = undefined;
}

/**
 * When the queued changes are written. A write through the API does not wait for this: the write
 * gate flushes before the response. `startup`: the whole-store write of a scenario chosen at
 * start-up — late enough to stay off the first screen when the store is large, and through the
 * cross-tab write gate, so what other tabs saved meanwhile is applied first and not wiped.
 */
function schedule(startup?: { startupAfterMs: number }) {
  if (state.timer !== undefined) {
    // A deferred whole-store write keeps waiting, unless a write comes: then all of it goes now.
    if (!('deferred' in state.timer) || startup) return;
    cancelScheduled();
  }
  const run = () => {
    state.timer = undefined;
    void flushPersistence();
  };
  if (startup) {
    const gated = () => {
      state.timer = undefined;
      void runWrite(() => flushPersistence()).catch(() => undefined);
    };
    state.timer = { deferred: setTimeout(() => (state.timer = whenIdle(gated)), startup.startupAfterMs) };
  } else if (state.pendingReset) {
    // A whole store waits for idle time.
    state.timer = whenIdle(run);
  } else state.timer = { timeout: setTimeout(run, 0) };
}

/**
 * At the next idle moment where there is such a thing (a page), else at once (the backend's
 * Web Worker has no `requestIdleCallback`, and nothing on its thread is drawn anyway).
 */
function whenIdle(run: () => void): NonNullable<typeof state.timer> {
  if (typeof requestIdleCallback === 'function') return { idle: requestIdleCallback(run, { timeout: 1000 }) };
  return { timeout: setTimeout(run, 0) };
}

/** How long a large start-up scenario waits before it is written (the first screen goes first). */
const DEFERRED_RESET_MS = 1500;
/**
 * Up to this many records a start-up scenario is written at the first idle moment: a few
 * milliseconds of IndexedDB work. Above it (the `large` scenario: ~15,000 records, ~300 ms of
 * writing) the write waits DEFERRED_RESET_MS, so it does not hold up the first rows.
 */
const SMALL_STORE_RECORDS = 2_000;

/** Customers, plans and subscriptions in the store: a large store's first write waits (see schedule). */
function recordCount(): number {
  const { order } = db();
  return TABLES.reduce((n, table) => n + order[table].length, 0);
}

/** Cancels the scheduled write, whichever kind it is. */
function cancelScheduled() {
  if (state.timer === undefined) return;
  if ('idle' in state.timer) cancelIdleCallback(state.timer.idle);
  else if ('deferred' in state.timer) clearTimeout(state.timer.deferred);
  else clearTimeout(state.timer.timeout);
  state.timer = undefined;
}

const STAMPS = 'stamps';
/** The reseller record's stamp in meta `stamps` (beside the chunks' `table/chunk` ones). */
const RESELLER_STAMP = 'meta/reseller';
const DAMAGED = 'damaged';

/** The damaged saved data found at start-up, as JSON text to download (undefined: none). */
export function damagedDocument(): string | undefined {
  if (state.damaged === undefined) return undefined;
  try {
    return JSON.stringify({ kind: 'hosting-panel-damaged-state', savedAt: new Date().toISOString(), data: state.damaged }, null, 2);
  } catch {
    return undefined;
  }
}

/** The saved data was replaced by another tab since this tab last read it: adopt it first. */
export class StateReplacedError extends Error {
  constructor() {
    super('The data was replaced in another tab.');
    this.name = 'StateReplacedError';
  }
}
/** A stamp for a chunk or a generation: the time it was made (base 36 ms), then a random part. */
const newStamp = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** When a generation was made (0 for one without a readable time: older than any). */
function generationTime(generation: string | undefined): number {
  if (generation === undefined) return 0;
  const time = parseInt(generation.slice(0, generation.indexOf('-')), 36);
  return Number.isFinite(time) ? time : 0;
}

/** `saved` was made strictly after `mine` (a replacement chosen later). */
export function isNewerGeneration(saved: string | undefined, mine: string | undefined): boolean {
  return saved !== undefined && saved !== mine && generationTime(saved) > generationTime(mine);
}

function savedGenerationOf(saved: StoredInfo | undefined): string | undefined {
  return saved && typeof saved === 'object' && typeof saved.generation === 'string' ? saved.generation : undefined;
}

/** A write to IndexedDB failed (most often: the storage quota is full). */
export class StorageWriteError extends Error {
  override readonly cause: unknown;
  constructor(cause: unknown) {
    super(cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause));
    this.name = 'StorageWriteError';
    this.cause = cause;
  }
  /** The browser refused the write for lack of space. */
  get quotaExceeded(): boolean {
    const c = this.cause as { name?: string; inner?: { name?: string } } | undefined;
    return c?.name === 'QuotaExceededError' || /quota/i.test(this.message);
  }
}

export const failedFlushCount = (): number => state.failedFlushes;

/** Writes what is queued, after the write under way; a failed batch is queued again and counted, and the promise rejects. */
function flushQueued(): Promise<void> {
  cancelScheduled();
  const reset = state.pendingReset;
  const keys = [...state.pendingKeys];
  // A whole write saves the settings too.
  const settingsUpTo = reset || state.pendingKeys.has(SETTINGS_KEY) ? state.settingsChanges : undefined;
  state.pendingReset = false;
  state.pendingKeys = new Set();
  const run = state.flushing.then(async () => {
    if (!state.database || (!reset && keys.length === 0)) return;
    try {
      await write(state.database, reset, keys);
    } catch (error) {
      // Nothing of this batch is on disk (one IndexedDB transaction): queue it again, so a later
      // flush retries what is still in memory (a write gate rolls its own changes back first).
      if (reset) state.pendingReset = true;
      for (const key of keys) state.pendingKeys.add(key);
      state.failedFlushes++;
      // Replaced by another tab: not a storage failure (the write gate answers 409 and adopts).
      state.lastFailure = error instanceof StateReplacedError ? error : new StorageWriteError(error);
      throw state.lastFailure;
    }
    if (settingsUpTo !== undefined) state.settingsSaved = Math.max(state.settingsSaved, settingsUpTo);
    for (const listener of afterFlushListeners) listener({ reset, keys });
  });
  state.flushing = run.catch(() => undefined);
  return run;
}

/** Writes everything queued so far; resolves when it is on disk or failed (timers, tests, before unload). */
export function flushPersistence(): Promise<void> {
  return flushQueued().catch((error: unknown) => {
    // Not a failure: another tab chose other data since, and this tab takes it (cross-tab.ts).
    if (error instanceof StateReplacedError) for (const listener of replacedListeners) listener();
    else console.error('Hosting Panel: could not save the mock state', error);
  });
}

/**
 * Writes everything queued so far and REJECTS with a StorageWriteError when it, or any flush
 * since `sinceFailures` (`failedFlushCount()` taken before the write began), could not be saved:
 * what the write gate calls before an API write may answer (`durably`).
 */
export async function flushDurably(sinceFailures: number): Promise<void> {
  await flushQueued().catch(() => undefined);
  if (state.failedFlushes > sinceFailures) throw state.lastFailure ?? new StorageWriteError('unknown');
}

const replacedListeners = new Set<() => void>();

/**
 * Called when a queued write (not one of the write gate's, which answers 409 and adopts itself)
 * was refused because another tab replaced the data since this tab last read it: cross-tab
 * adopts the saved data then. Returns an unsubscribe function.
 */
export function onReplaced(listener: () => void): () => void {
  replacedListeners.add(listener);
  return () => replacedListeners.delete(listener);
}

/** Called after a batch is on disk (cross-tab broadcasting listens). */
export function onPersisted(listener: (written: { reset: boolean; keys: string[] }) => void): () => void {
  afterFlushListeners.add(listener);
  return () => afterFlushListeners.delete(listener);
}

/** A record of the store as a chunk entry (undefined: it no longer exists). */
function entryOf(table: TableName, id: string): ChunkEntry | undefined {
  const s = db();
  const value = (s[table] as Record<string, unknown>)[id];
  return value === undefined ? undefined : [id, s.revisions.get(recordKey(table, id)) ?? 0, value];
}

/** A chunk as this tab's store has it (members that no longer exist are dropped). */
function chunkFromMemory(table: TableName, chunk: string): ChunkEntry[] {
  const members = chunkMembers().get(table)?.get(chunk);
  const out: ChunkEntry[] = [];
  if (!members) return out;
  for (const id of members) {
    const entry = entryOf(table, id);
    if (entry) out.push(entry);
    else members.delete(id);
  }
  return out;
}

/**
 * Re-writes the chunks holding `keys`, in one transaction. When another tab wrote a chunk since
 * this tab last saw it (its stamp changed), the stored chunk is read inside the same transaction
 * and only this tab's own changes are applied on top, so neither tab loses the other's writes.
 */
async function write(idb: IDBPDatabase, reset: boolean, keys: string[]): Promise<void> {
  const tx = idb.transaction(STORE_NAMES, 'readwrite');
  const ops: Promise<unknown>[] = [];
  try {
    await writeIn(tx, ops, reset, keys);
  } catch (error) {
    // The requests already issued fail with AbortError: that is the point, not news.
    for (const op of ops) op.catch(() => undefined);
    // All or nothing: a request that throws (a full quota, a value that cannot be cloned) must
    // not let the clears and puts issued before it commit on their own.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

/** The body of `write`, inside its transaction: the changed chunks, the stamps and the info record. */
async function writeIn(tx: IDBPTransaction<unknown, StoreName[], 'readwrite'>, ops: Promise<unknown>[], reset: boolean, keys: string[]): Promise<void> {
  // The store is read where each part is written, never from a copy taken before an await: a
  // commit made while this write waits (a reset, new settings) must not be written over by what
  // the store held before it — the generation, read after the wait, is already the new one's.
  const meta = tx.objectStore(META);
  const saved = (await meta.get('info')) as StoredInfo | undefined;
  const savedGeneration = savedGenerationOf(saved);
  if (!reset) {
    // Another tab replaced the data and this tab has not adopted it: writing its records now
    // would bring old data back. Refused (the write gate adopts the saved data first).
    if (saved && savedGeneration !== state.knownGeneration) throw new StateReplacedError();
    // The saved tables still hold the data of before a start-up scenario (only its name is
    // saved): this tab holds that scenario, so it writes all of it, its change included.
    if (saved?.pending === true) reset = true;
  }
  const generation = reset ? (state.pendingGeneration ?? state.knownGeneration) : state.knownGeneration;
  // A whole write never replaces data chosen after its own: two tabs choosing a scenario at the
  // same moment, or a page left while it was still writing its start-up scenario, whose write
  // lands after the next page's. The later choice stays; this tab adopts it.
  if (reset && isNewerGeneration(savedGeneration, generation)) throw new StateReplacedError();
  const stamps = reset ? new Map<string, string>() : new Map(Object.entries(((await meta.get(STAMPS)) as Record<string, string> | undefined) ?? {}));
  const stampKey = (table: TableName, chunk: string) => `${table}/${chunk}`;
  if (reset) {
    for (const name of STORE_NAMES) ops.push(tx.objectStore(name).clear());
    if (state.damaged !== undefined) ops.push(meta.put(state.damaged, DAMAGED));
    for (const table of TABLES) {
      const store = tx.objectStore(table);
      for (const chunk of chunkMembers().get(table)?.keys() ?? []) {
        const entries = chunkFromMemory(table, chunk);
        if (entries.length === 0) continue;
        const { text, digest } = encodeChunk(entries);
        ops.push(store.put(text, chunk));
        stamps.set(stampKey(table, chunk), digest);
      }
    }
    keys = [RESELLER_KEY, COUNTERS_KEY, SETTINGS_KEY];
  }
  // Group this tab's changed records by chunk.
  const dirty = new Map<string, { table: TableName; chunk: string; ids: string[] }>();
  for (const key of keys) {
    const record = parseRecordKey(key);
    if (record) {
      const chunk = chunkOf(record.id);
      const k = stampKey(record.table, chunk);
      const group = dirty.get(k) ?? { table: record.table, chunk, ids: [] };
      group.ids.push(record.id);
      dirty.set(k, group);
    } else if (key === RESELLER_KEY) {
      const { revisions, reseller } = db();
      const row: StoredRow = { rev: revisions.get(key) ?? 0, value: reseller };
      ops.push(meta.put(row, 'reseller'));
      // Its stamp, as a chunk's: a load knows the reseller is as written (resellerAsWritten).
      stamps.set(RESELLER_STAMP, digestOf(JSON.stringify(row)));
    } else if (key === COUNTERS_KEY) ops.push(meta.put(db().counters satisfies Counters, 'counters'));
    else if (key === SETTINGS_KEY) ops.push(meta.put(db().settings, 'settings'));
  }
  for (const [k, { table, chunk, ids }] of dirty) {
    const store = tx.objectStore(table);
    let entries: ChunkEntry[];
    if (stamps.get(k) === state.knownStamps.get(k)) {
      entries = chunkFromMemory(table, chunk);
    } else {
      // Another tab wrote this chunk: keep its records, apply ours on top.
      const stored = (decodeChunk(await store.get(chunk)).entries ?? []) as ChunkEntry[];
      const merged = new Map(stored.map((e) => [e[0], e] as const));
      for (const id of ids) {
        const entry = entryOf(table, id);
        if (entry) merged.set(id, entry);
        else merged.delete(id);
      }
      entries = [...merged.values()];
    }
    if (entries.length === 0) {
      ops.push(store.delete(chunk));
      stamps.set(k, newStamp());
    } else {
      const { text, digest } = encodeChunk(entries);
      ops.push(store.put(text, chunk));
      stamps.set(k, digest);
    }
  }
  ops.push(meta.put(Object.fromEntries(stamps), STAMPS));
  ops.push(meta.put({ schemaVersion: state.schemaVersion, scenario: db().scenario, ...(generation ? { generation } : {}) } satisfies StoredInfo, 'info'));
  await Promise.all([...ops, tx.done]);
  state.knownStamps = stamps;
  state.knownGeneration = generation;
  if (reset) state.pendingGeneration = undefined;
}

/**
 * What other tabs wrote since this tab last wrote or read each chunk (their stamps differ), as
 * record changes to apply: the write gate calls it, under the cross-tab write lock, so a write
 * always starts from everything already on disk (ids, unique names and ETags stay right).
 */
export async function readChangesFromOtherTabs(): Promise<ReadRecords & { keys: string[]; replaced?: true }> {
  const out: ReadRecords & { keys: string[]; replaced?: true } = { rows: [], keys: [] };
  if (!state.database) return out;
  const tx = state.database.transaction(STORE_NAMES, 'readonly');
  const meta = tx.objectStore(META);
  const info = (await meta.get('info')) as StoredInfo | undefined;
  if (info && typeof info === 'object') {
    const generation = typeof info.generation === 'string' ? info.generation : undefined;
    // Another tab replaced the data: adopt it whole (readSaved), never merge chunk by chunk.
    if (generation !== state.knownGeneration) {
      await tx.done;
      return { ...out, replaced: true };
    }
    // Only a scenario's name is saved yet, and it is this tab's: the tables are stale.
    if (info.pending === true) {
      await tx.done;
      return out;
    }
  }
  const stamps = new Map(Object.entries(((await meta.get(STAMPS)) as Record<string, string> | undefined) ?? {}));
  const changed = new Set<string>();
  for (const k of new Set([...stamps.keys(), ...state.knownStamps.keys()])) if (stamps.get(k) !== state.knownStamps.get(k)) changed.add(k);
  for (const k of changed) {
    const slash = k.indexOf('/');
    const table = k.slice(0, slash) as TableName;
    const chunk = k.slice(slash + 1);
    if (!(TABLES as readonly string[]).includes(table)) continue;
    const stored = (decodeChunk(await tx.objectStore(table).get(chunk)).entries ?? []) as ChunkEntry[];
    const present = new Set<string>();
    for (const [id, rev, value] of stored) {
      present.add(id);
      if ((db().revisions.get(recordKey(table, id)) ?? -1) === rev) continue; // already have it
      out.rows.push({ table, id, value, rev });
      out.keys.push(recordKey(table, id));
    }
    // Removed by the other tab: in this chunk here, gone on disk.
    for (const id of chunkMembers().get(table)?.get(chunk) ?? []) {
      if (!present.has(id) && (db()[table] as Record<string, unknown>)[id] !== undefined) {
        out.rows.push({ table, id, value: null, rev: undefined });
        out.keys.push(recordKey(table, id));
      }
    }
  }
  const reseller = (await meta.get('reseller')) as StoredRow | undefined;
  if (reseller && reseller.rev !== db().revisions.get(RESELLER_KEY)) {
    out.reseller = reseller;
    out.keys.push(RESELLER_KEY);
  }
  out.counters = (await meta.get('counters')) as Counters | undefined;
  await tx.done;
  state.knownStamps = stamps;
  return out;
}

/**
 * This tab changed the mock's settings and has not saved them yet (queued, or in a write still
 * under way): they are newer than any another tab saved, and this tab's next write saves them and tells the
 * others.
 */
export function settingsUnsaved(): boolean {
  return state.settingsChanges > state.settingsSaved;
}

/** Reads the given record keys from IndexedDB (another tab wrote them). */
export interface ReadRecords {
  rows: { table: TableName; id: string; value: unknown; rev: number | undefined }[];
  reseller?: { value: unknown; rev: number };
  counters?: Counters;
  settings?: MockSettings;
}

/** Reads the chunks holding these store keys (another tab wrote them). */
export async function readKeys(keys: string[]): Promise<ReadRecords> {
  if (!state.database) return { rows: [] };
  const tx = state.database.transaction(STORE_NAMES, 'readonly');
  const out: ReadRecords = { rows: [] };
  const chunks = new Map<string, Promise<ChunkEntry[] | undefined>>();
  const chunkFor = (table: TableName, id: string) => {
    const k = `${table}/${chunkOf(id)}`;
    let p = chunks.get(k);
    if (!p)
      chunks.set(
        k,
        (p = tx
          .objectStore(table)
          .get(chunkOf(id))
          .then((stored) => decodeChunk(stored).entries as ChunkEntry[] | undefined)),
      );
    return p;
  };
  await Promise.all(
    keys.map(async (key) => {
      const record = parseRecordKey(key);
      if (record) {
        const chunk = await chunkFor(record.table, record.id);
        const entry = Array.isArray(chunk) ? chunk.find((e) => e[0] === record.id) : undefined;
        out.rows.push({ ...record, value: entry?.[2] ?? null, rev: entry?.[1] });
      } else if (key === RESELLER_KEY) {
        const row = (await tx.objectStore(META).get('reseller')) as StoredRow | undefined;
        if (row) out.reseller = row;
      } else if (key === COUNTERS_KEY) out.counters = (await tx.objectStore(META).get('counters')) as Counters | undefined;
      else if (key === SETTINGS_KEY) out.settings = (await tx.objectStore(META).get('settings')) as MockSettings | undefined;
    }),
  );
  await tx.done;
  return out;
}

/** Reads the whole saved state (another tab reset it). */
export async function readSaved(): Promise<Loaded | undefined> {
  if (!state.database) return undefined;
  const read = await readAll(state.database);
  if (read.kind !== 'ok') return undefined;
  // What this tab holds from now on is the saved data, as of these stamps and generation.
  state.knownStamps = read.stamps;
  state.knownGeneration = read.generation;
  return read.loaded;
}

/**
 * After readSaved, before adopting what it read: this tab's unsaved settings stay over the saved
 * ones when they were changed since the saved data was chosen (its generation's time) — a
 * `?latency=` taken at start-up over the data of the page left behind — and not otherwise (that
 * page's own start-up settings, over the data a later page chose).
 */
export function unsavedSettingsStay(): boolean {
  return settingsUnsaved() && state.settingsChangedAt >= generationTime(state.knownGeneration);
}

/**
 * The store now holds the saved data (readSaved, then replaced): nothing of what was queued is
 * to be written any more — a whole write of this tab's older data least of all — except this
 * tab's unsaved settings when they stayed (`keptSettings`, see unsavedSettingsStay).
 */
export function adoptedSaved(keptSettings: boolean): void {
  state.pendingReset = false;
  state.pendingGeneration = undefined;
  if (!keptSettings) state.settingsSaved = state.settingsChanges;
  state.pendingKeys = keptSettings ? new Set([SETTINGS_KEY]) : new Set();
  cancelScheduled();
  if (keptSettings) schedule();
}

/** The generation saved now (undefined: none, or no database), to skip adopting what this tab already holds. */
export async function savedGeneration(): Promise<string | undefined> {
  if (!state.database) return undefined;
  return savedGenerationOf((await state.database.get(META, 'info')) as StoredInfo | undefined);
}

/** The generation of the data this tab holds. */
export const knownGeneration = (): string | undefined => state.knownGeneration;
