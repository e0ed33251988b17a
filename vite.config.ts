import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const shim = (name: string) => fileURLToPath(new URL(`./src/mock-api/shims/${name}.ts`, import.meta.url));

// The mock API (MSW) is the product's backend in every build, dev and production alike:
// src/app/main.tsx starts the worker before the first render.
export default defineConfig({
  plugins: [react()],
  resolve: {
    // Browser builds only (Vitest keeps the real packages, and src/mock-api/shims/shims.test.ts
    // checks the shims against them): msw's cookie jar (tough-cookie, which pulls the whole
    // Public Suffix List through tldts) was ~2/3 of the mock API's startup JavaScript; the
    // shims keep the calls msw makes. See each shim for what it keeps and why that is safe.
    alias: process.env.VITEST
      ? []
      : [
          { find: /^tough-cookie$/, replacement: shim('tough-cookie') },
          { find: /^tldts$/, replacement: shim('tldts') },
        ],
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: true,
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
