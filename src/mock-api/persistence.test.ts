// @vitest-environment node
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetToScenario } from './handlers/mock-tools';
import { server } from './node';
import { startCrossTab, stopCrossTab } from './cross-tab';
import { CHUNK_SIZE, chunkOf, damagedDocument, decodeChunk, encodeChunk, flushPersistence, startPersistence, stopPersistence } from './persistence';
import { buildScenario } from './scenarios';
import { buildWorld } from './scenario-builder';
import { REBUILDABLE } from './rebuildable';
import { db, setSettings, snapshotOf } from './store';
import { SCHEMA_VERSION } from './state-document';
import { api } from './test-helpers';

let n = 0;
const freshName = () => `hosting-panel-test-${++n}`;
const fallback = () => buildScenario('default');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => stopPersistence());
afterAll(() => server.close());

/** Simulates a reload: forget the in-memory store and load it again from IndexedDB. */
async function reload(dbName: string, options: Partial<Parameters<typeof startPersistence>[0]> = {}) {
  await flushPersistence();
  stopPersistence();
  resetToScenario('empty');
  return startPersistence({ dbName, fallback, ...options });
}

async function rawDb(name: string) {
  return openDB(name);
}

/** Records are stored in chunks of `[id, rev, value]` entries (as JSON text: see encodeChunk). */
async function recordCount(raw: Awaited<ReturnType<typeof rawDb>>, table: string) {
  const chunks = (await raw.getAll(table)) as unknown[];
  return chunks.reduce<number>((n, chunk) => n + (decodeChunk(chunk).entries?.length ?? 0), 0);
}
/** A stored chunk's entries. */
async function readChunk<T>(raw: Awaited<ReturnType<typeof rawDb>>, table: string, key: string): Promise<T[]> {
  return (decodeChunk(await raw.get(table, key)).entries ?? []) as T[];
}

