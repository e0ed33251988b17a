/**
 * Two tabs stay consistent: after a batch of this tab's writes is on disk, a message on the
 * BroadcastChannel `hosting-panel` lists the changed record keys (or says `reset`). Other tabs
 * read those records from IndexedDB into their store and tell their listeners (the app
 * invalidates its queries). Records keep the revisions the writing tab gave them, so a stale
 * ETag from either tab is refused with 412.
 *
 * Writes are also serialized across tabs through the write gate (write-gate.ts): once another
 * tab has been seen, a write takes a Web Lock, first applies what other tabs saved meanwhile,
 * runs, and is saved before the next writer gets in — so two tabs writing at the same moment
 * cannot hand out the same id, accept the same login twice, or overwrite each other's record.
 */
import {
  StateReplacedError,
  StorageWriteError,
  adoptedSaved,
  failedFlushCount,
  flushDurably,
  knownGeneration,
  onPersisted,
  onReplaced,
  readChangesFromOtherTabs,
  readKeys,
  readSaved,
  savedGeneration,
  settingsUnsaved,
  unsavedSettingsStay,
  type ReadRecords,
} from './persistence';
import { problem, type ApiProblem } from './http';
import { RESELLER_KEY, SETTINGS_KEY, applyExternal, db, recordKey, recordUndo, replaceAll, setSettings, type Counters, type RowChange } from './store';
import { setExclusiveGate, setWriteGate, type WriteGate } from './write-gate';
import { settingsSchema, validate } from '../domain/schemas';
import type { Reseller } from '../domain/types';

export const CHANNEL_NAME = 'hosting-panel';

type ChangeMessage = { type: 'changed'; from: string; keys: string[] } | { type: 'reset'; from: string };
/** `hello` when a tab starts, `here` in answer (kept for tools that watch the channel; writes always take the lock). */
export type CrossTabMessage = ChangeMessage | { type: 'hello'; from: string } | { type: 'here'; from: string };

const listeners = new Set<() => void>();

/** Called after another tab's changes were applied here. Returns an unsubscribe function. */
export function onExternalChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let channel: BroadcastChannel | undefined;
let stopPersisted: (() => void) | undefined;
let stopReplaced: (() => void) | undefined;
let queue: Promise<void> = Promise.resolve();

/** Starts broadcasting this tab's writes and applying the other tabs'. */
export function startCrossTab(tabId: string = crypto.randomUUID()): () => void {
  stopCrossTab();
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const ch = new BroadcastChannel(CHANNEL_NAME);
  channel = ch;
  stopPersisted = onPersisted(({ reset, keys }) => {
    const message: CrossTabMessage = reset ? { type: 'reset', from: tabId } : { type: 'changed', from: tabId, keys };
    ch.postMessage(message);
  });
  // A queued write of this tab was refused (the data was replaced since): take what is saved.
  stopReplaced = onReplaced(() => {
    queue = queue.then(adoptSaved).catch((error: unknown) => console.error('Hosting Panel: cross-tab update failed', error));
  });
  ch.onmessage = (event: MessageEvent<CrossTabMessage>) => {
    const message = event.data;
    if (!message || message.from === tabId) return;
    if (message.type === 'hello') ch.postMessage({ type: 'here', from: tabId } satisfies CrossTabMessage);
    if (message.type === 'hello' || message.type === 'here') return;
    // One at a time, in arrival order.
    queue = queue.then(() => applyMessage(message)).catch((error: unknown) => console.error('Hosting Panel: cross-tab update failed', error));
  };
  ch.postMessage({ type: 'hello', from: tabId } satisfies CrossTabMessage);
  setWriteGate(crossTabGate);
  setExclusiveGate(exclusiveGate);
  return stopCrossTab;
}

/**
 * Other tabs' messages that arrive while this tab is still starting (its saved state not loaded,
 * its screens not listening yet) wait until `ready`, then apply in order: a write another tab
 * made during this tab's start is never lost.
 */
export function holdMessagesUntil(ready: Promise<unknown>): void {
  queue = queue
    .then(() => ready)
    .then(
      () => undefined,
      () => undefined,
    );
}

export function stopCrossTab(): void {
  stopPersisted?.();
  stopPersisted = undefined;
  stopReplaced?.();
  stopReplaced = undefined;
  channel?.close();
  channel = undefined;
  setWriteGate(undefined);
  setExclusiveGate(undefined);
}

// ---------------------------------------------------------------------------------------------
// The write gate

const LOCK_NAME = 'hosting-panel-write';
/** Waiting longer than this for another tab's write means it is stuck: write anyway. */
const LOCK_WAIT_MS = 5_000;

const canLock = () => typeof navigator !== 'undefined' && typeof navigator.locks?.request === 'function';

/** Applies what other tabs saved since this tab last looked (called under the lock). */
async function catchUpFromDisk(): Promise<void> {
  const read = await readChangesFromOtherTabs();
  if (read.replaced) {
    // Another tab replaced the whole data (a scenario, an import): take it as it is saved.
    await adoptSaved();
    return;
  }
  if (applyRead(read) || read.keys.length > 0) for (const listener of listeners) listener();
}

async function adoptSaved(): Promise<void> {
  const saved = await readSaved();
  if (!saved) return;
  // The mock's settings are not part of the data: this tab's unsaved ones stay when they are newer.
  const keepSettings = unsavedSettingsStay();
  replaceAll(saved.snapshot, { source: 'external', settings: keepSettings ? db().settings : saved.settings, revisions: saved.revisions });
  adoptedSaved(keepSettings);
  for (const listener of listeners) listener();
}

