#!/usr/bin/env node
/**
 * `npm run bench`: builds the app, serves the production build, and measures the figures of
 * the performance issues in one run (medians over several runs), printing a table and writing
 * bench/results.json. Budgets are checked here — never by timed assertions in tests.
 *
 * Everything is observed from outside the app (DOM, Performance APIs, the HTTP API, the saved
 * IndexedDB state as docs/testing.md documents it), so the figures stay comparable whatever
 * thread the mock backend runs on. Switches (docs/testing.md, "The benchmark"):
 *   BENCH_ONLY=figure1,figure2  measure only these figures (writes bench/.tmp/results-only.json)
 *   BENCH_SKIP_E2E=1            skip e2eSuiteS          BENCH_SKIP_LIGHTHOUSE=1  skip Lighthouse
 *   BENCH_RUNS=N (5)            BENCH_INP_RUNS=N (3)    BENCH_LH_RUNS=N (5)    BENCH_E2E_RUNS=N (3)
 *   BENCH_PORT (4400), BENCH_OUT (where to write the results)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { resolveChromium } from '../scripts/resolve-chromium.mjs';
import { median, root, round, startServer, stopServer } from './common.mjs';
import { LIGHTHOUSE_BUDGETS, runLighthouse } from './lighthouse-audit.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4400);
const tmp = path.join(root, 'bench/.tmp', String(PORT));
const BASE = `http://localhost:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const INP_RUNS = Number(process.env.BENCH_INP_RUNS ?? 3);
// 5, not 3: on the shared 2-core machine one run in three or four paints late (FCP ~1.3–1.8 s against ~0.64 s).
const LH_RUNS = Number(process.env.BENCH_LH_RUNS ?? 5);
/**
 * The e2e suite's wall time is a median of several whole runs too: on the shared 2-core machine
 * one run of the same code took anywhere from 100 to 127 s within an hour (2026-12-02).
 */
const E2E_RUNS = Number(process.env.BENCH_E2E_RUNS ?? 3);

/** A number: the figure must be at most this. `{ min }`: at least this. */
const BUDGETS = {
  planEdit10kMs: 50,
  planEdit10kApiMs: 400,
  listFirstRowsMs: 800,
  searchMs: 100,
  pageSwitchMs: 100,
  syncDialogMs: 100,
  // 250 in the first benchmark; issue 17 lowers it to 200.
  initialJsGzipKb: 200,
  e2eSuiteS: 120,
  // Issue 17: the 50,000-subscription world, responsiveness, Lighthouse.
  listFirstRows50kMs: 1500,
  listFirstRows50kWarmMs: 800,
  longestTask50kMs: 200,
  searchMs50k: 100,
  pageSwitchMs50k: 100,
  inpMs: 100,
  lighthouseMobilePerf: { min: LIGHTHOUSE_BUDGETS.lighthouseMobilePerf.min },
  lighthouseMobilePerfLarge: { min: LIGHTHOUSE_BUDGETS.lighthouseMobilePerfLarge.min },
  fcpMobileMs: LIGHTHOUSE_BUDGETS.fcpMobileMs.max,
};
const within = (name, value) => {
  const b = BUDGETS[name];
  return typeof b === 'number' ? value <= b : value >= b.min;
};
const budgetText = (name) => (typeof BUDGETS[name] === 'number' ? `≤ ${BUDGETS[name]}` : `≥ ${BUDGETS[name].min}`);

const ONLY = process.env.BENCH_ONLY
  ? new Set(
      process.env.BENCH_ONLY.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
  : null;
for (const name of ONLY ?? []) {
  if (!(name in BUDGETS)) {
    console.error(`[bench] BENCH_ONLY: no figure named ${name}. Figures: ${Object.keys(BUDGETS).join(', ')}`);
    process.exit(2);
  }
}
const wanted = (...names) => names.some((name) => !ONLY || ONLY.has(name));

const log = (...args) => console.log('[bench]', ...args);

async function buildAll({ engine }) {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  log('building the production app…');
  await build({ root, logLevel: 'warn', build: { outDir: path.join(tmp, 'dist'), emptyOutDir: true } });
  if (!engine) return;
  log('building the engine benchmark for Node…');
  await build({
    root,
    logLevel: 'warn',
    build: {
      ssr: path.join(root, 'bench/engine-bench.ts'),
      outDir: path.join(tmp, 'node'),
      emptyOutDir: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'engine-bench.mjs' } },
    },
  });
}

