/**
 * The page's first script, inline at the top of index.html (put there by
 * scripts/backend-worker-chunk.mjs): on a reload that keeps the saved state (no `?scenario=` nor
 * `?build=`), it starts the state reader (src/mock-api/state-reader.ts) before any of the app's
 * JavaScript has loaded, so IndexedDB is being read while the page and the backend's worker
 * load (issue 17: a warm reload of 50,000 subscriptions). browser.ts takes its port from
 * `window.__hostingPanelEarly` and hands it to the backend, or starts a reader itself when there
 * is none (this script failed, or Storybook).
 *
 * Only the reader: starting the backend's worker this early too gained ~15 ms on that reload
 * and cost the page's first render on a slow phone (Lighthouse's total blocking time 18 → 126 ms
 * on `?scenario=default`, where no reader starts anyway).
 *
 * A reader that fails before browser.ts listens is noted (`readerFailed`), as error events are
 * not replayed; `onReaderFailed` is browser.ts's hook for a later failure.
 */

/** The inline script's text, for the reader's URL. */
export function earlyStartScript({ readerUrl }) {
  const run = (readerUrl) => {
    try {
      const params = new URLSearchParams(location.search);
      if (params.has('scenario') || params.has('build')) return;
      const early = {};
      const reader = new Worker(readerUrl, { type: 'module', name: 'hosting-panel-state-reader' });
      reader.addEventListener(
        'error',
        () => {
          early.readerFailed = true;
          early.onReaderFailed?.();
        },
        { once: true },
      );
      const channel = new MessageChannel();
      reader.postMessage(null, [channel.port1]);
      early.readerPort = channel.port2;
      window.__hostingPanelEarly = early;
    } catch {
      // The app starts its reader itself.
    }
  };
  return `(${run.toString()})(${JSON.stringify(readerUrl)});`;
}
