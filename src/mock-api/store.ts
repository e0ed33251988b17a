/**
 * The mock backend's data: a zustand vanilla store of typed tables (reseller, customers, plans,
 * subscriptions) with a stable insertion order, per-record revisions (ETags), id counters, the
 * mock's settings, secondary indexes and the running `holdings` the sync engine needs.
 *
 * Every write goes through a `Transaction`: a request reads through it, stages its changes, and
 * `transact` commits them in one `setState` only if nothing threw — so a failed request changes
 * nothing. A commit copies only the tables it touched (shallowly), updates the indexes and
 * holdings from the old/new rows, bumps the revisions of the changed records and tells its
 * listeners (persistence, cross-tab) which record keys changed.
 */
import { createStore } from 'zustand/vanilla';
import type { MockSettings } from '../domain/schemas';
import { addHolding, cloneHoldings, holdingsOf, type Holdings } from '../domain/availability';
import { nameKey } from '../domain/schemas';
import type { EngineContext } from '../domain/sync-engine';
import { namesOf } from '../domain/websites';
import type { Customer, Reseller, ServicePlan, Subscription } from '../domain/types';

// The tables and their row types are the state document's (src/domain/state-rules.ts): named once.
export { STATE_TABLES as TABLES, type StateTable as TableName, type StateRows as RowTypes } from '../domain/state-rules';
import { STATE_TABLES as TABLES, type StateTable as TableName, type StateRows as RowTypes } from '../domain/state-rules';

export interface Counters {
  customers: number;
  plans: number;
  subscriptions: number;
}

/** latencyMs: delay added to every /api/v1 request except /_mock; failureRate: the probability
 * (0..1) that such a request fails with a simulated 503; failOn: which requests may fail. */
export type { MockSettings } from '../domain/schemas';
export const DEFAULT_SETTINGS: MockSettings = { latencyMs: 0, failureRate: 0 };

/** The store's data as plain JSON: what scenarios build and what export/import carry. */
export interface Snapshot {
  scenario: string;
  reseller: Reseller;
  customers: Customer[];
  plans: ServicePlan[];
  subscriptions: Subscription[];
  counters: Counters;
}

/** Derived lookups, kept current by every commit. Owner `''` stands for the reseller itself. */
export interface Indexes {
  subscriptionsByPlan: Map<string, Set<string>>;
  subscriptionsByAddon: Map<string, Set<string>>;
  subscriptionsByOwner: Map<string, Set<string>>;
  /** lowercase domain → subscription id */
  subscriptionByDomain: Map<string, string>;
  subscriptionBySystemUser: Map<string, string>;
  /** every website and alias name (lowercase) → subscription id: names are unique panel-wide (SPEC §1.5) */
  subscriptionByName: Map<string, string>;
  /** login → customer id */
  customerByLogin: Map<string, string>;
  /** `${kind}:${lowercase name}` → plan id */
  planByName: Map<string, string>;
}

export interface MockDbState {
  scenario: string;
  reseller: Reseller;
  customers: Record<string, Customer>;
  plans: Record<string, ServicePlan>;
  subscriptions: Record<string, Subscription>;
  order: Record<TableName, string[]>;
  /** Revision per record key (`customers/cus-0001`, `meta/reseller`); the ETag derives from it. */
  revisions: Map<string, number>;
  /** Highest revision handed out; new revisions are larger. */
  revisionSeq: number;
  counters: Counters;
  settings: MockSettings;
  indexes: LazyIndexes;
  /** Totals held by all subscriptions (SPEC §1.4), for the engine's availability. */
  holdings: Holdings;
  /** Bumped on every commit; caches (sorted lists) key on it. */
  version: number;
}

export const OWNER_RESELLER = '';
export const RESELLER_KEY = 'meta/reseller';
export const COUNTERS_KEY = 'meta/counters';
export const SETTINGS_KEY = 'meta/settings';

export const recordKey = (table: TableName, id: string): string => `${table}/${id}`;
export function parseRecordKey(key: string): { table: TableName; id: string } | undefined {
  const slash = key.indexOf('/');
  const table = key.slice(0, slash) as TableName;
  return slash > 0 && TABLES.includes(table) ? { table, id: key.slice(slash + 1) } : undefined;
}

