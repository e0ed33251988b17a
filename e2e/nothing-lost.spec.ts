/**
 * Nothing is lost (issue 13): a change the browser cannot save (storage quota full) is refused
 * and said, never announced as done; a create that answers late does not pull the user away
 * from the form they moved on to.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, openApp, openSection, expectNoAxeViolations, readSaved, backendWorker } from './fixtures';

/**
 * Fills the origin's storage quota. Chromium's CDP `Storage.overrideQuotaForOrigin` is asked
 * first; some Chromium builds accept it without applying it (`navigator.storage.estimate()`
 * still shows the disk's quota), and then IndexedDB's writes are made to fail exactly as a full
 * quota fails them (QuotaExceededError) — in the backend's Web Worker, where the store writes
 * (docs/testing.md), not with a route.
 */
async function storageQuota(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const setFull = async (full: boolean) => {
    const worker = await backendWorker(page);
    await worker.evaluate((full) => {
      const scope = globalThis as { __quotaFull?: boolean; __quotaStub?: true };
      scope.__quotaFull = full;
      if (scope.__quotaStub) return;
      scope.__quotaStub = true;
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (scope.__quotaFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    }, full);
  };
  return {
    async fill() {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 0 });
      const quota = await page.evaluate(async () => (await navigator.storage.estimate()).quota);
      if (quota !== 0) await setFull(true);
    },
    async free() {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await setFull(false);
    },
  };
}

test('with the storage quota full, a change is refused and said; nothing is half-kept; it saves once there is room', async ({ page, context, mockApi }) => {
  const quota = await storageQuota(context, page);
  await openApp(page, '/customers/new');
  // The start-up scenario is saved whole first (then only the change itself is refused).
  await expect.poll(async () => (await readSaved<{ pending?: boolean }>(page, 'meta', 'info'))?.pending, { message: 'saved whole' }).toBeUndefined();

  await test.step('create a customer while the quota is full', async () => {
    await quota.fill();
    await page.getByLabel('Contact name').fill('Never Saved');
    await page.getByLabel('Username').fill('neversaved');
    await page.getByLabel('Password').fill('long enough password');
    await page.getByRole('button', { name: 'OK' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The customer was not created' });
    await expect(alert).toContainText("the browser's storage for this site is full");
    // The form keeps what was typed; the API has nothing of it (not even in memory).
    await expect(page.getByLabel('Contact name')).toHaveValue('Never Saved');
    expect((await mockApi.request('GET', '/customers?q=neversaved')).body.total).toBe(0);
    await expectNoAxeViolations(page);
  });

  await test.step('other writes are refused the same way, with 507', async () => {
    for (const [method, path, body] of [
      ['PATCH', '/customers/cus-0001', { city: 'Nowhere' }],
      ['DELETE', '/customers/cus-0002', undefined],
      ['POST', '/subscriptions/bulk', { action: 'suspend', ids: ['sub-00001', 'sub-00002'] }],
    ] as const) {
      const res = await mockApi.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(507);
      expect(res.body).toMatchObject({ type: expect.stringMatching(/\/storage-full$/) });
    }
    expect((await mockApi.request('GET', '/customers/cus-0002')).status).toBe(200);
    expect((await mockApi.request('GET', '/subscriptions/sub-00001')).body.status).toBe('active');
  });

  await test.step('with room again, the same OK saves it, and it survives a reload', async () => {
    await quota.free();
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Never Saved' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Never Saved' })).toBeVisible();
    await openSection(page, 'Customers');
    await expect(page.getByRole('link', { name: 'Bernd Schneider' })).toBeVisible();
  });
});

test('a create that answers after the user moved to another form leaves them on it, with their typing', async ({ page, mockApi }) => {
  await openApp(page, '/customers/new');
  await mockApi.settings({ latencyMs: 2500 });
  await page.getByLabel('Contact name').fill('Slow Create');
  await page.getByLabel('Username').fill('slowcreate');
  await page.getByLabel('Password').fill('long enough password');
  await page.getByRole('button', { name: 'OK' }).click();

  // While it is on its way, the user goes on to another form and types.
  await openSection(page, 'Service Plans');
  await page.getByRole('button', { name: 'Add Plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add Plan' })).toBeVisible();
  await page.getByLabel('Plan name').fill('Typed meanwhile');

  // The create still happens and is announced, but the user stays where they are.
  await expect(page.getByRole('status')).toContainText('Slow Create', { timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Add Plan' })).toBeVisible();
  await expect(page.getByLabel('Plan name')).toHaveValue('Typed meanwhile');
  await mockApi.settings({ latencyMs: 0 });
  expect((await mockApi.request('GET', '/customers?q=slowcreate')).body.total).toBe(1);
});
