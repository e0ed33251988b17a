/**
 * Playwright fixtures for Hosting Panel. Copy this file into your own suite: it only relies on
 * the public QA hooks (SPEC §4: URL parameters and the `/_mock` endpoints), the accessible names
 * (SPEC §5) and the documented IndexedDB layout (docs/testing.md). Needs `@playwright/test` and
 * `axe-core`; the app must be served with its mock service worker (any build).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

export type Scenario = 'default' | 'empty' | 'sync-failure' | 'large' | 'xlarge';

export interface OpenOptions {
  /** Resets the mock store to this scenario (`?scenario=`). */
  scenario?: Scenario;
  lang?: 'en' | 'fr';
  latency?: number;
  failureRate?: number;
  /** Sets the mock clock (`?now=ISO`); moving it forward applies expirations. */
  now?: string;
  /**
   * Starts from a built world (`?build=`, the scenario builder's compact form, e.g.
   * `'42-200-1000-6-0.1-0.1-0.05-0.05-0.05'`); pass `scenario: undefined` with it.
   */
  build?: string;
}

export function appUrl(path: string, options: OpenOptions = {}) {
  const url = new URL(path, 'http://placeholder');
  if (options.scenario) url.searchParams.set('scenario', options.scenario);
  if (options.lang) url.searchParams.set('lang', options.lang);
  if (options.latency !== undefined) url.searchParams.set('latency', String(options.latency));
  if (options.failureRate !== undefined) url.searchParams.set('failureRate', String(options.failureRate));
  if (options.now !== undefined) url.searchParams.set('now', options.now);
  if (options.build !== undefined) url.searchParams.set('build', options.build);
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Opens a page of the app and waits until its heading shows. The heading can paint before the
 * mock API is up (the shell comes first): `MockApi` calls wait for `/_mock/health` themselves,
 * and a check of the data waits for the data.
 * Resets to the `default` scenario unless told otherwise; pass `{ scenario: undefined }` to keep
 * the saved data (a reload, a second tab).
 */
export async function openApp(page: Page, path: string, options: OpenOptions = {}) {
  await page.goto(appUrl(path, { scenario: 'default', ...options }));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/**
 * Goes to a section the way a user does, by its link in the main navigation, and waits for its
 * heading. Prefer it to `page.goto` once the app is open: a `goto` restarts the whole app and
 * its mock API (~0.6–1 s of CPU on a 2-core machine); a click costs a tenth of that.
 */
export async function openSection(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: /^(Main|Principal)$/ })
    .getByRole('link', { name, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/**
 * A second tab: another page of the same browser context, so it shares IndexedDB and the
 * BroadcastChannel with the first. Opens `path` on the saved data (no scenario reset).
 */
export async function openSecondTab(context: BrowserContext, path: string, options: Omit<OpenOptions, 'scenario'> = {}) {
  const page = await context.newPage();
  await openApp(page, path, { ...options, scenario: undefined });
  return page;
}

/**
 * The mock API's backend: a dedicated Web Worker of the page (named `hosting-panel-backend`,
 * script `…/backend-worker-*.js`) that holds the store and writes IndexedDB. Stub a storage API
 * there, not in the page (e.g. make IndexedDB's `put` fail as a full quota does).
 */
export async function backendWorker(page: Page) {
  await expect.poll(() => page.workers().some((w) => w.url().includes('backend-worker')), { message: "the backend's worker" }).toBe(true);
  return page.workers().find((w) => w.url().includes('backend-worker'))!;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  // Only violations are reported in full: collecting every passing node costs more than the scan.
  resultTypes: ['violations'],
};

/** The two rules that cost most of a scan (they compute the styles of every text and target). */
const COSTLY_RULES = ['color-contrast', 'target-size'];

/**
 * axe-core with the WCAG 2.2 AA rule set on the page as it is now; fails with the violations
 * listed. axe-core is injected once per document and run in place (the app has no frames):
 * about a third of what `@axe-core/playwright`'s AxeBuilder costs, which opens a blank page
 * per scan to assemble frame results.
 *
 * While a dialog is open (every dialog of the app is modal), the dialog gets every rule and the page behind it (inert, hidden
 * from assistive technology, and scanned in its own state elsewhere) every rule but the two
 * costly visual ones: a dialog scan then costs about a third of a full one.
 */
export async function expectNoAxeViolations(page: Page) {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async ({ options, costly }) => {
      const { axe } = window as unknown as { axe: { run(context: unknown, options: RunOptions): Promise<AxeResults> } };
      // Every dialog of the app is modal (React Aria hides everything outside it).
      const modal = document.querySelector('[role="dialog"], [role="alertdialog"]');
      const results: AxeResults[] = [];
      // One scan at a time: axe refuses to run twice at once.
      if (modal) {
        results.push(await axe.run(modal, options));
        results.push(await axe.run({ exclude: [modal] }, { ...options, rules: Object.fromEntries(costly.map((id) => [id, { enabled: false }])) }));
      } else {
        results.push(await axe.run(document, options));
      }
      return results.flatMap((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })));
    },
    { options: AXE_OPTIONS, costly: COSTLY_RULES },
  );
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 3).join(', ')}`);
  expect(summary, 'axe-core violations').toEqual([]);
}

export const test = base.extend<{ mockApi: MockApi }>({
  mockApi: async ({ page }, use) => {
    await use(new MockApi(page));
  },
});

export interface MockSettings {
  /** Delay added to every /api/v1 request (not /_mock), in ms. */
  latencyMs: number;
  /** Share of /api/v1 requests (not /_mock) that fail with a simulated 503, 0..1. */
  failureRate: number;
  /**
   * Limits faults to the requests matching one of these `"METHOD /path"` patterns (path as in
   * docs/api.md, without /api/v1; `*` = one path segment), e.g. `['POST /subscriptions/*\/sync']`.
   * Absent or empty: every request may fail.
   */
  failOn?: string[];
}

/** Records to add on top of a scenario in one `POST /_mock/reset` (the public POST bodies). */
export interface ResetData {
  customers?: Record<string, unknown>[];
  plans?: Record<string, unknown>[];
  /** Each may add `locked: true` and `values` (a Customize). */
  subscriptions?: Record<string, unknown>[];
}

/** The body of `POST /_mock/build` (docs/api.md): shares 0..1 in steps of 0.0001; Unsynced + Locked + Custom ≤ 1. */
export interface BuildBody {
  seed: number;
  customers: number;
  subscriptions: number;
  /** Service plans in all, 1..50 (one in five an add-on). */
  plans: number;
  mix?: Partial<Record<'unsynced' | 'locked' | 'custom' | 'suspended' | 'overused', number>>;
}

export interface ApiResult<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

/**
 * The mock API, called from inside the page so the request reaches its service worker (the
 * page must have been opened with `openApp` first). `request` reaches any endpoint, so tests can
 * arrange data or check what a screen wrote; the helpers name the `/_mock` QA endpoints.
 */
export class MockApi {
  private ready = false;
  constructor(private readonly page: Page) {}

  /**
   * Waits until the mock answers `GET /_mock/health` (right after a load or a reload, a request
   * can reach the static host before the service worker controls the page, and the shell paints
   * before the mock API is up). Every call below does this first, once per page load.
   *
   * Polled from here, not with `page.waitForFunction`: that one does not await an async predicate
   * (the returned promise counts as truthy), so it would not wait at all.
   */
  async waitForHealth(): Promise<void> {
    await expect
      .poll(
        () =>
          this.page
            .evaluate(async () => {
              const res = await fetch('/api/v1/_mock/health');
              return res.ok && Boolean(res.headers.get('content-type')?.includes('json')) && (await res.json()).ready === true;
            })
            // A navigation under way destroys the page's context: not ready yet.
            .catch(() => false),
        { message: 'the mock API answers GET /_mock/health', intervals: [50], timeout: 15_000 },
      )
      .toBe(true);
    this.ready = true;
    this.page.once('load', () => (this.ready = false));
  }

  /**
   * `body` is sent as JSON; pass `{ raw: '...' }` as `options` to send a body verbatim (malformed
   * JSON tests). `headers` adds e.g. `If-Match`.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked by each test's expectations
  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: { raw?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResult<T>> {
    if (!this.ready) await this.waitForHealth();
    return this.page.evaluate(
      async ({ method, path, body, options }) => {
        const headers: Record<string, string> = { ...(options.headers ?? {}) };
        const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
        if (payload !== undefined) headers['Content-Type'] = 'application/json';
        const res = await fetch(`/api/v1${path}`, { method, headers, body: payload });
        const text = await res.text();
        let parsed: unknown;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          parsed = text;
        }
        const out: Record<string, string> = {};
        res.headers.forEach((value, key) => (out[key] = value));
        return { status: res.status, headers: out, body: parsed };
      },
      { method, path, body, options },
    ) as Promise<ApiResult<T>>;
  }

  /**
   * `POST /_mock/reset`: replaces every record with the scenario's (settings are kept), then adds
   * `data` through the public POST rules, all or nothing (an error names the entry, e.g.
   * `subscriptions.1.domain`). The answer's `created` lists the new ids per kind.
   */
  reset(scenario: Scenario, data: ResetData = {}) {
    return this.request<{ scenario: string; counts: Record<string, number>; created: Record<string, string[]> }>('POST', '/_mock/reset', {
      scenario,
      ...data,
    });
  }

  /**
   * `POST /_mock/build`: replaces every record with a world built from `seed` (the scenario
   * builder): exact counts, the mix as shares 0..1. The answer says what it holds and the build's
   * compact form (for `?build=`).
   */
  build(body: BuildBody) {
    return this.request<{ scenario: string; build: string; counts: Record<string, number>; states: Record<string, number> }>('POST', '/_mock/build', body);
  }

  /**
   * `PUT /_mock/settings`: either field may be left out. Resolves once the page shows the new
   * settings (the faults banner has appeared, changed or gone): the banner moves the page down,
   * and a click aimed before it moved would land beside its target.
   */
  async settings(settings: Partial<MockSettings>) {
    const result = await this.request<MockSettings>('PUT', '/_mock/settings', settings);
    if (result.status === 200) await this.settingsShown(result.body);
    return result;
  }

  /** Waits until the faults banner of the page (when it shows the app) says `settings`. */
  private async settingsShown(settings: MockSettings) {
    await expect
      .poll(
        () =>
          this.page
            .evaluate((expected) => {
              // Not the app's shell (an error page, another site): nothing shows the settings.
              if (!document.getElementById('main')) return true;
              const banner = document.querySelector('.faults-banner');
              if (expected.latencyMs === 0 && expected.failureRate === 0) return banner === null;
              const canonical = (value: unknown) => JSON.stringify(value, Object.keys((value ?? {}) as object).sort());
              const shown = banner?.getAttribute('data-mock-settings');
              return shown !== null && shown !== undefined && canonical(JSON.parse(shown)) === canonical(expected);
            }, settings)
            // A navigation under way: the next page starts with the saved settings anyway.
            .catch(() => true),
        { message: 'the page shows the new mock settings', intervals: [25] },
      )
      .toBe(true);
  }

  /** `GET /_mock/settings`. */
  async getSettings(): Promise<MockSettings> {
    return (await this.request<MockSettings>('GET', '/_mock/settings')).body;
  }

  /** `PATCH /_mock/provider`: the hosting provider grants or takes away limits and permissions. */
  provider(patch: { limits?: Record<string, number>; permissions?: Record<string, boolean>; oversell?: boolean }) {
    return this.request('PATCH', '/_mock/provider', patch);
  }

  /** `GET /_mock/state`: the whole store as a JSON document (what Export state saves). */
  async exportState(): Promise<StateDocument> {
    return (await this.request<StateDocument>('GET', '/_mock/state')).body;
  }

  /** `PUT /_mock/state`: replaces the store; a bad document is refused (422) and changes nothing. */
  importState(document: unknown) {
    return this.request('PUT', '/_mock/state', document);
  }
}

/** The exported store (GET /_mock/state); records as the API shows them, minus derived fields. */
export interface StateDocument {
  schemaVersion: number;
  scenario: string;
  reseller: Record<string, unknown>;
  customers: ({ id: string; contactName: string; login: string } & Record<string, unknown>)[];
  plans: ({ id: string; kind: 'hosting' | 'addon'; name: string } & Record<string, unknown>)[];
  subscriptions: ({ id: string; domain: string } & Record<string, unknown>)[];
  counters: { customers: number; plans: number; subscriptions: number };
}

// ---------------------------------------------------------------------------------------------
// The saved state in IndexedDB (database `hosting-panel`): object stores `customers`, `plans`,
// `subscriptions` (their record layout is internal: anything you write there is garbage to the
// app) and `meta` (keys `info` = `{ schemaVersion, scenario }`, `settings` =
// `{ latencyMs, failureRate }`, `reseller`, `counters`). See docs/testing.md.

export const SAVED_STATE_DB = 'hosting-panel';
export type SavedStore = 'customers' | 'plans' | 'subscriptions' | 'meta';

/** Reads one saved record (`undefined` if absent). An API write is on disk when its response arrives. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw saved data, checked by the test
export async function readSaved<T = any>(page: Page, store: SavedStore, key: string): Promise<T | undefined> {
  // Once the mock API answers, the app has opened (and created) its database.
  await new MockApi(page).waitForHealth();
  return page.evaluate(
    async ({ name, store, key }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        if (!db.objectStoreNames.contains(store)) return undefined;
        return await new Promise<unknown>((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).get(key);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      } finally {
        db.close();
      }
    },
    { name: SAVED_STATE_DB, store, key },
  ) as Promise<T | undefined>;
}

/**
 * Writes one raw value into the saved state, e.g. garbage to check that a corrupt state never
 * gives a white screen. Wait for what the app saves first (see `readSaved`), then reload.
 */
export async function writeSaved(page: Page, store: SavedStore, key: string, value: unknown): Promise<void> {
  await new MockApi(page).waitForHealth();
  await page.evaluate(
    async ({ name, store, key, value }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          tx.objectStore(store).put(value, key);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { name: SAVED_STATE_DB, store, key, value },
  );
}

export { expect };
