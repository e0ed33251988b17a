/**
 * Playwright fixtures for Hosting Panel. Copy this file into your own suite: it only relies on
 * the public QA hooks (SPEC §4) and accessible names (SPEC §5).
 */
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export type Scenario = 'default' | 'empty' | 'sync-failure' | 'large';

export interface OpenOptions {
  /** Resets the mock store to this scenario (`?scenario=`). */
  scenario?: Scenario;
  lang?: 'en' | 'fr';
  latency?: number;
  failureRate?: number;
}

export function appUrl(path: string, options: OpenOptions = {}) {
  const url = new URL(path, 'http://placeholder');
  if (options.scenario) url.searchParams.set('scenario', options.scenario);
  if (options.lang) url.searchParams.set('lang', options.lang);
  if (options.latency !== undefined) url.searchParams.set('latency', String(options.latency));
  if (options.failureRate !== undefined) url.searchParams.set('failureRate', String(options.failureRate));
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Opens a page of the app and waits until its heading shows (the mock API is up by then). */
export async function openApp(page: Page, path: string, options: OpenOptions = {}) {
  await page.goto(appUrl(path, { scenario: 'default', ...options }));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** axe-core with the WCAG 2.2 AA rule set; fails with the violations listed. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(summary, 'axe-core violations').toEqual([]);
}

export const test = base.extend<{ mockApi: MockApi }>({
  mockApi: async ({ page }, use) => {
    await use(new MockApi(page));
  },
});

/** The `/_mock` endpoints, called from inside the page so they reach its service worker. */
export class MockApi {
  constructor(private readonly page: Page) {}

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    return this.page.evaluate(
      async ({ method, path, body }) => {
        const res = await fetch(`/api/v1${path}`, {
          method,
          headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : null };
      },
      { method, path, body },
    );
  }

  reset(scenario: Scenario) {
    return this.request('POST', '/_mock/reset', { scenario });
  }

  settings(settings: { latencyMs?: number; failureRate?: number }) {
    return this.request('PUT', '/_mock/settings', settings);
  }

  provider(patch: { limits?: Record<string, number>; permissions?: Record<string, boolean>; oversell?: boolean }) {
    return this.request('PATCH', '/_mock/provider', patch);
  }
}

export { expect };
