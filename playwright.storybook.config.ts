import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { resolveChromium } from './scripts/resolve-chromium.mjs';

// The Storybook smoke (`npm run test:storybook`): builds the static Storybook, serves it, and
// visits every story with axe-core (e2e-storybook/stories.spec.ts). Separate from the app's suite.
const browser = resolveChromium();
if (!process.env.PLAYWRIGHT_KEEP_TMPDIR && existsSync('/dev/shm')) process.env.TMPDIR = '/dev/shm';
const PORT = Number(process.env.STORYBOOK_PORT ?? 6106);

export default defineConfig({
  testDir: './e2e-storybook',
  outputDir: `test-results/storybook-${PORT}`,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  reporter: [['list']],
  timeout: 120_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    serviceWorkers: 'allow',
    launchOptions: browser.executablePath ? { executablePath: browser.executablePath } : {},
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `${process.env.STORYBOOK_SKIP_BUILD ? '' : 'npx storybook build --quiet --output-dir storybook-static && '}node scripts/serve-dist.mjs storybook-static --port ${PORT}`,
    url: `http://localhost:${PORT}/index.json`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