async function engineBench() {
  const mod = await import(pathToFileURL(path.join(tmp, 'node/engine-bench.mjs')).href);
  return mod.runEngineBench(Math.max(RUNS, 7));
}

/** Records when the first rows of a list show: performance.now() is relative to navigation start. */
const FIRST_ROWS_SCRIPT = () => {
  const w = window;
  const check = () => {
    if (w.__firstRowsAt === undefined && document.querySelector('main table tbody tr a')) w.__firstRowsAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
};

/** Records the page's main-thread long tasks (over 50 ms) from navigation start. */
const LONG_TASKS_SCRIPT = () => {
  const w = window;
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/**
 * Records every interaction's duration (Event Timing: from the input to the next paint; the
 * events of one interaction — pointerdown/pointerup/click, keydown/keyup — share an
 * interactionId, and the longest of them is the interaction's duration, as INP counts it).
 */
const EVENT_TIMING_SCRIPT = () => {
  const w = window;
  w.__interactions = {};
  const describe = (el) => {
    if (!el || !el.tagName) return '(an element since removed)';
    const name = el.getAttribute('aria-label') || el.textContent?.trim().replace(/\s+/g, ' ').slice(0, 40) || '';
    return `${el.tagName.toLowerCase()}${name ? ` "${name}"` : ''}`;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.interactionId) continue;
      const seen = w.__interactions[e.interactionId];
      if (!seen || e.duration > seen.duration)
        w.__interactions[e.interactionId] = { duration: e.duration, event: e.name, start: e.startTime, target: describe(e.target) };
    }
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
};

/** In-page: the `meta` store's `info` record of the saved state (docs/testing.md), or null; never creates the database. */
const READ_SAVED_INFO = async () => {
  if (indexedDB.databases && !(await indexedDB.databases()).some((d) => d.name === 'hosting-panel')) return null;
  return new Promise((resolve) => {
    const req = indexedDB.open('hosting-panel');
    req.onupgradeneeded = () => req.transaction.abort(); // it did not exist: leave it so
    req.onerror = () => resolve(null);
    req.onsuccess = () => {
      const db = req.result;
      try {
        const get = db.transaction('meta', 'readonly').objectStore('meta').get('info');
        get.onsuccess = () => {
          db.close();
          resolve(get.result ?? null);
        };
        get.onerror = () => {
          db.close();
          resolve(null);
        };
      } catch {
        db.close();
        resolve(null);
      }
    };
  });
};

/**
 * Waits until a `?scenario=` start is saved in full: docs/testing.md — the scenario is first
 * saved as its name (`info.pending: true`), written in full after the first screen; poll `info`
 * until it is there without `pending`. The mock's health endpoint only says it answers.
 */
async function waitSaved(page, scenario, timeout = 120_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const info = await page.evaluate(READ_SAVED_INFO);
    if (info && info.scenario === scenario && info.pending !== true) return;
    if (Date.now() > deadline) throw new Error(`the ${scenario} world was not saved in full within ${timeout / 1000} s (meta.info: ${JSON.stringify(info)})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const waitFirstRows = (page, timeout = 30_000) => page.waitForFunction(() => window.__firstRowsAt !== undefined, null, { timeout });

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  return { context, page };
}

/** In-page: wait (by animation frames) until `predicate` holds; returns ms since t0. */
const waitInPage = (page, fnBody, arg) => page.evaluate(fnBody, arg);

/** Cold: a fresh context per sample, `?scenario=` start → first row link. */
async function listFirstRows(browser, scenario) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser);
    await page.addInitScript(FIRST_ROWS_SCRIPT);
    await page.goto(`${BASE}/subscriptions?scenario=${scenario}`);
    await waitFirstRows(page, scenario === 'xlarge' ? 90_000 : 30_000);
    samples.push(await page.evaluate(() => window.__firstRowsAt));
    await context.close();
  }
  return samples;
}

/**
 * Warm: in one context, the xlarge world is loaded and saved in full; then RUNS loads of
 * `/subscriptions` (no `?scenario=`: the saved world) → first rows, and the longest main-thread
 * task that began before the first rows showed (0 when none was over 50 ms).
 */
async function xlargeWarm(browser) {
  return onList(
    browser,
    'xlarge',
    async (page) => {
      const firstRows = [];
      const longestTask = [];
      for (let i = 0; i < RUNS; i++) {
        await page.goto(`${BASE}/subscriptions`);
        await waitFirstRows(page, 90_000);
        const { at, longest } = await page.evaluate(async () => {
          // Let the observer deliver the task that was running when the rows showed.
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100))));
          const at = window.__firstRowsAt;
          return { at, longest: Math.max(0, ...window.__longTasks.filter((t) => t.start < at).map((t) => t.duration)) };
        });
        const total = await page.evaluate(async () => (await (await fetch('/api/v1/subscriptions?pageSize=1')).json()).total);
        if (total !== 50_000) throw new Error(`the reload showed ${total} subscriptions, not the saved xlarge world's 50,000`);
        firstRows.push(at);
        longestTask.push(longest);
      }
      return { firstRows, longestTask };
    },
    { settle: true, initScripts: [LONG_TASKS_SCRIPT] },
  );
}