const ID_PREFIX: Record<TableName, [prefix: string, digits: number]> = {
  customers: ['cus', 4],
  plans: ['plan', 4],
  subscriptions: ['sub', 5],
};
export function formatId(table: TableName, n: number): string {
  const [prefix, digits] = ID_PREFIX[table];
  return `${prefix}-${String(n).padStart(digits, '0')}`;
}

/**
 * A table: records by id in an object WITHOUT a prototype, so that an id naming a built-in member
 * (`constructor`, `__proto__`, `toString`…) finds nothing (SPEC §2: such an id is simply unknown)
 * and `__proto__` is an ordinary key. Every table object is made here; lookups also go through
 * `ownRow`, which only ever reads an own property.
 */
export function newTable<T>(rows?: Record<string, T>): Record<string, T> {
  const table = Object.create(null) as Record<string, T>;
  return rows ? Object.assign(table, rows) : table;
}
export function ownRow<T>(table: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(table, id) ? table[id] : undefined;
}

const planNameKey = (kind: string, name: string) => `${kind}:${nameKey(name)}`;
const ownerKey = (ownerId: string | null) => ownerId ?? OWNER_RESELLER;

// ---------------------------------------------------------------------------------------------
// Indexes

/**
 * The indexes of a state, built on first use and from then on kept current by every commit. A
 * world's first rows need none of them (the list reads the tables and its cached sorts), and
 * building them for 50,000 subscriptions is ~0.3 s of a cold or warm start; they are built the
 * first time a write checks a unique name, a list is filtered by customer or plan, and so on.
 * Until then each commit hands them its new tables (`follow`), so they are built from the
 * latest tables of their own line of states — as the built ones are updated in place.
 */
class LazyIndexes implements Indexes {
  #built: Indexes | undefined;
  #tables: Pick<MockDbState, TableName>;
  constructor(tables: Pick<MockDbState, TableName>) {
    this.#tables = tables;
  }
  /** Built already: a commit then updates them (else it only hands over its tables). */
  get built(): boolean {
    return this.#built !== undefined;
  }
  /** The tables a commit made (indexes not built yet). */
  follow(tables: Pick<MockDbState, TableName>): void {
    this.#tables = tables;
  }
  #all(): Indexes {
    if (this.#built) return this.#built;
    const ix = emptyIndexes();
    for (const table of TABLES) {
      const rows = this.#tables[table] as Record<string, RowTypes[TableName]>;
      for (const id in rows) indexRow(ix, table, rows[id]!, true);
    }
    return (this.#built = ix);
  }
  get subscriptionsByPlan() {
    return this.#all().subscriptionsByPlan;
  }
  get subscriptionsByAddon() {
    return this.#all().subscriptionsByAddon;
  }
  get subscriptionsByOwner() {
    return this.#all().subscriptionsByOwner;
  }
  get subscriptionByDomain() {
    return this.#all().subscriptionByDomain;
  }
  get subscriptionBySystemUser() {
    return this.#all().subscriptionBySystemUser;
  }
  get subscriptionByName() {
    return this.#all().subscriptionByName;
  }
  get customerByLogin() {
    return this.#all().customerByLogin;
  }
  get planByName() {
    return this.#all().planByName;
  }
}

function emptyIndexes(): Indexes {
  return {
    subscriptionsByPlan: new Map(),
    subscriptionsByAddon: new Map(),
    subscriptionsByOwner: new Map(),
    subscriptionByDomain: new Map(),
    subscriptionBySystemUser: new Map(),
    subscriptionByName: new Map(),
    customerByLogin: new Map(),
    planByName: new Map(),
  };
}

function addToSet(map: Map<string, Set<string>>, key: string, id: string) {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}
function removeFromSet(map: Map<string, Set<string>>, key: string, id: string) {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) map.delete(key);
}

