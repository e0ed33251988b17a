/**
 * The mock API's backend runs in a dedicated module Web Worker (src/mock-api/backend-worker.ts).
 * `new Worker(new URL('./x.ts', import.meta.url))` would make Vite bundle it on its own, and that
 * bundle repeats everything the page loads too — zod's core, i18next, msw's core, comlink, the
 * domain rules: +32 KB gzipped before the first rows, measured. Instead, this plugin makes the
 * worker's entry a chunk of the page's own build (`this.emitFile({ type: 'chunk' })`), so the two
 * share chunks: one copy of each module, fetched once, cached once. The page gets its URL from
 * the virtual module `virtual:backend-worker-url` (Rollup's `import.meta.ROLLUP_FILE_URL_…`, so
 * the page's chunk hash follows the worker's). In dev, the source file itself is the worker.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { earlyStartScript } from './early-start.mjs';

const ID = 'virtual:backend-worker-url';
const RESOLVED = `\0${ID}`;
const ENTRY = fileURLToPath(new URL('../src/mock-api/backend-worker.ts', import.meta.url));

/** @returns {import('vite').Plugin} */
export function backendWorkerChunk() {
  let command = 'serve';
  let base = '/';
  let appHtml = '';
  return {
    name: 'hosting-panel:backend-worker-chunk',
    // Vite's preload helper, before a lazy chunk, adds <link rel=modulepreload> for its imports
    // to the document: a worker has none (it would throw), and needs none (the chunk's own
    // imports load as it runs). So the worker's lazy imports (the OpenAPI generator) preload nothing.
    config() {
      return {
        build: {
          modulePreload: {
            resolveDependencies: (_filename, deps, { hostId }) => (/(^|\/)backend-worker-[\w-]+\.js$/.test(hostId) ? [] : deps),
          },
        },
      };
    },
    configResolved(config) {
      command = config.command;
      appHtml = path.resolve(config.root, 'index.html');
      base = config.base;
    },
    // The inline script that starts the state reader before the app's JavaScript (early-start.mjs).
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        // The app's page only (Storybook's iframe.html, built with this config too, has no reader).
        if (ctx.filename !== appHtml) return undefined;
        let readerUrl = `${base}src/mock-api/state-reader.ts`;
        if (command !== 'serve') {
          const reader = Object.values(ctx.bundle ?? {}).find((f) => /(^|\/)state-reader-[\w-]+\.js$/.test(f.fileName));
          if (!reader) throw new Error('hosting-panel:backend-worker-chunk: the state reader worker is not in the build');
          readerUrl = base + reader.fileName;
        }
        return [{ tag: 'script', children: earlyStartScript({ readerUrl }), injectTo: 'head-prepend' }];
      },
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (command === 'serve') return `export default ${JSON.stringify(`${base}src/mock-api/backend-worker.ts`)};`;
      const ref = this.emitFile({ type: 'chunk', id: ENTRY, name: 'backend-worker' });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
