#!/usr/bin/env node
// `npm test`: type-check, lint, format check, unit/component tests, then the Playwright suite.
// Stops at the first failing step and says which one failed.
import { spawnSync } from 'node:child_process';
import { resolveChromium } from './resolve-chromium.mjs';

const steps = [
  ['Type-check', 'npx', ['tsc', '-b']],
  ['Lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['Format (Prettier)', 'npx', ['prettier', '--check', '.']],
  ['Unit and component tests', 'npx', ['vitest', 'run']],
  ['End-to-end tests (Playwright)', 'npx', ['playwright', 'test']],
];

const started = Date.now();
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  if (cmd === 'npx' && args[0] === 'playwright') {
    try {
      const { source, executablePath } = resolveChromium();
      console.log(`  browser: ${source}${executablePath ? ` (${executablePath})` : ''}`);
    } catch (error) {
      console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (${secs} s).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${secs} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
