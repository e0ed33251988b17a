// @vitest-environment node
/**
 * Two tabs in one process: the second tab is a fresh copy of the mock-api modules (its own
 * store) sharing IndexedDB and the BroadcastChannel with the first.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { onExternalChange, startCrossTab, stopCrossTab } from './cross-tab';
import { resetToScenario } from './handlers/mock-tools';
import { flushPersistence, readKeys, startPersistence, stopPersistence } from './persistence';
import { buildScenario } from './scenarios';
import { REBUILDABLE } from './rebuildable';
import { runWrite } from './write-gate';
import { SETTINGS_KEY, db, recordKey, revisionOf, setSettings, transact } from './store';
import type * as StoreModule from './store';
import type * as PersistenceModule from './persistence';
import type * as CrossTabModule from './cross-tab';
import type * as MockToolsModule from './handlers/mock-tools';

type Modules = {
  store: typeof StoreModule;
  persistence: typeof PersistenceModule;
  crossTab: typeof CrossTabModule;
  tools: typeof MockToolsModule;
};
let tabB: Modules;
const DB = 'hosting-panel-cross-tab';
const fallback = () => buildScenario('default');

/** Resolves on the next external change seen by a tab. */
const nextChange = (subscribe: (listener: () => void) => () => void) =>
  new Promise<void>((resolve) => {
    const off = subscribe(() => {
      off();
      resolve();
    });
  });

beforeAll(async () => {
  await startPersistence({ dbName: DB, fallback });
  startCrossTab('tab-a');
  vi.resetModules();
  tabB = {
    store: await import('./store'),
    persistence: await import('./persistence'),
    crossTab: await import('./cross-tab'),
    tools: await import('./handlers/mock-tools'),
  };
  expect(tabB.store.db).not.toBe(db);
  await tabB.persistence.startPersistence({ dbName: DB, fallback });
  tabB.crossTab.startCrossTab('tab-b');
});

afterAll(() => {
  stopCrossTab();
  stopPersistence();
  tabB.crossTab.stopCrossTab();
  tabB.persistence.stopPersistence();
});

it('a write in one tab shows in the other, with the same revision (ETag)', async () => {
  const seen = nextChange(tabB.crossTab.onExternalChange);
  transact((tx) => {
    tx.put('customers', { ...tx.get('customers', 'cus-0001')!, city: 'Paris' });
  });
  await flushPersistence();
  await seen;
  expect(tabB.store.db().customers['cus-0001']?.city).toBe('Paris');
  const key = recordKey('customers', 'cus-0001');
  expect(tabB.store.revisionOf(key)).toBe(revisionOf(key));
});

it('neither tab loses the other’s writes, ids included', async () => {
  const seenByA = nextChange(onExternalChange);
  tabB.store.transact((tx) => {
    const id = tx.nextId('customers');
    tx.put('customers', { ...tx.get('customers', 'cus-0002')!, id, login: 'from-tab-b' });
    tx.remove('subscriptions', 'sub-00003');
  });
  await tabB.persistence.flushPersistence();
  await seenByA;
  expect(db().customers['cus-0009']?.login).toBe('from-tab-b');
  expect(db().subscriptions['sub-00003']).toBeUndefined();
  expect(db().indexes.customerByLogin.get('from-tab-b')).toBe('cus-0009');
  // Tab A's next id does not collide with the one tab B used.
  const next = transact((tx) => tx.nextId('customers'));
  expect(next).toBe('cus-0010');
  // Tab A's earlier write is still there in tab B.
  expect(tabB.store.db().customers['cus-0001']?.city).toBe('Paris');
  // Holdings stay consistent after applying the other tab's removal.
  expect(db().holdings).toEqual(tabB.store.db().holdings);
});

it('a scenario reset in one tab resets the other', async () => {
  const seen = nextChange(tabB.crossTab.onExternalChange);
  resetToScenario('sync-failure');
  await flushPersistence();
  await seen;
  expect(tabB.store.db().scenario).toBe('sync-failure');
  expect(tabB.store.db().order.subscriptions).toEqual(db().order.subscriptions);
});

it('settings saved in one tab show in the other', async () => {
  const seen = nextChange(tabB.crossTab.onExternalChange);
  setSettings({ latencyMs: 40, failureRate: 0 });
  await flushPersistence();
  await seen;
  expect(tabB.store.db().settings).toEqual({ latencyMs: 40, failureRate: 0 });
});