function indexRow<T extends TableName>(ix: Indexes, table: T, row: RowTypes[T], add: boolean) {
  if (table === 'subscriptions') {
    const s = row as Subscription;
    const op = add ? addToSet : removeFromSet;
    if (s.planId !== null) op(ix.subscriptionsByPlan, s.planId, s.id);
    for (const a of s.addonIds) op(ix.subscriptionsByAddon, a, s.id);
    op(ix.subscriptionsByOwner, ownerKey(s.ownerId), s.id);
    if (add) {
      ix.subscriptionByDomain.set(s.domain.toLowerCase(), s.id);
      ix.subscriptionBySystemUser.set(s.systemUser, s.id);
      for (const name of namesOf(s)) ix.subscriptionByName.set(name, s.id);
    } else {
      if (ix.subscriptionByDomain.get(s.domain.toLowerCase()) === s.id) ix.subscriptionByDomain.delete(s.domain.toLowerCase());
      if (ix.subscriptionBySystemUser.get(s.systemUser) === s.id) ix.subscriptionBySystemUser.delete(s.systemUser);
      for (const name of namesOf(s)) if (ix.subscriptionByName.get(name) === s.id) ix.subscriptionByName.delete(name);
    }
  } else if (table === 'customers') {
    const c = row as Customer;
    if (add) ix.customerByLogin.set(c.login, c.id);
    else if (ix.customerByLogin.get(c.login) === c.id) ix.customerByLogin.delete(c.login);
  } else {
    const p = row as ServicePlan;
    const key = planNameKey(p.kind, p.name);
    if (add) ix.planByName.set(key, p.id);
    else if (ix.planByName.get(key) === p.id) ix.planByName.delete(key);
  }
}

/** Whether a subscription change can move it in an index (most changes touch values or status only). */
function sameIndexedFields(a: Subscription, b: Subscription): boolean {
  return (
    a.planId === b.planId &&
    a.ownerId === b.ownerId &&
    a.domain === b.domain &&
    a.systemUser === b.systemUser &&
    a.sites === b.sites &&
    a.addonIds.length === b.addonIds.length &&
    a.addonIds.every((id, i) => b.addonIds[i] === id)
  );
}

// ---------------------------------------------------------------------------------------------
// The store

function stateFromSnapshot(
  snapshot: Snapshot,
  settings: MockSettings,
  revisionSeq: number,
  revisions?: Map<string, number>,
  /** `revisions` is the caller's to give away (a load's), with one for every row: kept as the store's map, not copied. */
  adopt = false,
): MockDbState {
  const order: Record<TableName, string[]> = { customers: [], plans: [], subscriptions: [] };
  const tables = { customers: newTable(), plans: newTable(), subscriptions: newTable() } as { [T in TableName]: Record<string, RowTypes[T]> };
  let seq = revisionSeq;
  let revs: Map<string, number>;
  let rev: (key: string) => void;
  const adopting = adopt && revisions !== undefined;
  if (adopting && revisions) {
    // The highest first, so a record without a revision gets a new, higher one.
    for (const known of revisions.values()) if (known > seq) seq = known;
    revs = revisions;
    // Every row has one (the caller says so): only the reseller's may be missing.
    rev = (key) => {
      if (key === RESELLER_KEY && !revs.has(key)) revs.set(key, ++seq);
    };
  } else {
    revs = new Map<string, number>();
    rev = (key) => {
      const known = revisions?.get(key);
      if (known !== undefined) {
        seq = Math.max(seq, known);
        revs.set(key, known);
      } else revs.set(key, ++seq);
    };
  }
  for (const table of TABLES) {
    for (const row of snapshot[table] as RowTypes[typeof table][]) {
      (tables[table] as Record<string, RowTypes[typeof table]>)[row.id] = row;
      order[table].push(row.id);
      if (!adopting) rev(recordKey(table, row.id));
    }
  }
  rev(RESELLER_KEY);
  return {
    scenario: snapshot.scenario,
    reseller: snapshot.reseller,
    ...tables,
    order,
    revisions: revs,
    revisionSeq: seq,
    counters: { ...snapshot.counters },
    settings: { ...settings },
    indexes: new LazyIndexes(tables),
    holdings: holdingsOf(snapshot.subscriptions),
    version: 0,
  };
}

const EMPTY_SNAPSHOT: Snapshot = {
  scenario: 'none',
  reseller: { name: '', limits: {} as Reseller['limits'], permissions: {} as Reseller['permissions'], oversell: false, ipPool: [] },
  customers: [],
  plans: [],
  subscriptions: [],
  counters: { customers: 0, plans: 0, subscriptions: 0 },
};

/** The one store of the mock backend. Screens never read it: they use the API. */
export const mockDb = createStore<MockDbState>()(() => stateFromSnapshot(EMPTY_SNAPSHOT, DEFAULT_SETTINGS, 0));

export const db = (): MockDbState => mockDb.getState();

export function revisionOf(key: string): number {
  return db().revisions.get(key) ?? 0;
}

