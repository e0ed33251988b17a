/**
 * The backend's side of the state reader (state-reader.ts): what it sends over its port, as a
 * PreRead for persistence.ts — the meta records at once, the chunk batches as they arrive, the
 * digests when they come. A reader that stops half-way makes `next()` reject (the load then
 * reads by itself); one the page saw fail (`stateReaderGone`) is not waited for.
 */
import { ReaderFailedError, type ChunkBatch, type PreRead } from './persistence';
import type { ReaderMessage } from './state-reader';

/** Called when the page saw the state reader fail: a load then reads by itself (set while one waits). */
let readerGone = (): void => undefined;
/** Said before the load began waiting (the page hears of a failure whenever it happens): it does not wait at all. */
let readerGoneEarly = false;
export const stateReaderGone = (): void => {
  readerGoneEarly = true;
  readerGone();
};
/** The load is done with the reader: a later failure is no news. */
export const stateReaderSettled = (): void => {
  readerGone = () => undefined;
};
/** Tests only: forget an earlier failure. */
export const resetStateReader = (): void => {
  readerGoneEarly = false;
  readerGone = () => undefined;
};

/**
 * The state reader's answer over `port` (state-reader.ts): the saved state as it reads it, the
 * chunks following in batches and the digests after; undefined when it read nothing (no
 * database, an older layout, a failure before the meta records).
 */
export function preReadFrom(port: MessagePort): Promise<PreRead | undefined> {
  if (readerGoneEarly) {
    port.close();
    return Promise.resolve(undefined);
  }
  let settleDigests: (digests: Record<string, (string | undefined)[]> | undefined) => void = () => undefined;
  const digests = new Promise<Record<string, (string | undefined)[]> | undefined>((resolve) => (settleDigests = resolve));
  /** Batches not taken yet; `end`: all arrived; `failed`: the reader stopped half-way. */
  const batches: ChunkBatch[] = [];
  let end = false;
  let failed = false;
  let wake: (() => void) | undefined;
  const next = async (): Promise<ChunkBatch | undefined> => {
    for (;;) {
      if (batches.length > 0) return batches.shift();
      if (end) return undefined;
      if (failed) throw new ReaderFailedError('the state reader stopped');
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  return new Promise((resolve) => {
    const stop = () => {
      port.close();
      failed = true;
      resolve(undefined);
      settleDigests(undefined);
      wake?.();
    };
    readerGone = stop;
    port.onmessageerror = stop;
    port.onmessage = ({ data }: MessageEvent<ReaderMessage>) => {
      if (data.kind === 'meta') resolve({ meta: data.meta, counts: data.counts, next, digests });
      else if (data.kind === 'chunks') batches.push({ table: data.table, keys: data.keys, values: data.values });
      else if (data.kind === 'end') end = true;
      else if (data.kind === 'digests') {
        settleDigests(data.digests);
        port.close();
        readerGone = () => undefined;
      } else stop();
      wake?.();
    };
  });
}