async function initialJs(browser) {
  const { context, page } = await newPage(browser);
  const scripts = [];
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(res.url())) scripts.push(res);
  });
  await page.addInitScript(FIRST_ROWS_SCRIPT);
  await page.goto(`${BASE}/subscriptions?scenario=default`);
  await waitFirstRows(page);
  let bytes = 0;
  const seen = new Set();
  for (const res of scripts) {
    const url = res.url();
    if (seen.has(url) || url.endsWith('hosting-panel-sw.js')) continue; // the worker script is not page JS
    seen.add(url);
    bytes += gzipSync(await res.body(), { level: 9 }).length;
  }
  await context.close();
  return { kb: bytes / 1024, files: [...seen].map((u) => new URL(u).pathname) };
}

/**
 * Opens the list on `scenario` in a fresh context and runs `fn` once the first rows show. With
 * `settle`, first waits until the world is saved in full (xlarge: that deferred write is a
 * one-off task of a second or more, which would land on one sample or another at random).
 * `initScripts`: more in-page observers (long tasks, event timing) beside the first-rows one.
 */
async function onList(browser, scenario, fn, { settle = false, initScripts = [] } = {}) {
  const { context, page } = await newPage(browser);
  for (const script of [FIRST_ROWS_SCRIPT, ...initScripts]) await page.addInitScript(script);
  await page.goto(`${BASE}/subscriptions?scenario=${scenario}`);
  await waitFirstRows(page, scenario === 'xlarge' ? 90_000 : 30_000);
  try {
    if (settle) await waitSaved(page, scenario);
    return await fn(page);
  } finally {
    await context.close();
  }
}

async function searchBench(browser, scenario, options) {
  return onList(
    browser,
    scenario,
    async (page) => {
      const domains = await page.evaluate(async () => {
        const picks = [];
        for (const p of [37, 1234, 2222, 3999, 9876, 151, 7070]) {
          const res = await fetch(`/api/v1/subscriptions?pageSize=1&page=${p}&sort=domain`);
          picks.push((await res.json()).items[0].domain);
        }
        return picks;
      });
      const samples = [];
      for (const domain of domains.slice(0, Math.max(RUNS, 5))) {
        samples.push(
          await waitInPage(
            page,
            async (domain) => {
              const input = [...document.querySelectorAll('input')].find((el) => el.labels && [...el.labels].some((l) => l.textContent.trim() === 'Search'));
              if (!input) throw new Error('no Search box');
              const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
              const shows = () => [...document.querySelectorAll('main table tbody tr a')].some((a) => a.textContent.trim() === domain);
              const t0 = performance.now();
              setValue.call(input, domain);
              input.dispatchEvent(new Event('input', { bubbles: true }));
              await new Promise((resolve, reject) => {
                const stop = setTimeout(() => reject(new Error(`search for ${domain} did not show it`)), 10_000);
                const tick = () => (shows() ? (clearTimeout(stop), resolve()) : requestAnimationFrame(tick));
                tick();
              });
              return performance.now() - t0;
            },
            domain,
          ),
        );
      }
      return samples;
    },
    options,
  );
}

