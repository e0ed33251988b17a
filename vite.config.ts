import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const shim = (name: string) => fileURLToPath(new URL(`./src/mock-api/shims/${name}.ts`, import.meta.url));

// The mock API (MSW) is the product's backend in every build, dev and production alike:
// src/app/main.tsx starts the worker before the first render.
export default defineConfig({
  plugins: [react()],
  resolve: {
    // Browser builds only (Vitest keeps the real package): msw's cookie jar (tough-cookie, which
    // pulls the whole Public Suffix List through tldts) was ~2/3 of the mock API's startup
    // JavaScript, and no handler sets or reads a cookie — an empty jar answers msw the same
    // (src/mock-api/shims/tough-cookie.ts says why; shims.test.ts checks the handlers).
    alias: process.env.VITEST ? [] : [{ find: /^tough-cookie$/, replacement: shim('tough-cookie') }],
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Fewer, larger chunks for what every first screen loads anyway (React, the router,
        // TanStack Query, i18next, zustand; the domain rules, which the mock API needs at start;
        // one file per language instead of one per namespace): a cold start made 34 requests,
        // now 21, and cost ~20 % less CPU (measured on the 2-core machine, scripts/serve-dist.mjs).
        // Route pages and what only they use (forms, tabs, tables) stay split by route.
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query)|zustand|i18next|react-i18next|use-sync-external-store)[\\/]/, priority: 30 },
            // The OpenAPI generator is loaded only when /api/v1/openapi.json is asked for.
            { name: 'domain', test: /src[\\/]domain[\\/](?!openapi\.)/, priority: 20 },
            { name: 'locale-en', test: /src[\\/]i18n[\\/]locales[\\/]en[\\/]/, priority: 10 },
            { name: 'locale-fr', test: /src[\\/]i18n[\\/]locales[\\/]fr[\\/]/, priority: 10 },
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