export function snapshotOf(state: MockDbState = db()): Snapshot {
  return {
    scenario: state.scenario,
    reseller: state.reseller,
    customers: state.order.customers.map((id) => state.customers[id]!),
    plans: state.order.plans.map((id) => state.plans[id]!),
    subscriptions: state.order.subscriptions.map((id) => state.subscriptions[id]!),
    counters: { ...state.counters },
  };
}

// ---------------------------------------------------------------------------------------------
// Commit events (persistence and cross-tab consistency listen to them)

export interface CommitEvent {
  /** 'local' = a request in this tab; 'external' = applied from another tab. */
  source: 'local' | 'external';
  /** The whole store was replaced (scenario reset, import, load). */
  reset: boolean;
  /** Record keys written or deleted (empty on reset). */
  keys: string[];
}
type CommitListener = (event: CommitEvent) => void;
const commitListeners = new Set<CommitListener>();

export function onCommit(listener: CommitListener): () => void {
  commitListeners.add(listener);
  return () => commitListeners.delete(listener);
}
function emit(event: CommitEvent) {
  for (const listener of commitListeners) listener(event);
}

// ---------------------------------------------------------------------------------------------
// Undo journal: a write that cannot be saved is taken back (issue 13, class 2)

type UndoEntry =
  | {
      kind: 'rows';
      rows: RowChange[];
      revisions: Map<string, number>;
      reseller?: Reseller | undefined;
      counters?: Counters | undefined;
      /** The insertion order before (commits copy the arrays they change, never mutate them). */
      order: MockDbState['order'];
    }
  | { kind: 'reset'; state: MockDbState }
  | { kind: 'settings'; settings: MockSettings };
let journal: UndoEntry[] | undefined;

/**
 * Records how to undo every LOCAL change from now on, until `rollback` or `forget` is called on
 * the returned handle. The write gate opens one around each API write: if the write cannot be
 * saved (storage full), the in-memory store goes back to exactly what it was, so nothing is
 * half-applied and memory never holds what the disk does not.
 */
export function recordUndo(): { rollback(): void; forget(): void } {
  const entries: UndoEntry[] = [];
  journal = entries;
  const close = () => {
    if (journal === entries) journal = undefined;
  };
  return {
    forget: close,
    rollback() {
      close();
      for (const entry of entries.reverse()) {
        if (entry.kind === 'reset') {
          mockDb.setState({ ...entry.state, version: db().version + 1 }, true);
          emit({ source: 'external', reset: true, keys: [] });
        } else if (entry.kind === 'settings') {
          mockDb.setState({ settings: entry.settings });
          emit({ source: 'external', reset: false, keys: [SETTINGS_KEY] });
        } else {
          // 'external': what is restored is what the disk already holds, nothing to re-save.
          applyChanges({ rows: entry.rows, reseller: entry.reseller, counters: entry.counters, revisions: entry.revisions, source: 'external' });
          // A record put back goes back to its place in the lists, not to their end.
          mockDb.setState({ order: entry.order });
        }
      }
    },
  };
}

/** Replaces the whole store (scenario reset, import, load from IndexedDB, another tab's reset). */
export function replaceAll(
  snapshot: Snapshot,
  options: { source?: 'local' | 'external'; settings?: MockSettings; revisions?: Map<string, number>; adoptRevisions?: boolean } = {},
): void {
  const prev = db();
  if ((options.source ?? 'local') === 'local') journal?.push({ kind: 'reset', state: prev });
  const next = stateFromSnapshot(snapshot, options.settings ?? prev.settings, prev.revisionSeq, options.revisions, options.adoptRevisions);
  next.version = prev.version + 1;
  mockDb.setState(next, true);
  emit({ source: options.source ?? 'local', reset: true, keys: [] });
}

export function setSettings(settings: MockSettings, source: 'local' | 'external' = 'local'): void {
  if (source === 'local') journal?.push({ kind: 'settings', settings: db().settings });
  mockDb.setState({ settings: { ...settings } });
  emit({ source, reset: false, keys: [SETTINGS_KEY] });
}

/** A change to apply: `value: null` deletes the record. */
export interface RowChange<T extends TableName = TableName> {
  table: T;
  id: string;
  value: RowTypes[T] | null;
}