describe('persistence', () => {
  it('starts from the default scenario when nothing is saved, and saves it', async () => {
    const name = freshName();
    expect(await startPersistence({ dbName: name, fallback })).toEqual({});
    expect(db().scenario).toBe('default');
    await flushPersistence();
    const raw = await rawDb(name);
    expect(await recordCount(raw, 'subscriptions')).toBe(25);
    expect(await raw.get('meta', 'info')).toEqual({ schemaVersion: SCHEMA_VERSION, scenario: 'default', generation: expect.any(String) });
    raw.close();
  });

  it('survives a reload: same records, same revisions (ETags)', async () => {
    const name = freshName();
    await startPersistence({ dbName: name, fallback });
    await api('PATCH', '/customers/cus-0001', { city: 'Villeurbanne' });
    await api('POST', '/customers', { contactName: 'New One', login: 'newone', password: 'password1' });
    await api('DELETE', '/subscriptions/sub-00002');
    await api('PUT', '/service-plans/plan-0001', { values: { resources: { max_box: 12 } } });
    await api('PUT', '/_mock/settings', { latencyMs: 5 });
    const saved = snapshotOf();
    const etag = (await api('GET', '/customers/cus-0001')).etag;
    expect(await reload(name)).toEqual({});
    expect(snapshotOf()).toEqual(saved);
    expect((await api('GET', '/customers/cus-0001')).etag).toBe(etag);
    expect(db().settings).toEqual({ latencyMs: 5, failureRate: 0 });
    await api('PUT', '/_mock/settings', { latencyMs: 0 });
  });

  it('writes only the chunks holding the records a request changed', async () => {
    const name = freshName();
    await startPersistence({ dbName: name, fallback });
    await flushPersistence(); // the first full write happens after start-up
    const puts: string[] = [];
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      puts.push(`${this.name}/${String(key)}`);
      return original.call(this, value, key);
    };
    try {
      await api('PATCH', '/customers/cus-0003', { city: 'Roma' });
      await api('POST', '/subscriptions/sub-00001/suspend');
      await flushPersistence();
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(puts.sort()).toEqual(['customers/c0', 'meta/info', 'meta/stamps', 'subscriptions/c0']);
  });

  it('a scenario chosen at start-up is saved as its name first: a reload before the full write rebuilds it', async () => {
    const name = freshName();
    await startPersistence({ dbName: name, fallback });
    await flushPersistence();
    const scenarios = { isName: (n: string) => n === 'sync-failure' || n === 'default', build: (n: string) => buildScenario(n as 'sync-failure') };
    await startPersistence({ dbName: name, fallback, startWith: () => buildScenario('sync-failure'), scenarios });
    const expected = snapshotOf();
    stopPersistence(); // the tab goes away before the deferred full write
    const raw = await rawDb(name);
    expect(await raw.get('meta', 'info')).toEqual({ schemaVersion: SCHEMA_VERSION, scenario: 'sync-failure', pending: true, generation: expect.any(String) });
    raw.close();
    resetToScenario('empty');
    expect(await startPersistence({ dbName: name, fallback, scenarios })).toEqual({});
    expect(snapshotOf()).toEqual(expected);
    // Then the full write happens, and the name is no longer pending.
    await flushPersistence();
    const after = await rawDb(name);
    expect(await after.get('meta', 'info')).toEqual({ schemaVersion: SCHEMA_VERSION, scenario: 'sync-failure', generation: expect.any(String) });
    expect(await recordCount(after, 'subscriptions')).toBe(expected.subscriptions.length);
    after.close();
  });

  it('a built world chosen at start-up (?build=) is saved as its name too, and a reload rebuilds the same world', async () => {
    const name = freshName();
    const build = { seed: 9, customers: 5, subscriptions: 30, plans: 5, mix: { unsynced: 0.2, locked: 0.1, custom: 0.1, suspended: 0.1, overused: 0.1 } };
    await startPersistence({ dbName: name, fallback, startWith: () => buildWorld(build), scenarios: REBUILDABLE });
    const expected = snapshotOf();
    stopPersistence();
    const raw = await rawDb(name);
    expect(await raw.get('meta', 'info')).toMatchObject({ scenario: 'build-9-5-30-5-0.2-0.1-0.1-0.1-0.1', pending: true });
    raw.close();
    resetToScenario('empty');
    expect(await startPersistence({ dbName: name, fallback, scenarios: REBUILDABLE })).toEqual({});
    expect(snapshotOf()).toEqual(expected);
  });

  it('a pending scenario name that cannot be rebuilt is replaced by the default scenario, with a notice', async () => {
    const name = freshName();
    await startPersistence({ dbName: name, fallback });
    await flushPersistence();
    stopPersistence();
    const raw = await rawDb(name);
    await raw.put('meta', { schemaVersion: SCHEMA_VERSION, scenario: 'no-such-scenario', pending: true }, 'info');
    raw.close();
    const { notice } = await startPersistence({ dbName: name, fallback, scenarios: { isName: () => false, build: fallback } });
    expect(notice).toMatchObject({ code: 'restored-default', reason: 'invalid' });
    expect(db().scenario).toBe('default');
  });

  it('a write is on disk when its response arrives, the pending start-up scenario with it', async () => {
    const name = freshName();
    const scenarios = { isName: (n: string) => n === 'default', build: () => buildScenario('default') };
    await startPersistence({ dbName: name, fallback, startWith: () => buildScenario('default'), scenarios });
    startCrossTab('only-tab');
    try {
      const made = await api('POST', '/customers', { contactName: 'Right Before Reload', login: 'reload.me', password: 'long enough' });
      expect(made.status).toBe(201);
      // The tab goes away the moment the response arrives (a QA script reloading): nothing is
      // flushed after this point.
      stopPersistence();
      const raw = await rawDb(name);
      const chunk = await readChunk<[string, number, { login: string }]>(raw, 'customers', chunkOf(made.body.id));
      expect(chunk.find(([id]) => id === made.body.id)?.[2].login).toBe('reload.me');
      expect(await raw.get('meta', 'info')).toEqual({ schemaVersion: SCHEMA_VERSION, scenario: 'default', generation: expect.any(String) });
      raw.close();
    } finally {
      stopCrossTab();
    }
  });

  it('places records in chunks by the number in their id', () => {
    expect(chunkOf('sub-00042')).toBe('c0');
    expect(chunkOf(`sub-${CHUNK_SIZE * 3 + 7}`)).toBe('c3');
    expect(chunkOf('imported-id-without-number-x')).toMatch(/^h\d+$/);
    expect(chunkOf('weird')).toBe(chunkOf('weird'));
  });

  it('another tab’s writes to the same chunk survive this tab’s next write', async () => {
    const name = freshName();
    await startPersistence({ dbName: name, fallback });
    await flushPersistence();
    // Another tab changes cus-0002 in chunk c0 (it writes the chunk and a new stamp).
    const raw = await rawDb(name);
    const chunk = await readChunk<[string, number, { city: string }]>(raw, 'customers', 'c0');
    const other = chunk.find((e) => e[0] === 'cus-0002')!;
    other[2] = { ...other[2], city: 'Written by the other tab' };
    other[1] += 100;
    const stamps = (await raw.get('meta', 'stamps')) as Record<string, string>;
    const written = encodeChunk(chunk as never);
    await raw.put('customers', written.text, 'c0');
    await raw.put('meta', { ...stamps, 'customers/c0': written.digest }, 'stamps');
    raw.close();
    // This tab, not yet told, edits cus-0003 in the same chunk.
    await api('PATCH', '/customers/cus-0003', { city: 'Written here' });
    await flushPersistence();
    const after = await readChunk<[string, number, { city: string }]>(await rawDb(name), 'customers', 'c0');
    expect(after.find((e) => e[0] === 'cus-0002')?.[2].city).toBe('Written by the other tab');
    expect(after.find((e) => e[0] === 'cus-0003')?.[2].city).toBe('Written here');
  });

  it('a scenario reset clears and rewrites everything', async () => {
    const name = freshName();
    await startPersistence({ dbName: name, fallback });
    await api('POST', '/_mock/reset', { scenario: 'sync-failure' });
    const saved = snapshotOf();
    await reload(name);
    expect(snapshotOf()).toEqual(saved);
    expect(db().scenario).toBe('sync-failure');
  });

  it('a write saves what the store holds when it writes, not what it held when it began', async () => {
    const name = freshName();
    await startPersistence({ dbName: name, fallback });
    await flushPersistence();
    setSettings({ latencyMs: 10, failureRate: 0 });
    // The settings change again while the write waits on its first read (meta 'info').
    const get = IDBObjectStore.prototype.get;
    let changed = false;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      if (!changed && this.name === 'meta' && key === 'info' && this.transaction.mode === 'readwrite') {
        changed = true;
        setSettings({ latencyMs: 20, failureRate: 0.5 });
      }
      return get.call(this, key);
    };
    try {
      await flushPersistence();
    } finally {
      IDBObjectStore.prototype.get = get;
    }
    expect(changed).toBe(true);
    // Not the next write (queued by the second change): dropped here.
    stopPersistence();
    const raw = await rawDb(name);
    expect(await raw.get('meta', 'settings')).toEqual({ latencyMs: 20, failureRate: 0.5 });
    raw.close();
  });

  it('migrates an older saved state and writes it back in the new version', async () => {
    const name = freshName();
    await startPersistence({ dbName: name, fallback });
    const migrations = {
      [SCHEMA_VERSION]: (doc: Record<string, unknown>) => ({ ...doc, reseller: { ...(doc.reseller as object), name: 'Northwind Hosting (migrated)' } }),
    };
    expect(await reload(name, { migrations, schemaVersion: SCHEMA_VERSION + 1 })).toEqual({});
    expect(db().reseller.name).toBe('Northwind Hosting (migrated)');
    await flushPersistence();
    const raw = await rawDb(name);
    expect((await raw.get('meta', 'info')).schemaVersion).toBe(SCHEMA_VERSION + 1);
    raw.close();
    // Already at the new version: no migration runs again.
    expect(await reload(name, { migrations: {}, schemaVersion: SCHEMA_VERSION + 1 })).toEqual({});
    expect(db().reseller.name).toBe('Northwind Hosting (migrated)');
  });

  it.each([
    ['invalid', async (raw: Awaited<ReturnType<typeof rawDb>>) => raw.put('meta', { rev: 1, value: {} }, 'reseller')],
    ['newer-version', async (raw: Awaited<ReturnType<typeof rawDb>>) => raw.put('meta', { schemaVersion: 99, scenario: 'x' }, 'info')],
    ['unknown-version', async (raw: Awaited<ReturnType<typeof rawDb>>) => raw.put('meta', { schemaVersion: 0, scenario: 'x' }, 'info')],
  ])('a %s saved state is replaced by the default scenario, with a notice', async (reason, spoil) => {
    const name = freshName();
    await startPersistence({ dbName: name, fallback });
    await api('POST', '/_mock/reset', { scenario: 'sync-failure' });
    await flushPersistence();
    stopPersistence();
    const raw = await rawDb(name);
    await spoil(raw);
    raw.close();
    resetToScenario('empty');
    const { notice } = await startPersistence({ dbName: name, fallback });
    expect(notice).toMatchObject({ code: 'restored-default', reason });
    expect(notice?.detail).toBeTruthy();
    expect(db().scenario).toBe('default');
    // The default scenario was saved in place of the bad state.
    expect(await reload(name)).toEqual({});
    expect(db().scenario).toBe('default');
  });

  it('a database from a newer version of the panel is replaced too', async () => {
    const name = freshName();
    const newer = await openDB(name, 7, { upgrade: (d) => void d.createObjectStore('future') });
    newer.close();
    const { notice } = await startPersistence({ dbName: name, fallback });
    expect(notice).toMatchObject({ code: 'restored-default', reason: 'newer-version' });
    expect(db().order.subscriptions).toHaveLength(25);
    await api('PATCH', '/customers/cus-0001', { city: 'Annecy' });
    await reload(name);
    expect(db().customers['cus-0001']?.city).toBe('Annecy');
  });
});

