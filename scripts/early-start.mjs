/**
 * The page's first script, inline at the top of index.html (put there by
 * scripts/backend-worker-chunk.mjs): it starts the mock API's two Web Workers before any of the
 * app's JavaScript has loaded — the backend's (src/mock-api/backend-worker.ts) and, on a reload
 * that keeps the saved state (no `?scenario=`/`?build=`), the state reader
 * (src/mock-api/state-reader.ts), which starts reading IndexedDB at once. On a warm reload of a
 * 50,000-subscription world both are then ~50–90 ms earlier than when the app's own modules
 * could start them (issue 17). browser.ts takes them from `window.__hostingPanelEarly`, and
 * starts its own when they are not there (Storybook, or this script failed).
 *
 * A worker that fails before browser.ts listens is noted (`backendError`, `readerFailed`), as
 * error events are not replayed; `onReaderFailed` is browser.ts's hook for a later failure.
 */

/** The inline script's text, for these two worker URLs. */
export function earlyStartScript({ backendUrl, readerUrl }) {
  const run = (backendUrl, readerUrl) => {
    try {
      const early = {};
      const backend = new Worker(backendUrl, { type: 'module', name: 'hosting-panel-backend' });
      early.backend = backend;
      backend.addEventListener('error', (event) => (early.backendError = event.message || 'the worker failed'), { once: true });
      const params = new URLSearchParams(location.search);
      if (!params.has('scenario') && !params.has('build')) {
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
      }
      window.__hostingPanelEarly = early;
    } catch {
      // The app starts its workers itself.
    }
  };
  return `(${run.toString()})(${JSON.stringify(backendUrl)}, ${JSON.stringify(readerUrl)});`;
}