it('a tab’s own unsaved settings are not overwritten by what another tab saved before', async () => {
  // As on a same-tab navigation to `?latency=250`: the page left behind is still saving its
  // settings when the new one has taken its own from the address.
  const seenByB = nextChange(tabB.crossTab.onExternalChange);
  setSettings({ latencyMs: 100, failureRate: 0 });
  const savedByA = flushPersistence();
  tabB.store.setSettings({ latencyMs: 250, failureRate: 0.5 });
  expect(tabB.persistence.settingsUnsaved()).toBe(true);
  await savedByA;
  await seenByB;
  expect(tabB.store.db().settings).toEqual({ latencyMs: 250, failureRate: 0.5 });
  // Tab B's write then tells tab A: both end with the newer settings, on disk too.
  const seenByA = nextChange(onExternalChange);
  await tabB.persistence.flushPersistence();
  await seenByA;
  expect(tabB.persistence.settingsUnsaved()).toBe(false);
  expect(db().settings).toEqual({ latencyMs: 250, failureRate: 0.5 });
  expect((await readKeys([SETTINGS_KEY])).settings).toEqual({ latencyMs: 250, failureRate: 0.5 });
});

/** The real clock the next test made its two choices against (1 and 2 s ahead of it). */
let replacementsClock = 0;

it('of two whole-data replacements, the one chosen last stays, whichever is written last', async () => {
  // As on a same-tab navigation from `?scenario=empty` to `?scenario=default&latency=250`: the page
  // left behind writes its start-up scenario after the new page has written its own.
  const now = (replacementsClock = Date.now());
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(now + 1_000);
    resetToScenario('empty');
    vi.setSystemTime(now + 2_000);
    tabB.tools.resetToScenario('default');
    tabB.store.setSettings({ latencyMs: 250, failureRate: 0.5 });
    await tabB.persistence.flushPersistence();
    const adopted = nextChange(onExternalChange);
    // Tab A's older choice is refused on disk, and tab A takes the newer one.
    await flushPersistence();
    await adopted;
  } finally {
    vi.useRealTimers();
  }
  expect(db().scenario).toBe('default');
  expect(db().order.customers).toEqual(tabB.store.db().order.customers);
  expect(db().order.customers.length).toBeGreaterThan(0);
  expect(db().settings).toEqual({ latencyMs: 250, failureRate: 0.5 });
  expect(tabB.store.db().scenario).toBe('default');
  expect(tabB.store.db().settings).toEqual({ latencyMs: 250, failureRate: 0.5 });
  expect((await readKeys([SETTINGS_KEY])).settings).toEqual({ latencyMs: 250, failureRate: 0.5 });
  // And tab A writes on the adopted data again, with no whole write of its old data queued.
  const seenByB = nextChange(tabB.crossTab.onExternalChange);
  transact((tx) => {
    tx.put('customers', { ...tx.get('customers', 'cus-0001')!, city: 'Lyon' });
  });
  await flushPersistence();
  await seenByB;
  expect(tabB.store.db().customers['cus-0001']?.city).toBe('Lyon');
  expect(tabB.store.db().scenario).toBe('default');
});

it('a start-up scenario chosen before the saved one does not replace it', async () => {
  // The page left behind was still starting (its scenario not even named on disk yet).
  const saved = tabB.store.db().order.customers;
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    // Between the last test's two choices (1 and 2 s ahead of its clock), however long it took.
    vi.setSystemTime(replacementsClock + 1_500);
    const adopted = nextChange(onExternalChange);
    let heardByB = false;
    const offB = tabB.crossTab.onExternalChange(() => (heardByB = true));
    await startPersistence({ dbName: DB, fallback, startWith: () => buildScenario('empty'), scenarios: REBUILDABLE });
    await adopted;
    // The refused start-up write ends under the write gate: the next test's commits, made
    // outside the gate, must not land inside it.
    await runWrite(async () => undefined);
    offB();
    expect(heardByB).toBe(false);
  } finally {
    vi.useRealTimers();
  }
  expect(db().scenario).toBe('default');
  expect(db().order.customers).toEqual(saved);
  expect(tabB.store.db().scenario).toBe('default');
});

it('a tab adopting data chosen after its own settings takes that data’s settings, and does not write its own over them', async () => {
  const now = Date.now();
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    // Tab A chose a scenario and faults (not saved yet); tab B chose others since, and saved them.
    vi.setSystemTime(now + 3_000);
    resetToScenario('empty');
    setSettings({ latencyMs: 7, failureRate: 0 });
    vi.setSystemTime(now + 4_000);
    tabB.tools.resetToScenario('sync-failure');
    tabB.store.setSettings({ latencyMs: 300, failureRate: 0.25 });
    await tabB.persistence.flushPersistence();
    const adopted = nextChange(onExternalChange);
    await flushPersistence();
    await adopted;
    await flushPersistence();
  } finally {
    vi.useRealTimers();
  }
  expect(db().scenario).toBe('sync-failure');
  expect(db().settings).toEqual({ latencyMs: 300, failureRate: 0.25 });
  expect((await readKeys([SETTINGS_KEY])).settings).toEqual({ latencyMs: 300, failureRate: 0.25 });
  expect(tabB.store.db().settings).toEqual({ latencyMs: 300, failureRate: 0.25 });
});
