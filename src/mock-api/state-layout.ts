/**
 * Where the saved state lives in IndexedDB: what persistence.ts writes and the state reader
 * (state-reader.ts, started by the page) reads. Its own module because the page needs it before
 * the backend's modules have loaded, and it must not pull them in.
 */
/** What the state reader reads: which database, and which stores and meta records. */
export interface ReaderRequest {
  name: string;
  version: number;
  tables: readonly string[];
  meta: { store: string; keys: readonly string[] };
}

export const DB_NAME = 'hosting-panel';
/**
 * Version of the object-store layout (IndexedDB's own version); data shape: SCHEMA_VERSION.
 * 2, not 1, although the layout never changed: `indexedDB.open(name)` without a version — a QA
 * suite peeking at the saved state before the backend has opened it — creates an EMPTY database
 * at version 1, which the app would then open without creating its stores. At 2 the upgrade
 * creates whatever stores are missing (an old version-1 database with its stores keeps them).
 */
export const IDB_VERSION = 2;
export const META_STORE = 'meta';
/** The object stores of the records, as the store's TABLES (a test checks they agree). */
export const RECORD_STORES = ['customers', 'plans', 'subscriptions'] as const;

/** What the state reader reads: every record store, and the meta records a load needs (not `damaged`). */
export const READER_REQUEST: ReaderRequest = {
  name: DB_NAME,
  version: IDB_VERSION,
  tables: RECORD_STORES,
  meta: { store: META_STORE, keys: ['info', 'reseller', 'counters', 'settings', 'stamps'] },
};