async function pageSwitchBench(browser, scenario, options) {
  return onList(
    browser,
    scenario,
    async (page) => {
      const samples = [];
      for (let i = 0; i < Math.max(RUNS, 5); i++) {
        // Alternate: next page, then a sort change on the Subscription column.
        const kind = i % 2 === 0 ? 'next' : 'sort';
        samples.push(
          await page.evaluate(async (kind) => {
            const firstRow = () => document.querySelector('main table tbody tr')?.textContent ?? '';
            const before = firstRow();
            const buttons = [...document.querySelectorAll('main button')];
            const target =
              kind === 'next'
                ? buttons.find((b) => b.textContent.trim() === 'Next page' && !b.disabled)
                : document.querySelector('main table thead th[aria-sort] button');
            if (!target) throw new Error(`no ${kind} control`);
            const t0 = performance.now();
            target.click();
            await new Promise((resolve, reject) => {
              const stop = setTimeout(() => reject(new Error(`${kind} did not update the rows`)), 10_000);
              const tick = () => {
                const now = firstRow();
                if (now && now !== before) {
                  clearTimeout(stop);
                  resolve();
                } else requestAnimationFrame(tick);
              };
              tick();
            });
            return performance.now() - t0;
          }, kind),
        );
      }
      return samples;
    },
    options,
  );
}

async function syncDialogBench(browser) {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${BASE}/subscriptions?scenario=sync-failure`);
    await page.getByRole('link', { name: 'shop.example.com', exact: true }).click();
    await page.getByRole('button', { name: 'Synchronize', exact: true }).waitFor();
    const samples = [];
    // The click is a real one (Playwright); the page records when the press began and when the
    // dialog appeared, so the figure is free of the driver's round trips.
    await page.evaluate(() => {
      const w = window;
      document.addEventListener(
        'pointerdown',
        (e) => {
          w.__pressAt = e.timeStamp;
          w.__dialogAt = undefined;
        },
        true,
      );
      new MutationObserver(() => {
        if (w.__dialogAt === undefined && [...document.querySelectorAll('[role=dialog]')].some((d) => d.textContent.includes('Synchronization failed')))
          w.__dialogAt = performance.now();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    for (let i = 0; i < Math.max(RUNS, 5); i++) {
      await page.getByRole('button', { name: 'Synchronize', exact: true }).click();
      await page.getByRole('dialog', { name: 'Synchronization failed' }).waitFor();
      samples.push(await page.evaluate(() => window.__dialogAt - window.__pressAt));
      await page.getByRole('dialog', { name: 'Synchronization failed' }).getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    return samples;
  } finally {
    await context.close();
  }
}

/** Update & Sync through the API in the browser, until the change is written to IndexedDB. */
async function planEditApiBench(browser) {
  return onList(browser, 'large', async (page) =>
    page.evaluate(async (runs) => {
      const api = async (method, url, body) => {
        const res = await fetch(`/api/v1${url}`, {
          method,
          headers: body ? { 'Content-Type': 'application/json' } : {},
          body: body ? JSON.stringify(body) : undefined,
        });
        if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${await res.text()}`);
        return res.status === 204 ? null : res.json();
      };
      const plans = (await api('GET', '/service-plans?kind=hosting&pageSize=100')).items;
      const plan = plans[0];
      // Put all 10,000 subscriptions on one plan, so the edit reaches them all.
      const ids = [];
      for (let page = 1; ids.length < 10_000; page++) {
        const chunk = await api('GET', `/subscriptions?pageSize=500&page=${page}`);
        if (chunk.items.length === 0) break;
        ids.push(...chunk.items.map((s) => s.id));
      }
      // Persistence is done when this tab's writer broadcasts the batch to other tabs.
      const channel = new BroadcastChannel('hosting-panel');
      const persisted = () => new Promise((resolve) => channel.addEventListener('message', () => resolve(), { once: true }));
      // The API takes at most 1,000 ids a request (docs/api.md, limits): in batches.
      for (let start = 0; start < ids.length; start += 1000) {
        const bulkWritten = persisted();
        await api('POST', '/subscriptions/bulk', { action: 'change-plan', ids: ids.slice(start, start + 1000), planId: plan.id, addonIds: [] });
        await bulkWritten;
      }
      const samples = [];
      let reached = 0;
      for (let i = 0; i < runs + 1; i++) {
        const written = persisted();
        const t0 = performance.now();
        const out = await api('PUT', `/service-plans/${plan.id}`, { values: { resources: { max_db: 3 + (i % 2) } } });
        await written;
        const ms = performance.now() - t0;
        reached = out.report.synced + out.report.unsynced + out.report.locked;
        if (i > 0) samples.push(ms);
      }
      channel.close();
      if (reached !== 10_000) throw new Error(`the plan edit reached ${reached} subscriptions, not 10,000`);
      return samples;
    }, RUNS),
  );
}

