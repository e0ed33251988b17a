#!/usr/bin/env node
/**
 * `npm run bench:lighthouse`: Lighthouse's performance audit (mobile preset: simulated slow 4G,
 * 4× CPU slowdown) of the production build on `/subscriptions?scenario=default` and `large`,
 * against issue 17's budgets (score ≥ 90 and ≥ 85, first contentful paint ≤ 1,800 ms). Medians
 * over BENCH_LH_RUNS runs (default 3); writes bench/lighthouse-results.json; exits 1 when a
 * figure is outside its budget.
 *
 * Kept apart from `npm run bench` until issue 17's targets are met; then its figures join the
 * main table. Needs a full Chromium (Lighthouse drives it with --headless=new): Debian's
 * `chromium`, CHROME_PATH, or Playwright's own.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT ?? 4410);
const BASE = `http://localhost:${PORT}`;
const RUNS = Number(process.env.BENCH_LH_RUNS ?? 3);
const tmp = path.join(root, 'bench/.tmp', `lighthouse-${PORT}`);

/** `min`: the figure must be at least this; `max`: at most. */
const BUDGETS = {
  lighthouseMobilePerf: { min: 90, page: 'default' },
  lighthouseMobilePerfLarge: { min: 85, page: 'large' },
  fcpMobileMs: { max: 1800, page: 'both (the worse median)' },
};
const PAGES = { default: '/subscriptions?scenario=default', large: '/subscriptions?scenario=large' };

const log = (...args) => console.log('[lighthouse]', ...args);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x) => Math.round(x * 10) / 10;

function fullChromium() {
  for (const candidate of [process.env.CHROME_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    const own = chromium.executablePath();
    if (existsSync(own)) return own;
  } catch {
    // none
  }
  throw new Error("Lighthouse needs a full Chromium: install Debian's (`apt-get install -y chromium`) or set CHROME_PATH.");
}

function serve(dir) {
  const child = spawn('node', ['scripts/serve-dist.mjs', dir, '--port', String(PORT)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  // Ready when this server says it listens (scripts/serve-dist.mjs prints "serving …"), not when
  // the port answers: another session's server on the same port would answer, and its build
  // would be audited instead of this one (ours exits when it cannot listen).
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the static server did not start')), 30_000);
    child.stdout.on('data', (data) => {
      if (!String(data).includes('serving ')) return;
      clearTimeout(timer);
      resolve(child);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the static server stopped (exit ${code}): is port ${PORT} taken? Set BENCH_PORT.`));
    });
  });
}

async function main() {
  const chromePath = fullChromium();
  log(`browser: ${chromePath}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  log('building the production app…');
  await build({ root, logLevel: 'warn', build: { outDir: path.join(tmp, 'dist'), emptyOutDir: true } });
  const server = await serve(path.join(tmp, 'dist'));
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const samples = { default: [], large: [] };
  try {
    for (const [name, page] of Object.entries(PAGES)) {
      for (let run = 0; run < RUNS; run++) {
        // A fresh browser per run: nothing cached, no service worker yet (a first visit).
        const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
        try {
          const result = await lighthouse(`${BASE}${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
          const lhr = result?.lhr;
          if (!lhr || lhr.runtimeError) throw new Error(`Lighthouse failed on ${page}: ${lhr?.runtimeError?.message ?? 'no result'}`);
          const a = lhr.audits;
          const sample = {
            score: Math.round((lhr.categories.performance.score ?? 0) * 100),
            fcpMs: Math.round(a['first-contentful-paint'].numericValue),
            lcpMs: Math.round(a['largest-contentful-paint'].numericValue),
            tbtMs: Math.round(a['total-blocking-time'].numericValue),
            cls: Math.round(a['cumulative-layout-shift'].numericValue * 1000) / 1000,
            speedIndexMs: Math.round(a['speed-index'].numericValue),
          };
          samples[name].push(sample);
          log(name, JSON.stringify(sample));
        } finally {
          await chrome.kill();
        }
      }
    }
  } finally {
    try {
      process.kill(-server.pid);
    } catch {
      server.kill();
    }
  }
  const med = (name, key) => median(samples[name].map((s) => s[key]));
  const figures = {
    lighthouseMobilePerf: med('default', 'score'),
    lighthouseMobilePerfLarge: med('large', 'score'),
    fcpMobileMs: Math.max(med('default', 'fcpMs'), med('large', 'fcpMs')),
  };
  const detail = Object.fromEntries(
    Object.keys(PAGES).map((name) => [
      name,
      Object.fromEntries(['score', 'fcpMs', 'lcpMs', 'tbtMs', 'cls', 'speedIndexMs'].map((k) => [k, round(med(name, k))])),
    ]),
  );
  const rows = Object.entries(BUDGETS).map(([figure, b]) => {
    const value = figures[figure];
    const ok = 'min' in b ? value >= b.min : value <= b.max;
    return { figure, page: b.page, median: value, budget: 'min' in b ? `≥ ${b.min}` : `≤ ${b.max}`, within: ok ? 'yes' : 'NO' };
  });
  console.table(rows);
  console.table(detail);
  writeFileSync(
    path.join(root, 'bench/lighthouse-results.json'),
    JSON.stringify(
      { measuredAt: new Date().toISOString(), runs: RUNS, preset: 'mobile (simulated throttling)', figures, budgets: BUDGETS, medians: detail, samples },
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