interface ApplyInput {
  rows: RowChange[];
  /** Holdings after the change, when the caller already has them (a local transaction). */
  holdings?: Holdings | undefined;
  reseller?: Reseller | undefined;
  counters?: Counters | undefined;
  /** Revisions as another tab assigned them; otherwise fresh ones are handed out. */
  revisions?: Map<string, number> | undefined;
  source: 'local' | 'external';
}

function applyChanges(input: ApplyInput): string[] {
  const s = db();
  if (input.source === 'local' && journal) {
    // How to undo this commit: the old rows, revisions, reseller and counters.
    const revisions = new Map<string, number>();
    const rows: RowChange[] = input.rows.map(({ table, id }) => {
      const rev = s.revisions.get(recordKey(table, id));
      if (rev !== undefined) revisions.set(recordKey(table, id), rev);
      return { table, id, value: ownRow(s[table] as Record<string, RowTypes[TableName]>, id) ?? null } as RowChange;
    });
    const resellerRev = s.revisions.get(RESELLER_KEY);
    if (input.reseller && resellerRev !== undefined) revisions.set(RESELLER_KEY, resellerRev);
    journal.push({
      kind: 'rows',
      rows,
      revisions,
      reseller: input.reseller ? s.reseller : undefined,
      counters: input.counters ? s.counters : undefined,
      order: s.order,
    });
  }
  const ix = s.indexes;
  const holdings = input.holdings ?? cloneHoldings(s.holdings);
  const recomputeHoldings = input.holdings === undefined;
  const keys: string[] = [];
  const next: Partial<MockDbState> = {};
  let seq = s.revisionSeq;
  const bump = (key: string) => {
    const given = input.revisions?.get(key);
    const rev = given ?? Math.max(seq, s.revisions.get(key) ?? 0) + 1;
    seq = Math.max(seq, rev);
    s.revisions.set(key, rev);
    keys.push(key);
  };

  const byTable = new Map<TableName, RowChange[]>();
  for (const change of input.rows) {
    const list = byTable.get(change.table);
    if (list) list.push(change);
    else byTable.set(change.table, [change]);
  }
  for (const [table, changes] of byTable) {
    const current = s[table] as Record<string, RowTypes[TableName]>;
    const rows = newTable(current);
    const appended: string[] = [];
    let removed = false;
    for (const { id, value } of changes) {
      const old = ownRow(rows, id);
      const subscriptions = table === 'subscriptions';
      const reindex = ix.built && (!old || !value || !subscriptions || !sameIndexedFields(old as Subscription, value as Subscription));
      if (old) {
        if (reindex) indexRow(ix, table, old, false);
        if (subscriptions && recomputeHoldings) addHolding(holdings, (old as Subscription).values, -1);
      }
      const key = recordKey(table, id);
      if (value) {
        rows[id] = value;
        if (reindex) indexRow(ix, table, value, true);
        if (subscriptions && recomputeHoldings) addHolding(holdings, (value as Subscription).values, 1);
        if (!old && !Object.hasOwn(current, id)) appended.push(id);
        bump(key);
      } else if (old) {
        delete rows[id];
        removed = true;
        s.revisions.delete(key);
        keys.push(key);
      }
    }
    let order = s.order[table];
    if (removed) order = order.filter((id) => Object.hasOwn(rows, id));
    if (appended.length > 0) {
      if (!removed) order = order.slice();
      for (const id of appended) order.push(id);
    }
    (next as Record<string, unknown>)[table] = rows;
    next.order = { ...(next.order ?? s.order), [table]: order };
  }
  if (input.reseller) {
    next.reseller = input.reseller;
    bump(RESELLER_KEY);
  }
  if (input.counters) {
    next.counters = input.counters;
    keys.push(COUNTERS_KEY);
  }
  next.holdings = holdings;
  next.revisionSeq = seq;
  next.version = s.version + 1;
  if (!ix.built) ix.follow({ customers: next.customers ?? s.customers, plans: next.plans ?? s.plans, subscriptions: next.subscriptions ?? s.subscriptions });
  mockDb.setState(next);
  emit({ source: input.source, reset: false, keys });
  return keys;
}

/** Applies records written by another tab (already persisted there): no re-persisting. */
export function applyExternal(input: Omit<ApplyInput, 'source'>): void {
  applyChanges({ ...input, source: 'external' });
}

// ---------------------------------------------------------------------------------------------
// Transactions

/**
 * Staged changes of one request. Reads see the staged changes over the committed store; a child
 * transaction (one id of a bulk action) stages over its parent and is merged only if it succeeds.
 */