/** A search term of the large scenario with hundreds of matches (several pages, Unsynced ones on page 2). */
const INP_SEARCH = 'alpine';

/**
 * One user journey on the large list with real input (Playwright's mouse and keyboard, so each
 * counts as an interaction): type a search, sort by the Subscription header, next page, open an
 * Unsynced subscription, Synchronize (the Synchronization failed dialog opens: the large
 * scenario's reseller lacks a permission the Premium-tier plans grant), Cancel. Returns the
 * worst interaction (INP over this journey) and every interaction over 16 ms by step.
 */
async function inpJourney(browser) {
  // The steady state (`settle`): the deferred save of the started world is over (longestTask50kMs
  // and Lighthouse's TBT cover start-up).
  return onList(
    browser,
    'large',
    async (page) => {
      const steps = [];
      const step = async (name, act) => {
        steps.push({ name, at: await page.evaluate(() => performance.now()) });
        await act();
      };
      const firstRow = () => page.evaluate(() => document.querySelector('main table tbody tr')?.textContent ?? '');
      const rowsChange = (before) =>
        page.waitForFunction((before) => (document.querySelector('main table tbody tr')?.textContent ?? before) !== before, before);

      await step('type a search', async () => {
        await page.getByLabel('Search', { exact: true }).click();
        await page.keyboard.type(INP_SEARCH, { delay: 120 });
        await page.waitForFunction((term) => {
          const rows = [...document.querySelectorAll('main table tbody tr')];
          return rows.length > 0 && rows.every((r) => r.querySelector('a')?.textContent.includes(term));
        }, INP_SEARCH);
      });
      await step('sort by Subscription', async () => {
        const before = await firstRow();
        await page
          .locator('main table thead')
          .getByRole('button', { name: /^Subscription/ })
          .click();
        await rowsChange(before);
      });
      await step('next page', async () => {
        const before = await firstRow();
        await page.getByRole('button', { name: 'Next page', exact: true }).click();
        await rowsChange(before);
      });
      await step('open a subscription', async () => {
        const row = page
          .locator('main table tbody tr')
          .filter({ has: page.getByRole('button', { name: 'Unsynced', exact: true }) })
          .first();
        const link = row.getByRole('link').first();
        const domain = (await link.textContent()).trim();
        await link.click();
        await page.getByRole('heading', { level: 1, name: domain }).waitFor();
        await page.getByRole('button', { name: 'Synchronize', exact: true }).waitFor();
      });
      await step('Synchronize', async () => {
        await page.getByRole('button', { name: 'Synchronize', exact: true }).click();
        await page.getByRole('dialog', { name: 'Synchronization failed' }).waitFor();
      });
      await step('Cancel the dialog', async () => {
        await page.getByRole('dialog', { name: 'Synchronization failed' }).getByRole('button', { name: 'Cancel' }).click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      });
      const interactions = await page.evaluate(async () => {
        // Event Timing entries are delivered after the next paint.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300))));
        return Object.values(window.__interactions);
      });
      const stepOf = (start) => [...steps].reverse().find((s) => s.at <= start)?.name ?? 'before the journey';
      const list = interactions.map((i) => ({ ...i, step: stepOf(i.start) })).sort((a, b) => b.duration - a.duration);
      return {
        worst: list[0]?.duration ?? 0,
        worstAt: list[0] ? `${list[0].step}: ${list[0].event} on ${list[0].target}` : null,
        interactions: list.length,
        top: list.slice(0, 3),
      };
    },
    { settle: true, initScripts: [EVENT_TIMING_SCRIPT] },
  );
}