/** 507 (storage full) or 503: the change was NOT saved, and nothing of it stayed in memory. */
function notSaved(error: StorageWriteError | StateReplacedError): ApiProblem {
  if (error instanceof StateReplacedError) {
    return problem(409, 'state-replaced', 'Data replaced', 'The data was replaced in another tab (a scenario or an import). Nothing was changed: try again.');
  }
  return error.quotaExceeded
    ? problem(
        507,
        'storage-full',
        'Insufficient storage',
        `The change was not saved: the browser's storage for this site is full (${error.message}). Nothing was changed.`,
      )
    : problem(503, 'storage-failed', 'Storage failed', `The change was not saved: the browser could not write it (${error.message}). Nothing was changed.`);
}

/**
 * Runs a write and saves it: a response means the change is on disk (a reload right after keeps
 * it). When it cannot be saved, every change it made is taken back in memory and the request
 * fails (507/503) — it is never announced as done.
 */
async function durably<T>(work: () => Promise<T>): Promise<T> {
  const failuresBefore = failedFlushCount();
  const undo = recordUndo();
  let result: T;
  try {
    result = await work();
  } catch (error) {
    // A failed request commits nothing (transactions); forget the journal.
    undo.forget();
    throw error;
  }
  try {
    await flushDurably(failuresBefore);
  } catch (error) {
    undo.rollback();
    if (error instanceof StateReplacedError) await adoptSaved();
    if (error instanceof StorageWriteError || error instanceof StateReplacedError) throw notSaved(error);
    throw error;
  }
  undo.forget();
  return result;
}

/** This tab's writes one at a time, so that undoing one never undoes another's change. */
let localWrites: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = localWrites.then(work, work);
  localWrites = run.catch(() => undefined);
  return run;
}

const crossTabGate: WriteGate = (work) =>
  oneAtATime(async () => {
    // Always under the lock when there is one: another tab may have replaced the data at
    // start-up (`?scenario=`) before this one heard of it.
    if (!canLock()) return durably(work);
    let result: Awaited<ReturnType<typeof work>> | undefined;
    let ran = false;
    try {
      await navigator.locks.request(LOCK_NAME, { signal: AbortSignal.timeout(LOCK_WAIT_MS) }, async () => {
        await catchUpFromDisk();
        ran = true;
        // On disk (and announced) before the next writer, in any tab, gets the lock.
        result = await durably(work);
      });
    } catch (error) {
      if (ran) throw error;
      // The lock could not be had in time (or catching up failed): better a write than none.
      console.warn('Hosting Panel: writing without the cross-tab lock', error);
      return durably(work);
    }
    return result as Awaited<ReturnType<typeof work>>;
  });

/** The lock alone (no catching up, no saving). */
const exclusiveGate: WriteGate = async (work) => {
  if (!canLock()) return work();
  let result: Awaited<ReturnType<typeof work>> | undefined;
  try {
    await navigator.locks.request(LOCK_NAME, { signal: AbortSignal.timeout(LOCK_WAIT_MS) }, async () => {
      result = await work();
    });
  } catch (error) {
    console.warn('Hosting Panel: writing without the cross-tab lock', error);
    return work();
  }
  return result as Awaited<ReturnType<typeof work>>;
};

// ---------------------------------------------------------------------------------------------
// Applying other tabs' records

/** Puts records read from IndexedDB into this tab's store; true when something changed. */
function applyRead(read: ReadRecords): boolean {
  const revisions = new Map<string, number>();
  const rows: RowChange[] = read.rows.map(({ table, id, value, rev }) => {
    if (rev !== undefined) revisions.set(recordKey(table, id), rev);
    return { table, id, value } as RowChange;
  });
  if (read.reseller) revisions.set(RESELLER_KEY, read.reseller.rev);
  const local = db().counters;
  const counters: Counters | undefined =
    read.counters && (read.counters.customers > local.customers || read.counters.plans > local.plans || read.counters.subscriptions > local.subscriptions)
      ? {
          // Never hand out an id another tab already used.
          customers: Math.max(read.counters.customers, local.customers),
          plans: Math.max(read.counters.plans, local.plans),
          subscriptions: Math.max(read.counters.subscriptions, local.subscriptions),
        }
      : undefined;
  if (rows.length === 0 && !read.reseller && !counters) return false;
  applyExternal({ rows, reseller: read.reseller?.value as Reseller | undefined, counters, revisions });
  return true;
}

async function applyMessage(message: ChangeMessage): Promise<void> {
  if (message.type === 'reset') {
    // Already held here (this tab's own start-up scenario, announced by the tab that adopted it).
    if ((await savedGeneration()) === knownGeneration() && knownGeneration() !== undefined) return;
    await adoptSaved();
    return;
  } else {
    const settingsBefore = db().settings;
    const read = await readKeys(message.keys);
    applyRead(read);
    // Only settings the schema accepts: a bad value written by hand could stall every request.
    // Not over this tab's own newer ones: changed and not saved yet (`?latency=` at start-up,
    // while the tab it came from was still saving its own), or changed while this read was under
    // way (saved maybe after it). This tab's write then tells the other tabs.
    const newerHere = settingsUnsaved() || db().settings !== settingsBefore;
    if (message.keys.includes(SETTINGS_KEY) && read.settings && validate(settingsSchema, read.settings).ok && !newerHere)
      setSettings(read.settings, 'external');
  }
  for (const listener of listeners) listener();
}