export class Transaction {
  readonly base: MockDbState;
  readonly parent: Transaction | undefined;
  private readonly rows: { [T in TableName]: Map<string, RowTypes[T] | null> } = {
    customers: new Map(),
    plans: new Map(),
    subscriptions: new Map(),
  };
  private resellerValue: Reseller | undefined;
  private countersValue: Counters | undefined;
  /** Own copy of the holdings, made on the first staged change of values. */
  private holdingsValue: Holdings | undefined;
  /** Values changes not yet added to the holdings: [before, after]. */
  private pendingHoldings: [Subscription['values'] | null, Subscription['values'] | null][] = [];

  constructor(base: MockDbState, parent?: Transaction) {
    this.base = base;
    this.parent = parent;
  }

  /** Holdings including the staged subscriptions (the engine reads them). Kept up to date lazily. */
  get holdings(): Holdings {
    if (this.pendingHoldings.length > 0) {
      const h = (this.holdingsValue ??= cloneHoldings(this.parent ? this.parent.holdings : this.base.holdings));
      for (const [before, after] of this.pendingHoldings) {
        if (before) addHolding(h, before, -1);
        if (after) addHolding(h, after, 1);
      }
      this.pendingHoldings = [];
    }
    return this.holdingsValue ?? (this.parent ? this.parent.holdings : this.base.holdings);
  }

  get<T extends TableName>(table: T, id: string): RowTypes[T] | undefined {
    const staged = this.rows[table].get(id);
    if (staged !== undefined) return staged ?? undefined;
    if (this.parent) return this.parent.get(table, id);
    return ownRow(this.base[table] as Record<string, RowTypes[T]>, id);
  }

  put<T extends TableName>(table: T, row: RowTypes[T]): RowTypes[T] {
    const old = this.get(table, row.id) as RowTypes[T] | undefined;
    if (table === 'subscriptions') {
      const before = old ? (old as Subscription).values : null;
      const after = (row as Subscription).values;
      if (before !== after) this.pendingHoldings.push([before, after]);
    }
    this.rows[table].set(row.id, row);
    return row;
  }

  remove(table: TableName, id: string): void {
    const old = this.get(table, id);
    if (!old) return;
    if (table === 'subscriptions') this.pendingHoldings.push([(old as Subscription).values, null]);
    this.rows[table].set(id, null);
  }

  get reseller(): Reseller {
    return this.resellerValue ?? this.parent?.reseller ?? this.base.reseller;
  }
  set reseller(value: Reseller) {
    this.resellerValue = value;
  }

  get counters(): Counters {
    return this.countersValue ?? this.parent?.counters ?? this.base.counters;
  }

  /** The next id of a table (`cus-0009`); the counter is part of the transaction. */
  nextId(table: TableName): string {
    const counters = { ...this.counters };
    let n = counters[table];
    let id: string;
    do id = formatId(table, ++n);
    while (this.get(table, id) !== undefined);
    counters[table] = n;
    this.countersValue = counters;
    return id;
  }

  /** Staged changes of a table, this transaction's over its parents'. */
  private staged<T extends TableName>(table: T): Map<string, RowTypes[T] | null> {
    if (!this.parent) return this.rows[table];
    const merged = new Map(this.parent.staged(table));
    for (const [id, row] of this.rows[table]) merged.set(id, row);
    return merged;
  }

  /** Ids from a committed index, corrected by the staged changes. */
  private idsFrom<T extends TableName>(table: T, committed: Iterable<string>, matches: (row: RowTypes[T]) => boolean): string[] {
    const staged = this.staged(table);
    const ids = new Set<string>();
    for (const id of committed) if (!staged.has(id)) ids.add(id);
    for (const [id, row] of staged) if (row && matches(row)) ids.add(id);
    return [...ids];
  }

  private findOne<T extends TableName>(table: T, committedId: string | undefined, matches: (row: RowTypes[T]) => boolean) {
    const staged = this.staged(table);
    if (committedId !== undefined && !staged.has(committedId)) return ownRow(this.base[table] as Record<string, RowTypes[T]>, committedId);
    for (const row of staged.values()) if (row && matches(row)) return row;
    return undefined;
  }