describe('one bad record does not discard the saved state (salvage)', () => {
  type Raw = Awaited<ReturnType<typeof rawDb>>;
  type Entry = [string, number, Record<string, unknown>];
  /** Changes one record inside its stored chunk (its text changes, its stamp does not). */
  const spoilRecord = (table: string, id: string, spoil: (value: Record<string, unknown>) => void) => async (raw: Raw) => {
    const chunk = await readChunk<Entry>(raw, table, 'c0');
    spoil(chunk.find((e) => e[0] === id)![2]);
    await raw.put(table, JSON.stringify(chunk), 'c0');
  };
  // [what, how, ids that must be dropped, ids that must survive]
  const MEMBERS: [string, (raw: Raw) => Promise<unknown>, string[], string[]][] = [
    [
      'a subscription with a bad domain',
      spoilRecord('subscriptions', 'sub-00003', (v) => (v.domain = 'bad..example.com')),
      ['sub-00003'],
      ['sub-00001', 'cus-0001', 'plan-0001'],
    ],
    ['a customer with a bad login', spoilRecord('customers', 'cus-0002', (v) => (v.login = 'Bad Login')), ['cus-0002'], ['cus-0001', 'sub-00001']],
    [
      'a plan with a counter of 1e308',
      spoilRecord('plans', 'plan-0005', (v) => ((v.values as { resources: Record<string, number> }).resources.max_box = 1e308)),
      ['plan-0005'],
      ['plan-0001', 'sub-00001'],
    ],
    [
      'a subscription of 5,000 websites',
      spoilRecord('subscriptions', 'sub-00002', (v) => (v.websites = [v.domain, ...Array.from({ length: 5000 }, (_, i) => `w${i}.example.org`)])),
      ['sub-00002'],
      ['sub-00001'],
    ],
    [
      'an entry without a revision',
      async (raw) => {
        const chunk = await readChunk<unknown>(raw, 'customers', 'c0');
        chunk[2] = ['cus-0003', 'no revision'];
        await raw.put('customers', JSON.stringify(chunk), 'c0');
      },
      ['cus-0003'],
      ['cus-0001'],
    ],
    ['an unreadable chunk', (raw) => raw.put('plans', 'garbage', 'c0'), ['plan-0001'], ['cus-0001']],
    ['a missing chunk', (raw) => raw.delete('customers', 'c0'), ['cus-0001'], ['plan-0001']],
    ['a missing info record', (raw) => raw.delete('meta', 'info'), [], ['cus-0001', 'sub-00001', 'plan-0001']],
    ['counters of 1e308', (raw) => raw.put('meta', { customers: 1e308, plans: 5, subscriptions: 25 }, 'counters'), [], ['cus-0001', 'sub-00001']],
  ];
  const exists = (id: string) => {
    const table = id.startsWith('cus') ? 'customers' : id.startsWith('plan') ? 'plans' : 'subscriptions';
    return Object.hasOwn(db()[table], id);
  };

  it.each(MEMBERS)('%s: keeps the valid records, names the dropped ones, keeps the damaged data first', async (_what, spoil, droppedIds, kept) => {
    const name = freshName();
    await startPersistence({ dbName: name, fallback });
    await api('POST', '/_mock/reset', { scenario: 'default' });
    await flushPersistence();
    stopPersistence();
    const raw = await rawDb(name);
    await spoil(raw);
    raw.close();
    resetToScenario('empty');
    const { notice } = await startPersistence({ dbName: name, fallback });
    expect(notice).toMatchObject({ code: 'salvaged', damagedKept: true });
    for (const id of droppedIds) expect(exists(id), id).toBe(false);
    for (const id of kept) expect(exists(id), id).toBe(true);
    const named = [...notice!.dropped!.customers, ...notice!.dropped!.plans, ...notice!.dropped!.subscriptions];
    for (const id of droppedIds.filter(() => notice!.dropped!.unreadable === 0)) expect(named).toContain(id);
    // The damaged data is kept before anything is overwritten, and after the full write too.
    expect(damagedDocument()).toContain('hosting-panel-damaged-state');
    await flushPersistence();
    const after = await rawDb(name);
    expect(await after.get('meta', 'damaged')).toBeDefined();
    after.close();
    // What was salvaged is consistent: a create works, and the next load is quiet.
    expect((await api('POST', '/customers', { contactName: 'After Salvage', login: 'aftersalvage', password: 'long enough' })).status).toBe(201);
    expect(await reload(name)).toEqual({});
    for (const id of kept) expect(exists(id), id).toBe(true);
  });
});

