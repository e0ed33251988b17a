/**
 * The state reader: a small Web Worker the page starts first thing on a reload, beside the
 * backend's worker (browser.ts). While the backend's worker is still loading its modules, this
 * one reads the saved state from IndexedDB in one read-only transaction, hands the chunks' text
 * to the backend over a MessagePort, then digests each text and hands the digests over too. The
 * backend parses as soon as the text arrives and checks the digests after (persistence.ts,
 * `PreRead`): reading and digesting run on another core, in parallel with the backend's start.
 *
 * It never creates nor changes anything: a database that does not exist or needs an upgrade, or
 * any failure, answers `none` and the backend reads by itself as before.
 */
import { digestOf } from './chunk-digest';
import { READER_REQUEST, type ReaderRequest } from './state-layout';

/** Chunks per message: a batch is handed over (and parsed there) while the next is read. */
export const BATCH_CHUNKS = 8;

export type ReaderMessage =
  | { kind: 'none' }
  | { kind: 'meta'; meta: Record<string, unknown>; counts: Record<string, number> }
  | { kind: 'chunks'; table: string; keys: IDBValidKey[]; values: unknown[] }
  | { kind: 'end' }
  | { kind: 'digests'; digests: Record<string, (string | undefined)[]> };

/** Where the reader answers: a MessagePort (or anything that posts messages in order). */
export interface ReaderPort {
  postMessage(message: ReaderMessage): void;
}

/**
 * Reads the saved state (READER_REQUEST) and answers on `port`; `done` is called once it has
 * said all it will say. Never throws: a failure answers `none`.
 */
export function readSavedState(port: ReaderPort, done: () => void = () => undefined, request: ReaderRequest = READER_REQUEST): void {
  const send = (message: ReaderMessage) => port.postMessage(message);
  let finished = false;
  const none = () => {
    if (finished) return;
    finished = true;
    try {
      send({ kind: 'none' });
    } finally {
      done();
    }
  };
  const { name, version, tables, meta } = request;
  let openRequest: IDBOpenDBRequest;
  try {
    openRequest = indexedDB.open(name, version);
  } catch {
    return none();
  }
  // Missing, or an older layout: not this reader's to create or upgrade.
  openRequest.onupgradeneeded = () => openRequest.transaction?.abort();
  openRequest.onerror = () => none();
  openRequest.onblocked = () => none();
  openRequest.onsuccess = () => {
    const db = openRequest.result;
    db.onversionchange = () => db.close();
    try {
      read(db);
    } catch {
      db.close();
      none();
    }
  };

  /** One read-only transaction: meta and counts first, then the chunks in batches, in table order. */
  function read(db: IDBDatabase) {
    const tx = db.transaction([...tables, meta.store], 'readonly');
    const texts: Record<string, unknown[]> = {};
    const metaValues: Record<string, unknown> = {};
    const counts: Record<string, number> = {};
    const metaStore = tx.objectStore(meta.store);
    for (const key of meta.keys) {
      const get = metaStore.get(key);
      get.onsuccess = () => {
        if (get.result !== undefined) metaValues[key] = get.result;
      };
    }
    tables.forEach((table, t) => {
      texts[table] = [];
      const store = tx.objectStore(table);
      const count = store.count();
      count.onsuccess = () => {
        counts[table] = count.result;
        // Requests complete in the order they were made: every meta record and count is in.
        if (t === tables.length - 1) send({ kind: 'meta', meta: metaValues, counts });
      };
      const keys = store.getAllKeys();
      keys.onsuccess = () => {
        const all = keys.result;
        for (let i = 0; i < all.length; i += BATCH_CHUNKS) {
          const batch = all.slice(i, i + BATCH_CHUNKS);
          const values = store.getAll(IDBKeyRange.bound(batch[0], batch[batch.length - 1]));
          values.onsuccess = () => {
            const got = values.result as unknown[];
            // Exactly these keys (one transaction: nothing comes in between), else give up.
            if (got.length !== batch.length) {
              tx.abort();
              return;
            }
            texts[table]!.push(...got);
            send({ kind: 'chunks', table, keys: batch, values: got });
          };
        }
      };
    });
    tx.onabort = () => {
      db.close();
      none();
    };
    tx.oncomplete = () => {
      db.close();
      if (finished) return;
      finished = true;
      try {
        send({ kind: 'end' });
        const digests: Record<string, (string | undefined)[]> = {};
        for (const table of tables) digests[table] = texts[table]!.map((v) => (typeof v === 'string' ? digestOf(v) : undefined));
        send({ kind: 'digests', digests });
      } finally {
        done();
      }
    };
  }
}

// As a Web Worker: the page sends the port to answer on, once.
const workerScope = (globalThis as { WorkerGlobalScope?: abstract new () => unknown }).WorkerGlobalScope;
if (workerScope && globalThis instanceof workerScope) {
  const scope = globalThis as unknown as { onmessage: ((event: MessageEvent) => void) | null; close(): void };
  scope.onmessage = (event: MessageEvent) => {
    const port = event.ports[0];
    if (!port) return;
    scope.onmessage = null;
    readSavedState(port, () => scope.close());
  };
}
