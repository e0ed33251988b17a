/**
 * Two tabs stay consistent: after a batch of this tab's writes is on disk, a message on the
 * BroadcastChannel `hosting-panel` lists the changed record keys (or says `reset`). Other tabs
 * read those records from IndexedDB into their store and tell their listeners (the app
 * invalidates its queries). Records keep the revisions the writing tab gave them, so a stale
 * ETag from either tab is refused with 412.
 */
import { onPersisted, readKeys, readSaved } from './persistence';
import {
  RESELLER_KEY,
  SETTINGS_KEY,
  applyExternal,
  db,
  recordKey,
  replaceAll,
  setSettings,
  type Counters,
  type RowChange,
} from './store';
import type { Reseller } from '../domain/types';

export const CHANNEL_NAME = 'hosting-panel';

export type CrossTabMessage = { type: 'changed'; from: string; keys: string[] } | { type: 'reset'; from: string };

const listeners = new Set<() => void>();

/** Called after another tab's changes were applied here. Returns an unsubscribe function. */
export function onExternalChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let channel: BroadcastChannel | undefined;
let stopPersisted: (() => void) | undefined;
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
  ch.onmessage = (event: MessageEvent<CrossTabMessage>) => {
    const message = event.data;
    if (!message || message.from === tabId) return;
    // One at a time, in arrival order.
    queue = queue.then(() => applyMessage(message)).catch((error: unknown) => console.error('Hosting Panel: cross-tab update failed', error));
  };
  return stopCrossTab;
}

export function stopCrossTab(): void {
  stopPersisted?.();
  stopPersisted = undefined;
  channel?.close();
  channel = undefined;
}

async function applyMessage(message: CrossTabMessage): Promise<void> {
  if (message.type === 'reset') {
    const saved = await readSaved();
    if (!saved) return;
    replaceAll(saved.snapshot, { source: 'external', settings: saved.settings, revisions: saved.revisions });
  } else {
    const read = await readKeys(message.keys);
    const revisions = new Map<string, number>();
    const rows: RowChange[] = read.rows.map(({ table, id, value, rev }) => {
      if (rev !== undefined) revisions.set(recordKey(table, id), rev);
      return { table, id, value } as RowChange;
    });
    if (read.reseller) revisions.set(RESELLER_KEY, read.reseller.rev);
    const counters: Counters | undefined = read.counters
      ? {
          // Never hand out an id another tab already used.
          customers: Math.max(read.counters.customers, db().counters.customers),
          plans: Math.max(read.counters.plans, db().counters.plans),
          subscriptions: Math.max(read.counters.subscriptions, db().counters.subscriptions),
        }
      : undefined;
    if (rows.length > 0 || read.reseller || counters) {
      applyExternal({ rows, reseller: read.reseller?.value as Reseller | undefined, counters, revisions });
    }
    if (message.keys.includes(SETTINGS_KEY) && read.settings) setSettings(read.settings, 'external');
  }
  for (const listener of listeners) listener();
}
