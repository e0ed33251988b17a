import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The mock API (MSW) is the product's backend in every build, dev and production alike:
// src/app/main.tsx starts the worker before the first render.
export default defineConfig({
  plugins: [react()],
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
