/**
 * index.html's first script (scripts/early-start.mjs): it starts the state reader only when the
 * saved state will be read, and notes a failure browser.ts would miss.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module of the build scripts (no types)
import { earlyStartScript } from '../../scripts/early-start.mjs';

interface FakeWorker {
  url: string;
  options: { type: string; name: string };
  posted: unknown[];
  listeners: Record<string, (event: { message?: string }) => void>;
}

/** Runs the script in a sandbox with fake workers; returns what it left on `window`. */
function run(search: string, { throwOnWorker = false } = {}) {
  const workers: FakeWorker[] = [];
  class Worker {
    constructor(url: string, options: FakeWorker['options']) {
      if (throwOnWorker) throw new Error('no workers here');
      workers.push(Object.assign(this as unknown as FakeWorker, { url, options, posted: [], listeners: {} }));
    }
    addEventListener(this: FakeWorker, type: string, listener: FakeWorker['listeners'][string]) {
      this.listeners[type] = listener;
    }
    postMessage(this: FakeWorker, message: unknown, transfer: unknown[]) {
      this.posted.push({ message, transfer });
    }
  }
  class MessageChannel {
    port1 = { name: 'port1' };
    port2 = { name: 'port2' };
  }
  const window: Record<string, unknown> = {};
  runInNewContext(earlyStartScript({ readerUrl: '/assets/state-reader-y.js' }), {
    Worker,
    MessageChannel,
    URLSearchParams,
    location: { search },
    window,
  });
  return { early: window.__hostingPanelEarly as Record<string, unknown> | undefined, workers };
}

describe('the early start script', () => {
  it('on a reload of the saved state, starts the state reader and leaves its port', () => {
    const { early, workers } = run('?q=river');
    expect(workers.map((w) => [w.url, w.options])).toEqual([['/assets/state-reader-y.js', { type: 'module', name: 'hosting-panel-state-reader' }]]);
    expect(workers[0]!.posted).toEqual([{ message: null, transfer: [{ name: 'port1' }] }]);
    expect(early).toEqual({ readerPort: { name: 'port2' } });
  });

  it.each(['?scenario=large', '?build=b1.x', '?scenario=bogus&lang=fr'])('starts nothing when %s replaces (or may replace) the saved state', (search) => {
    const { early, workers } = run(search);
    expect(workers).toHaveLength(0);
    expect(early).toBeUndefined();
  });

  it('notes a failure that happens before the app listens, and calls its hook for a later one', () => {
    const { early, workers } = run('');
    workers[0]!.listeners.error!({});
    expect(early?.readerFailed).toBe(true);
    let called = 0;
    early!.onReaderFailed = () => called++;
    workers[0]!.listeners.error!({});
    expect(called).toBe(1);
  });

  it('leaves the start to the app when workers cannot be made', () => {
    expect(run('', { throwOnWorker: true }).early).toBeUndefined();
  });
});
