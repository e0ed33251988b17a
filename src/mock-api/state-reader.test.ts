// @vitest-environment node
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetToScenario } from './handlers/mock-tools';
import { server } from './node';
import { decodeChunk, flushPersistence, startPersistence, stopPersistence, type PreRead } from './persistence';
import { preReadFrom, resetStateReader, stateReaderGone } from './pre-read';
import { readSavedState, BATCH_CHUNKS, type ReaderMessage } from './state-reader';
import { READER_REQUEST, RECORD_STORES } from './state-layout';
import { loadScenario, buildScenario } from './scenarios';
import { TABLES, db, snapshotOf } from './store';
import { api } from './test-helpers';

let n = 0;
const freshName = () => `hosting-panel-reader-test-${++n}`;
const fallback = () => buildScenario('default');

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await loadScenario('large');
});
afterEach(() => {
  stopPersistence();
  resetStateReader();
});
afterAll(() => server.close());

/** Everything the reader says about database `name`, in order. */
function readerMessages(name: string): Promise<ReaderMessage[]> {
  return new Promise((resolve) => {
    const messages: ReaderMessage[] = [];
    readSavedState({ postMessage: (m) => messages.push(structuredClone(m)) }, () => resolve(messages), { ...READER_REQUEST, name });
  });
}

/** The backend's PreRead over a real MessageChannel, fed with these messages (or the reader's own). */
function preReadOf(messages: ReaderMessage[]): Promise<PreRead | undefined> {
  const { port1, port2 } = new MessageChannel();
  for (const m of messages) port1.postMessage(m);
  const pre = preReadFrom(port2 as unknown as globalThis.MessagePort);
  return pre.finally(() => port1.close());
}

/** A saved `large` world (10,000 subscriptions: 21 chunks, three batches) with one edit on top. */
async function savedLarge(): Promise<string> {
  const name = freshName();
  await startPersistence({ dbName: name, fallback });
  await api('POST', '/_mock/reset', { scenario: 'large' });
  await api('PATCH', '/customers/cus-0001', { city: 'Villeurbanne' });
  await flushPersistence();
  stopPersistence();
  return name;
}

/** Loads `name` by itself: the store's snapshot, one ETag and the notice. */
async function loadBy(name: string, preRead?: Promise<PreRead | undefined>) {
  resetToScenario('empty');
  const result = await startPersistence({ dbName: name, fallback, ...(preRead ? { preRead } : {}) });
  const snapshot = snapshotOf();
  const etag = (await api('GET', '/customers/cus-0001')).etag;
  stopPersistence();
  return { result, snapshot, etag, revisions: new Map(db().revisions) };
}

describe('the state reader', () => {
  it('reads the tables in table order, in batches, after the meta records', async () => {
    const name = await savedLarge();
    const messages = await readerMessages(name);
    expect(messages[0]).toMatchObject({ kind: 'meta', counts: { customers: 5, plans: 1, subscriptions: 21 } });
    const batches = messages.filter((m) => m.kind === 'chunks');
    expect(batches.map((b) => b.table)).toEqual(['customers', 'plans', 'subscriptions', 'subscriptions', 'subscriptions']);
    expect(batches.every((b) => b.keys.length === b.values.length && b.keys.length <= BATCH_CHUNKS)).toBe(true);
    expect(messages.slice(-2).map((m) => m.kind)).toEqual(['end', 'digests']);
    // Every record, once.
    const ids = batches.filter((b) => b.table === 'subscriptions').flatMap((b) => b.values.flatMap((v) => decodeChunk(v).entries as [string][]));
    expect(new Set(ids.map(([id]) => id)).size).toBe(10_000);
  });

  it('a load from what it read gives the store a load by itself gives, quietly', async () => {
    const name = await savedLarge();
    const own = await loadBy(name);
    const viaReader = await loadBy(name, preReadOf(await readerMessages(name)));
    expect(own.result).toEqual({});
    expect(viaReader.result).toEqual({});
    expect(viaReader.snapshot).toEqual(own.snapshot);
    expect(viaReader.snapshot.customers.find((c) => c.id === 'cus-0001')?.city).toBe('Villeurbanne');
    expect(viaReader.etag).toBe(own.etag);
    expect(viaReader.revisions).toEqual(own.revisions);
  });

  it('a chunk edited behind the app’s back is checked record by record, as without it', async () => {
    const name = await savedLarge();
    const raw = await openDB(name);
    const entries = decodeChunk(await raw.get('customers', 'c0')).entries as [string, number, { login: string }][];
    entries.find((e) => e[0] === 'cus-0002')![2].login = 'Bad Login';
    await raw.put('customers', JSON.stringify(entries), 'c0');
    raw.close();
    const { result, snapshot } = await loadBy(name, preReadOf(await readerMessages(name)));
    expect(result.notice).toMatchObject({ code: 'salvaged', dropped: { customers: ['cus-0002'] } });
    expect(snapshot.customers.some((c) => c.id === 'cus-0001')).toBe(true);
  });

  it('creates nothing when nothing is saved: it answers none, and the load starts on the default scenario', async () => {
    const name = freshName();
    expect(await readerMessages(name)).toEqual([{ kind: 'none' }]);
    expect((await indexedDB.databases()).some((d) => d.name === name)).toBe(false);
    const { result, snapshot } = await loadBy(name, preReadOf([{ kind: 'none' }]));
    expect(result).toEqual({});
    expect(snapshot.scenario).toBe('default');
  });

  it('stopping half-way makes the load read by itself', async () => {
    const name = await savedLarge();
    const own = await loadBy(name);
    const messages = await readerMessages(name);
    const firstBatches = messages.slice(0, messages.findIndex((m) => m.kind === 'chunks' && m.table === 'subscriptions') + 1);
    const viaReader = await loadBy(name, preReadOf([...firstBatches, { kind: 'none' }]));
    expect(viaReader.result).toEqual({});
    expect(viaReader.snapshot).toEqual(own.snapshot);
  });

  it('without its digests (it failed after reading), the load digests the chunks itself and still trusts them', async () => {
    const name = await savedLarge();
    const own = await loadBy(name);
    const messages = (await readerMessages(name)).filter((m) => m.kind !== 'digests');
    const pre = preReadOf(messages);
    const loading = loadBy(name, pre);
    await pre;
    stateReaderGone();
    const viaReader = await loading;
    expect(viaReader.result).toEqual({});
    expect(viaReader.snapshot).toEqual(own.snapshot);
  });

  it('is not waited for when the page said it failed before the load began', async () => {
    stateReaderGone();
    const { port2 } = new MessageChannel();
    expect(await preReadFrom(port2 as unknown as globalThis.MessagePort)).toBeUndefined();
  });

  it('reads the stores the store has', () => {
    expect([...RECORD_STORES]).toEqual([...TABLES]);
  });
});
