/**
 * IndexedDB persistence of the mock store, record by record.
 *
 * Database `hosting-panel`: one object store per table (key = record id, value = `{ rev, value }`)
 * and `meta` (reseller, counters, settings, and `info` with the schema version). A local commit
 * queues the keys it changed; a flush (after the response, on a timer) writes only those records
 * in one transaction, reading their latest value from the store. A reset clears and bulk-writes.
 *
 * Loading never fails the app: a missing state gives the default scenario; an unreadable,
 * corrupt, newer or invalid one is replaced by the default scenario and reported as a notice.
 */
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
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

export const DB_NAME = 'hosting-panel';
/** Version of the object-store layout (IndexedDB's own version); data shape: SCHEMA_VERSION. */
export const IDB_VERSION = 1;
const META = 'meta';
type StoreName = TableName | typeof META;
const STORE_NAMES: StoreName[] = [...TABLES, META];

interface StoredRow<T = unknown> {
  rev: number;
  value: T;
}
interface StoredInfo {
  schemaVersion: number;
  scenario: string;
}

export interface StartupNotice {
  code: 'restored-default';
  /** Why the saved state could not be used. */
  reason: 'unreadable' | 'corrupt' | 'newer-version' | 'unknown-version' | 'invalid' | 'unavailable';
  detail: string;
}

let database: IDBPDatabase | undefined;
let pendingKeys = new Set<string>();
let pendingReset = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let flushing: Promise<void> = Promise.resolve();
let unsubscribe: (() => void) | undefined;
const afterFlushListeners = new Set<(written: { reset: boolean; keys: string[] }) => void>();

async function open(name: string): Promise<IDBPDatabase> {
  return openDB(name, IDB_VERSION, {
    upgrade(upgradeDb) {
      for (const storeName of STORE_NAMES) {
        if (!upgradeDb.objectStoreNames.contains(storeName)) upgradeDb.createObjectStore(storeName);
      }
    },
    blocking() {
      // A newer layout wants to open the database in another tab: let it.
      database?.close();
      database = undefined;
    },
  });
}

