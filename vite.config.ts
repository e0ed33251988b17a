import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { inlineEntryCss } from './scripts/inline-entry-css.mjs';
import { backendWorkerChunk } from './scripts/backend-worker-chunk.mjs';

/**
 * Writes a `.br` and a `.gz` beside every built text file over 1 KB (not the source maps), as a
 * static host's build step does: any host (and scripts/serve-dist.mjs) then sends the smaller
 * file to a browser that accepts it, without compressing on each request. On a phone's network
 * this is most of the first paint: the JavaScript goes from ~800 KB to ~230 KB.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'hosting-panel:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
      for (const file of walk(outDir)) {
        if (!/\.(js|mjs|css|html|json|svg)$/.test(file)) continue;
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 10, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/** How msw's request utilities import its cookie store, and its handlers the request cookies. */
const MSW_COOKIE_STORE = /^\.\.\/cookieStore\.mjs$/;
const MSW_REQUEST_COOKIES = /^\.\.\/utils\/request\/getRequestCookies\.mjs$/;
const HEADERS_POLYFILL = /^headers-polyfill$/;
const shim = (name: string) => fileURLToPath(new URL(`./src/mock-api/shims/${name}.ts`, import.meta.url));

// The mock API (MSW) is the product's backend in every build, dev and production alike:
// src/app/main.tsx starts the worker before the first render.
export default defineConfig({
  // inlineEntryCss: the stylesheet goes into index.html, so its static first frame paints without
  // a render-blocking request (scripts/inline-entry-css.mjs says why).
  // backendWorkerChunk: the mock API's Web Worker shares the page's chunks (no second copy of zod, msw…).
  plugins: [react(), inlineEntryCss(), backendWorkerChunk(), precompress()],
  resolve: {
    // Browser builds only (Vitest keeps the real module): msw's cookie store (a tough-cookie jar,
    // which pulls the whole Public Suffix List through tldts, mirrored to localStorage — which the
    // backend's Web Worker does not have) becomes one that keeps nothing; no handler sets or reads
    // a cookie (src/mock-api/shims/msw-cookie-store.ts says why; shims.test.ts checks the
    // handlers). msw imports it as '../cookieStore.mjs' from its request utilities. Likewise the
    // `cookies` its handlers parse for each resolver: none (shims/msw-request-cookies.ts). And
    // headers-polyfill, for the native Headers (shims/headers-polyfill.ts).
    alias: process.env.VITEST
      ? []
      : [
          { find: MSW_COOKIE_STORE, replacement: shim('msw-cookie-store') },
          { find: MSW_REQUEST_COOKIES, replacement: shim('msw-request-cookies') },
          { find: HEADERS_POLYFILL, replacement: shim('headers-polyfill') },
        ],
  },
  // The same for the dev server, whose pre-bundled msw does not go through `resolve.alias`.
  optimizeDeps: {
    rolldownOptions: {
      plugins: [
        {
          name: 'hosting-panel:msw-cookies',
          resolveId: (source) =>
            MSW_COOKIE_STORE.test(source)
              ? shim('msw-cookie-store')
              : MSW_REQUEST_COOKIES.test(source)
                ? shim('msw-request-cookies')
                : HEADERS_POLYFILL.test(source)
                  ? shim('headers-polyfill')
                  : undefined,
        },
      ],
    },
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Fewer, larger chunks for what every first screen loads anyway (React, the router,
        // TanStack Query, i18next, zustand): a cold start made 34 requests, now ~21, and cost ~20 %
        // less CPU (measured on the 2-core machine, scripts/serve-dist.mjs). Route pages and what
        // only they use (forms, tabs, tables) stay split by route, and so do the strings: one chunk
        // per namespace and language (the shell loads `common`, a screen its own namespaces with its
        // code, src/i18n/i18n.ts), not each language's whole catalogue (10.7 KB gzip) at start-up.
        // The domain rules are NOT one chunk any more: the shell
        // paints before the mock API starts, and a 'domain' chunk made the first frame wait for
        // the evaluation of every zod schema of the contract (~150 ms at 4× CPU slowdown).
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query)|zustand|react-i18next|use-sync-external-store)[\\/]/,
              priority: 30,
            },
            { name: 'i18next', test: /node_modules[\\/](i18next[\\/]|zustand[\\/]esm[\\/]vanilla\.mjs)/, priority: 40 },
          ],
        },
      },
    },
  },
  test: {
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['src/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'dom', environment: 'jsdom', include: ['src/**/*.test.tsx'] },
      },
    ],
  },
});
