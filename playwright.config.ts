import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { resolveChromium } from './scripts/resolve-chromium.mjs';

const browser = resolveChromium();
// Browser profiles are written for every test: on Linux keep them in memory, not on disk.
if (!process.env.PLAYWRIGHT_KEEP_TMPDIR && existsSync('/dev/shm')) process.env.TMPDIR = '/dev/shm';
const PORT = Number(process.env.E2E_PORT ?? 4173);

// The suite runs against the production build served statically: the MSW worker is the
// backend there too, exactly as users get it.
export default defineConfig({
  testDir: './e2e',
  outputDir: `test-results/${PORT}`,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Three workers on two cores: a test waits now and then (retries, latency, debounce), and a third
  // worker fills those gaps — measured on the 2-core machine, the suite took 152 s with 2 workers
  // and 133 s with 3 (CPU 94 % busy); more workers only add contention.
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 3,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: `test-results/e2e-report-${PORT}.json` }]] : [['list']],
  timeout: 30_000,
  expect: { timeout: 7_500 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    // A trace records DOM snapshots and a screencast of every action of every test: it made the
    // suite ~25 % slower on a 2-core machine. Ask for one when a test fails: E2E_TRACE=1.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    serviceWorkers: 'allow',
    launchOptions: browser.executablePath ? { executablePath: browser.executablePath } : {},
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // Served as a static host would (hashed assets cached, no re-compression): scripts/serve-dist.mjs.
    command: `npx vite build --logLevel warn --outDir .e2e-dist/${PORT} && node scripts/serve-dist.mjs .e2e-dist/${PORT} --port ${PORT}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
