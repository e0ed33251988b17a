#!/usr/bin/env node
/**
 * `npm run bench:lighthouse`: issue 17's Lighthouse figures alone (bench/lighthouse-audit.mjs,
 * the same audit `npm run bench` runs in its main table): builds the app, serves it, audits
 * `/subscriptions?scenario=default` and `large` with the mobile preset, medians over
 * BENCH_LH_RUNS runs (default 5); writes bench/lighthouse-results.json; exits 1 when a figure is
 * outside its budget.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { root, startServer, stopServer } from './common.mjs';
import { LIGHTHOUSE_BUDGETS, runLighthouse } from './lighthouse-audit.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4410);
const RUNS = Number(process.env.BENCH_LH_RUNS ?? 5);
const tmp = path.join(root, 'bench/.tmp', `lighthouse-${PORT}`);
const log = (...args) => console.log('[lighthouse]', ...args);

async function main() {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  log('building the production app…');
  await build({ root, logLevel: 'warn', build: { outDir: path.join(tmp, 'dist'), emptyOutDir: true } });
  const server = await startServer(path.join(tmp, 'dist'), PORT);
  let audit;
  try {
    audit = await runLighthouse({ base: `http://localhost:${PORT}`, runs: RUNS, log });
  } finally {
    stopServer(server);
  }
  const { figures, medians, samples } = audit;
  const rows = Object.entries(LIGHTHOUSE_BUDGETS).map(([figure, b]) => {
    const value = figures[figure];
    const ok = 'min' in b ? value >= b.min : value <= b.max;
    return { figure, page: b.page, median: value, budget: 'min' in b ? `≥ ${b.min}` : `≤ ${b.max}`, within: ok ? 'yes' : 'NO' };
  });
  console.table(rows);
  console.table(medians);
  writeFileSync(
    path.join(root, 'bench/lighthouse-results.json'),
    JSON.stringify(
      { measuredAt: new Date().toISOString(), runs: RUNS, preset: 'mobile (simulated throttling)', figures, budgets: LIGHTHOUSE_BUDGETS, medians, samples },
      null,
      2,
    ) + '\n',
  );
  log('wrote bench/lighthouse-results.json');
  const over = rows.filter((r) => r.within === 'NO');
  if (over.length) {
    console.error(`[lighthouse] outside budget: ${over.map((r) => r.figure).join(', ')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