/** Sort key that puts `sub-00042` before `sub-00100` (ids come from increasing counters). */
function idOrder(a: string, b: string): number {
  const na = Number(a.slice(a.lastIndexOf('-') + 1));
  const nb = Number(b.slice(b.lastIndexOf('-') + 1));
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Loaded {
  snapshot: Snapshot;
  revisions: Map<string, number>;
  settings: MockSettings;
  migrated: boolean;
}

type ReadResult = { kind: 'missing' } | { kind: 'ok'; loaded: Loaded } | { kind: 'bad'; notice: StartupNotice };

const bad = (reason: StartupNotice['reason'], detail: string): ReadResult => ({
  kind: 'bad',
  notice: { code: 'restored-default', reason, detail },
});

async function readAll(idb: IDBPDatabase): Promise<ReadResult> {
  const tx = idb.transaction(STORE_NAMES, 'readonly');
  const meta = tx.objectStore(META);
  const info = (await meta.get('info')) as StoredInfo | undefined;
  if (info === undefined) return { kind: 'missing' };
  const revisions = new Map<string, number>();
  const doc: Record<string, unknown> = {
    schemaVersion: info?.schemaVersion,
    scenario: info?.scenario,
    counters: await meta.get('counters'),
  };
  const resellerRow = (await meta.get('reseller')) as StoredRow | undefined;
  doc.reseller = resellerRow?.value;
  if (typeof resellerRow?.rev === 'number') revisions.set(RESELLER_KEY, resellerRow.rev);
  const settings = (await meta.get('settings')) as MockSettings | undefined;
  for (const table of TABLES) {
    const store = tx.objectStore(table);
    const [keys, rows] = await Promise.all([store.getAllKeys(), store.getAll() as Promise<StoredRow[]>]);
    const pairs: [string, StoredRow][] = [];
    for (let i = 0; i < keys.length; i++) {
      const row = rows[i];
      if (typeof keys[i] !== 'string' || typeof row !== 'object' || row === null || typeof row.rev !== 'number') {
        return bad('corrupt', `A ${table} record is unreadable.`);
      }
      pairs.push([keys[i] as string, row]);
    }
    pairs.sort((a, b) => idOrder(a[0], b[0]));
    doc[table] = pairs.map(([id, row]) => {
      revisions.set(recordKey(table, id), row.rev);
      return row.value;
    });
  }
  await tx.done;
  const result = readDocument(doc, migrations, schemaVersion);
  if (!result.ok) return bad(result.reason, result.detail);
  const validSettings =
    settings && typeof settings.latencyMs === 'number' && typeof settings.failureRate === 'number' ? settings : DEFAULT_SETTINGS;
  return { kind: 'ok', loaded: { snapshot: result.snapshot, revisions, settings: validSettings, migrated: result.migrated } };
}

export interface OpenOptions {
  /** Builds the scenario used when nothing (usable) is saved. */
  fallback: () => Snapshot;
  dbName?: string;
  /** Tests only: another migration chain and target version. */
  migrations?: Readonly<Record<number, Migration>>;
  schemaVersion?: number;
}

let migrations: Readonly<Record<number, Migration>> = MIGRATIONS;
let schemaVersion = SCHEMA_VERSION;

/**
 * Opens the database, loads the saved state into the store (or the fallback scenario) and from
 * then on persists every local commit. Resolves with a notice when the saved state was replaced.
 */
export async function startPersistence(options: OpenOptions): Promise<{ notice?: StartupNotice }> {
  stopPersistence();
  const name = options.dbName ?? DB_NAME;
  migrations = options.migrations ?? MIGRATIONS;
  schemaVersion = options.schemaVersion ?? SCHEMA_VERSION;
  let notice: StartupNotice | undefined;
  let read: ReadResult;
  try {
    database = await open(name);
    read = await readAll(database);
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const newer = error instanceof Error && error.name === 'VersionError';
    read = bad(newer ? 'newer-version' : 'unreadable', detail);
    database?.close();
    database = undefined;
    try {
      await deleteDB(name);
      database = await open(name);
    } catch (reopenError) {
      // No IndexedDB at all (e.g. a locked-down private window): run from memory.
      database = undefined;
      read = bad('unavailable', reopenError instanceof Error ? reopenError.message : String(reopenError));
    }
  }
  if (read.kind === 'ok') {
    replaceAll(read.loaded.snapshot, { source: 'external', settings: read.loaded.settings, revisions: read.loaded.revisions });
  } else {
    if (read.kind === 'bad') notice = read.notice;
    replaceAll(options.fallback(), { source: 'external', settings: db().settings });
  }
  unsubscribe = onCommit((event) => {
    if (event.source !== 'local') return;
    if (event.reset) {
      pendingReset = true;
      pendingKeys.clear();
    } else for (const key of event.keys) pendingKeys.add(key);
    schedule();
  });
  // Migrated, replaced or new: write the whole state once.
  if (read.kind !== 'ok' || read.loaded.migrated) {
    pendingReset = true;
    schedule();
    await flushPersistence();
  }
  return notice ? { notice } : {};
}

export function stopPersistence(): void {
  unsubscribe?.();
  unsubscribe = undefined;
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  pendingKeys = new Set();
  pendingReset = false;
  database?.close();
  database = undefined;
}

function schedule() {
  // After the response: the request never waits for IndexedDB.
  timer ??= setTimeout(() => {
    timer = undefined;
    void flushPersistence();
  }, 0);
}

/** Writes everything queued so far; resolves when it is on disk (tests, before unload). */
export function flushPersistence(): Promise<void> {
  if (timer !== undefined) {
    clearTimeout(timer);
    timer = undefined;
  }
  const reset = pendingReset;
  const keys = [...pendingKeys];
  pendingReset = false;
  pendingKeys = new Set();
  flushing = flushing.then(async () => {
    if (!database || (!reset && keys.length === 0)) return;
    try {
      await write(database, reset, keys);
      for (const listener of afterFlushListeners) listener({ reset, keys });
    } catch (error) {
      console.error('Hosting Panel: could not save the mock state', error);
    }
  });
  return flushing;
}

/** Called after a batch is on disk (cross-tab broadcasting listens). */
export function onPersisted(listener: (written: { reset: boolean; keys: string[] }) => void): () => void {
  afterFlushListeners.add(listener);
  return () => afterFlushListeners.delete(listener);
}

async function write(idb: IDBPDatabase, reset: boolean, keys: string[]): Promise<void> {
  const s = db();
  const tx = idb.transaction(STORE_NAMES, 'readwrite');
  const meta = tx.objectStore(META);
  const puts: Promise<unknown>[] = [];
  const rev = (key: string) => s.revisions.get(key) ?? 0;
  if (reset) {
    for (const name of STORE_NAMES) puts.push(tx.objectStore(name).clear());
    for (const table of TABLES) {
      const store = tx.objectStore(table);
      const rows = s[table] as Record<string, unknown>;
      for (const id of s.order[table]) puts.push(store.put({ rev: rev(recordKey(table, id)), value: rows[id] }, id));
    }
    keys = [RESELLER_KEY, COUNTERS_KEY, SETTINGS_KEY];
  }
  for (const key of keys) {
    const record = parseRecordKey(key);
    if (record) {
      const store = tx.objectStore(record.table);
      const value = (s[record.table] as Record<string, unknown>)[record.id];
      puts.push(value === undefined ? store.delete(record.id) : store.put({ rev: rev(key), value }, record.id));
    } else if (key === RESELLER_KEY) puts.push(meta.put({ rev: rev(key), value: s.reseller }, 'reseller'));
    else if (key === COUNTERS_KEY) puts.push(meta.put(s.counters satisfies Counters, 'counters'));
    else if (key === SETTINGS_KEY) puts.push(meta.put(s.settings, 'settings'));
  }
  puts.push(meta.put({ schemaVersion, scenario: s.scenario } satisfies StoredInfo, 'info'));
  await Promise.all([...puts, tx.done]);
}

/** Reads the given record keys from IndexedDB (another tab wrote them). */
export async function readKeys(keys: string[]): Promise<{
  rows: { table: TableName; id: string; value: unknown; rev: number | undefined }[];
  reseller?: { value: unknown; rev: number };
  counters?: Counters;
  settings?: MockSettings;
}> {
  if (!database) return { rows: [] };
  const tx = database.transaction(STORE_NAMES, 'readonly');
  const out: Awaited<ReturnType<typeof readKeys>> = { rows: [] };
  await Promise.all(
    keys.map(async (key) => {
      const record = parseRecordKey(key);
      if (record) {
        const row = (await tx.objectStore(record.table).get(record.id)) as StoredRow | undefined;
        out.rows.push({ ...record, value: row?.value ?? null, rev: row?.rev });
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
  if (!database) return undefined;
  const read = await readAll(database);
  return read.kind === 'ok' ? read.loaded : undefined;
}