function e2eSuite() {
  const t0 = Date.now();
  const result = spawnSync('npx', ['playwright', 'test', '--reporter=dot'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, E2E_PORT: String(PORT + 1) },
  });
  return { seconds: (Date.now() - t0) / 1000, ok: result.status === 0 };
}

async function main() {
  const { executablePath, source } = resolveChromium();
  log(`browser: ${source}${executablePath ? ` (${executablePath})` : ''}`);
  if (ONLY) log(`only: ${[...ONLY].join(', ')}`);
  const started = Date.now();
  await buildAll({ engine: wanted('planEdit10kMs') });
  const results = {};
  const samples = {};
  const failed = {};
  const details = {};
  let reference;

  /** Runs one measurement; a failure is reported and the others still run. */
  const measure = async (names, fn) => {
    if (!wanted(...names)) return;
    log(`${names.join(', ')}…`);
    const t0 = Date.now();
    try {
      await fn();
    } catch (error) {
      console.error(`[bench] ${names.join(', ')} failed:`, error);
      for (const name of names) failed[name] = String(error?.message ?? error).split('\n')[0];
    }
    log(`  (${Math.round((Date.now() - t0) / 1000)} s)`);
  };

  await measure(['planEdit10kMs'], async () => {
    const engine = await engineBench();
    samples.planEdit10kMs = engine.fast;
    // Not a budget: the simple reference on the same edits, to show the fast path still pays (issue 15).
    reference = { planEdit10kSimpleMs: round(median(engine.simple)) };
    log(`planEdit10kSimpleMs (the simple reference, no budget): ${reference.planEdit10kSimpleMs} ms`);
  });

  const lighthouseWanted = wanted('lighthouseMobilePerf', 'lighthouseMobilePerfLarge', 'fcpMobileMs') && !process.env.BENCH_SKIP_LIGHTHOUSE;
  const browserWanted = Object.keys(BUDGETS).some(
    (name) => wanted(name) && !['planEdit10kMs', 'e2eSuiteS', 'lighthouseMobilePerf', 'lighthouseMobilePerfLarge', 'fcpMobileMs'].includes(name),
  );
  if (browserWanted || lighthouseWanted) {
    const server = await startServer(path.join(tmp, 'dist'), PORT);
    try {
      if (browserWanted) {
        const browser = await chromium.launch({ executablePath, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
        try {
          await measure(['initialJsGzipKb'], async () => {
            const js = await initialJs(browser);
            results.initialJsGzipKb = round(js.kb);
            results.initialJsFiles = js.files;
          });
          await measure(['listFirstRowsMs'], async () => (samples.listFirstRowsMs = await listFirstRows(browser, 'large')));
          await measure(['searchMs'], async () => (samples.searchMs = await searchBench(browser, 'large')));
          await measure(['pageSwitchMs'], async () => (samples.pageSwitchMs = await pageSwitchBench(browser, 'large')));
          await measure(['syncDialogMs'], async () => (samples.syncDialogMs = await syncDialogBench(browser)));
          await measure(['planEdit10kApiMs'], async () => (samples.planEdit10kApiMs = await planEditApiBench(browser)));
          await measure(['listFirstRows50kMs'], async () => (samples.listFirstRows50kMs = await listFirstRows(browser, 'xlarge')));
          await measure(['listFirstRows50kWarmMs', 'longestTask50kMs'], async () => {
            const warm = await xlargeWarm(browser);
            samples.listFirstRows50kWarmMs = warm.firstRows;
            samples.longestTask50kMs = warm.longestTask;
          });
          await measure(['searchMs50k'], async () => (samples.searchMs50k = await searchBench(browser, 'xlarge', { settle: true })));
          await measure(['pageSwitchMs50k'], async () => (samples.pageSwitchMs50k = await pageSwitchBench(browser, 'xlarge', { settle: true })));
          await measure(['inpMs'], async () => {
            const runs = [];
            for (let i = 0; i < INP_RUNS; i++) {
              const run = await inpJourney(browser);
              log(`  run ${i + 1}: worst ${run.worst} ms (${run.worstAt}), ${run.interactions} interactions over 16 ms`);
              runs.push(run);
            }
            samples.inpMs = runs.map((r) => r.worst);
            details.inp = runs.map((r) => ({ worstMs: r.worst, worstAt: r.worstAt, top: r.top }));
          });
        } finally {
          await browser.close();
        }
      }
      if (lighthouseWanted) {
        await measure(['lighthouseMobilePerf', 'lighthouseMobilePerfLarge', 'fcpMobileMs'], async () => {
          const audit = await runLighthouse({ base: BASE, runs: LH_RUNS, log: (...args) => log('  lighthouse', ...args) });
          Object.assign(samples, audit.figureSamples);
          details.lighthouse = {
            preset: 'mobile (simulated throttling)',
            runs: LH_RUNS,
            fcpPage: audit.fcpPage,
            medians: audit.medians,
            samples: audit.samples,
          };
        });
      } else if (process.env.BENCH_SKIP_LIGHTHOUSE) log('Lighthouse skipped (BENCH_SKIP_LIGHTHOUSE)');
    } finally {
      stopServer(server);
    }
  }

  if (process.env.BENCH_SKIP_E2E) {
    log('e2eSuiteS skipped (BENCH_SKIP_E2E)');
  } else if (wanted('e2eSuiteS')) {
    samples.e2eSuiteS = [];
    for (let run = 1; run <= E2E_RUNS; run++) {
      log(`e2eSuiteS (the whole Playwright suite), run ${run} of ${E2E_RUNS}…`);
      const e2e = e2eSuite();
      samples.e2eSuiteS.push(round(e2e.seconds));
      if (!e2e.ok) results.e2eSuiteFailed = true;
    }
  }

  for (const [name, xs] of Object.entries(samples)) results[name] = round(median(xs));
  const rows = Object.keys(BUDGETS).map((name) => {
    const value = results[name];
    return {
      figure: name,
      median: value ?? (failed[name] ? 'failed' : '—'),
      budget: budgetText(name),
      within: value === undefined ? (failed[name] ? 'FAILED' : 'not run') : within(name, value) ? 'yes' : 'NO',
      samples: samples[name]?.map(round).join(' ') ?? '',
    };
  });
  console.table(rows);
  const out = {
    measuredAt: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, browser: source },
    runs: RUNS,
    inpRuns: INP_RUNS,
    lighthouseRuns: LH_RUNS,
    e2eRuns: E2E_RUNS,
    only: ONLY ? [...ONLY] : undefined,
    wallTimeS: round((Date.now() - started) / 1000),
    figures: Object.fromEntries(Object.keys(BUDGETS).map((k) => [k, results[k] ?? null])),
    budgets: BUDGETS,
    samples: Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, xs.map(round)])),
    failed: Object.keys(failed).length ? failed : undefined,
    reference,
    inp: details.inp,
    lighthouse: details.lighthouse,
    initialJsFiles: results.initialJsFiles,
    e2eSuiteFailed: results.e2eSuiteFailed ?? false,
  };
  // A subset must not overwrite the full run's bench/results.json.
  const file = process.env.BENCH_OUT ?? path.join(root, ONLY ? 'bench/.tmp/results-only.json' : 'bench/results.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  log(`wrote ${path.relative(root, file)} (${out.wallTimeS} s in all)`);
  const over = rows.filter((r) => r.within === 'NO' || r.within === 'FAILED');
  if (over.length) {
    console.error(
      `[bench] over budget or failed: ${over.map((r) => (r.within === 'FAILED' ? `${r.figure} failed` : `${r.figure} ${r.median} (${r.budget})`)).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
