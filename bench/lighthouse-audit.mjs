/**
 * Lighthouse's performance audit (mobile preset: simulated slow 4G, 4× CPU slowdown) of a served
 * production build on `/subscriptions?scenario=default` and `large`, against issue 17's budgets
 * (score ≥ 90 and ≥ 85, first contentful paint ≤ 1,800 ms). Shared by `npm run bench` (its
 * figures are in the main table) and `npm run bench:lighthouse` (this audit alone).
 *
 * Needs a full Chromium (Lighthouse drives it with --headless=new): Debian's `chromium`,
 * CHROME_PATH, or Playwright's own.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { median, round } from './common.mjs';

/** `min`: the figure must be at least this; `max`: at most. */
export const LIGHTHOUSE_BUDGETS = {
  lighthouseMobilePerf: { min: 90, page: 'default' },
  lighthouseMobilePerfLarge: { min: 85, page: 'large' },
  fcpMobileMs: { max: 1800, page: 'both (the worse median)' },
};
export const LIGHTHOUSE_PAGES = { default: '/subscriptions?scenario=default', large: '/subscriptions?scenario=large' };
const METRICS = ['score', 'fcpMs', 'lcpMs', 'tbtMs', 'cls', 'speedIndexMs'];

export function fullChromium() {
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

/**
 * Runs the audit `runs` times per page against `base` (a server already up). Returns the three
 * figures, per page the median of each metric, every run's metrics, and per figure its samples
 * (for fcpMobileMs: those of the page with the worse median).
 */
export async function runLighthouse({ base, runs, log = () => {} }) {
  const chromePath = fullChromium();
  log(`Lighthouse browser: ${chromePath}`);
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const samples = { default: [], large: [] };
  for (const [name, page] of Object.entries(LIGHTHOUSE_PAGES)) {
    for (let run = 0; run < runs; run++) {
      // A fresh browser per run: nothing cached, no service worker yet (a first visit).
      const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
      try {
        const result = await lighthouse(`${base}${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
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
  const med = (name, key) => median(samples[name].map((s) => s[key]));
  const fcpWorse = med('default', 'fcpMs') >= med('large', 'fcpMs') ? 'default' : 'large';
  const figures = {
    lighthouseMobilePerf: med('default', 'score'),
    lighthouseMobilePerfLarge: med('large', 'score'),
    fcpMobileMs: med(fcpWorse, 'fcpMs'),
  };
  const medians = Object.fromEntries(Object.keys(LIGHTHOUSE_PAGES).map((name) => [name, Object.fromEntries(METRICS.map((k) => [k, round(med(name, k))]))]));
  const figureSamples = {
    lighthouseMobilePerf: samples.default.map((s) => s.score),
    lighthouseMobilePerfLarge: samples.large.map((s) => s.score),
    fcpMobileMs: samples[fcpWorse].map((s) => s.fcpMs),
  };
  return { figures, medians, samples, figureSamples, fcpPage: fcpWorse };
}