  count(table: TableName): number {
    let n = this.base.order[table].length;
    for (const [id, row] of this.staged(table)) {
      const committed = Object.hasOwn(this.base[table], id);
      if (row && !committed) n++;
      else if (!row && committed) n--;
    }
    return n;
  }

  /** Subscriptions on a hosting plan or using it as an add-on. */
  subscriptionIdsUsingPlan(planId: string): string[] {
    const ix = this.base.indexes;
    const committed = new Set([...(ix.subscriptionsByPlan.get(planId) ?? []), ...(ix.subscriptionsByAddon.get(planId) ?? [])]);
    return this.idsFrom('subscriptions', committed, (s) => s.planId === planId || s.addonIds.includes(planId));
  }

  subscriptionIdsOfOwner(ownerId: string | null): string[] {
    return this.idsFrom('subscriptions', this.base.indexes.subscriptionsByOwner.get(ownerKey(ownerId)) ?? [], (s) => s.ownerId === ownerId);
  }

  subscriptionByDomain(domain: string): Subscription | undefined {
    const d = domain.toLowerCase();
    return this.findOne('subscriptions', this.base.indexes.subscriptionByDomain.get(d), (s) => s.domain.toLowerCase() === d);
  }

  subscriptionBySystemUser(login: string): Subscription | undefined {
    return this.findOne('subscriptions', this.base.indexes.subscriptionBySystemUser.get(login), (s) => s.systemUser === login);
  }

  /** The subscription holding a website or alias of this name (panel-wide uniqueness, SPEC §1.5). */
  subscriptionByName(name: string): Subscription | undefined {
    const n = name.toLowerCase();
    return this.findOne('subscriptions', this.base.indexes.subscriptionByName.get(n), (s) => namesOf(s).includes(n));
  }

  customerByLogin(login: string): Customer | undefined {
    return this.findOne('customers', this.base.indexes.customerByLogin.get(login), (c) => c.login === login);
  }

  planByName(kind: string, name: string): ServicePlan | undefined {
    const key = planNameKey(kind, name);
    return this.findOne('plans', this.base.indexes.planByName.get(key), (p) => planNameKey(p.kind, p.name) === key);
  }

  /**
   * What the sync engine needs. The transaction keeps its own totals from the rows it stages;
   * `mutable` hands out a copy for engine functions that consume holdings as they go
   * (applyPlanEdit), the others only read them.
   */
  engineContext(options: { mutable?: boolean } = {}): EngineContext {
    const holdings = this.holdings;
    return {
      reseller: this.reseller,
      plan: (id: string) => this.get('plans', id),
      holdings: options.mutable ? cloneHoldings(holdings) : holdings,
    };
  }

  child(): Transaction {
    return new Transaction(this.base, this);
  }

  /** Merges a successful child into its parent. */
  mergeInto(parent: Transaction): void {
    for (const table of TABLES) for (const [id, row] of this.rows[table]) parent.rows[table].set(id, row as never);
    if (this.resellerValue) parent.resellerValue = this.resellerValue;
    if (this.countersValue) parent.countersValue = this.countersValue;
    if (this.holdingsValue) {
      parent.holdingsValue = this.holdingsValue;
      parent.pendingHoldings = [];
    }
    for (const change of this.pendingHoldings) parent.pendingHoldings.push(change);
  }

  get isEmpty(): boolean {
    return !this.resellerValue && !this.countersValue && TABLES.every((t) => this.rows[t].size === 0);
  }

  /** Commits a root transaction. Returns the changed record keys. */
  commit(): string[] {
    if (this.parent) throw new Error('Only a root transaction commits');
    if (db() !== this.base) throw new Error('The store changed during the transaction');
    if (this.isEmpty) return [];
    const rows: RowChange[] = [];
    for (const table of TABLES) for (const [id, value] of this.rows[table]) rows.push({ table, id, value } as RowChange);
    return applyChanges({ rows, holdings: this.holdings, reseller: this.resellerValue, counters: this.countersValue, source: 'local' });
  }
}

/**
 * Runs `work` in a transaction and commits it if it returns; if it throws (an error response),
 * nothing is committed. Synchronous on purpose: no other request can interleave.
 */
export function transact<R>(work: (tx: Transaction) => R): R {
  const tx = new Transaction(db());
  const result = work(tx);
  tx.commit();
  return result;
}

/** A transaction that is never committed: the committed store with the lookup helpers. */
export function readTx(): Transaction {
  return new Transaction(db());
}