describe('chunks as written are not checked twice (encodeChunk)', () => {
  type Raw = Awaited<ReturnType<typeof rawDb>>;
  type Entry = [string, number, Record<string, unknown>];
  /** A saved default world, and the database to plant things in. */
  async function saved(): Promise<{ name: string; raw: Raw }> {
    const name = freshName();
    await startPersistence({ dbName: name, fallback });
    await api('POST', '/_mock/reset', { scenario: 'default' });
    await flushPersistence();
    stopPersistence();
    return { name, raw: await rawDb(name) };
  }

  it('a chunk whose text is exactly what its stamp says is taken as it is; the same text edited is checked', async () => {
    const { name, raw } = await saved();
    const entries = await readChunk<Entry>(raw, 'customers', 'c0');
    entries.find((e) => e[0] === 'cus-0002')![2].login = 'Bad Login';
    // Stamped as if this app had written it: the trust is in the digest, not in the records.
    const forged = encodeChunk(entries as never);
    const stamps = (await raw.get('meta', 'stamps')) as Record<string, string>;
    await raw.put('customers', forged.text, 'c0');
    await raw.put('meta', { ...stamps, 'customers/c0': forged.digest }, 'stamps');
    raw.close();
    resetToScenario('empty');
    expect(await startPersistence({ dbName: name, fallback })).toEqual({});
    expect(db().customers['cus-0002']?.login).toBe('Bad Login');
    stopPersistence();

    // One character more in the text, the stamp unchanged: every record of the chunk is checked.
    const again = await rawDb(name);
    await again.put('customers', `${forged.text} `, 'c0');
    again.close();
    resetToScenario('empty');
    const { notice } = await startPersistence({ dbName: name, fallback });
    expect(notice).toMatchObject({ code: 'salvaged', dropped: { customers: ['cus-0002'] } });
    expect(Object.hasOwn(db().customers, 'cus-0001')).toBe(true);
  });

  it('the rules between records are checked again unless the reseller record is as written too', async () => {
    const { name, raw } = await saved();
    const stamps = (await raw.get('meta', 'stamps')) as Record<string, string>;
    expect(stamps['meta/reseller']).toEqual(expect.any(String));
    // Every chunk untouched; the reseller's pool loses the address sub-00001 uses.
    const row = (await raw.get('meta', 'reseller')) as { rev: number; value: { ipPool: { address: string }[] } };
    const first = decodeChunk(await raw.get('subscriptions', 'c0')).entries as [string, number, { ipAddress: string }][];
    const address = first.find(([id]) => id === 'sub-00001')![2].ipAddress;
    row.value.ipPool = row.value.ipPool.filter((ip) => ip.address !== address);
    await raw.put('meta', row, 'reseller');
    raw.close();
    resetToScenario('empty');
    const { notice } = await startPersistence({ dbName: name, fallback });
    expect(notice?.dropped?.subscriptions).toContain('sub-00001');
    expect(Object.hasOwn(db().subscriptions, 'sub-00001')).toBe(false);
  });

  it('chunks in the older array form are read, checked, and saved again as text', async () => {
    const { name, raw } = await saved();
    for (const table of ['customers', 'plans', 'subscriptions']) {
      for (const key of await raw.getAllKeys(table)) await raw.put(table, await readChunk(raw, table, String(key)), key);
    }
    raw.close();
    resetToScenario('empty');
    expect(await startPersistence({ dbName: name, fallback })).toEqual({});
    expect(Object.keys(db().subscriptions).length).toBeGreaterThan(0);
    await flushPersistence();
    const after = await rawDb(name);
    for (const chunk of await after.getAll('subscriptions')) expect(typeof chunk).toBe('string');
    after.close();
  });
});
