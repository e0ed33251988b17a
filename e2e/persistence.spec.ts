/**
 * The saved store (IndexedDB `hosting-panel`) survives reloads and browser restarts, and a
 * corrupt, foreign or old-version saved state never gives a white screen.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openApp, expectNoAxeViolations, readSaved, writeSaved, MockApi } from './fixtures';

const RESTORED = 'The saved data could not be read';

/** Creates a customer through the form and waits for its page. */
async function addCustomer(page: Page, name: string, login: string) {
  await page.goto('/customers/new');
  await page.getByLabel('Contact name').fill(name);
  await page.getByLabel('Username').fill(login);
  await page.getByLabel('Password').fill('persistent password');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/**
 * Waits until the app has written its whole state (a new context starts with an empty database;
 * a scenario chosen at start-up is first saved as its name only: `info.pending`).
 */
async function savedOnce(page: Page) {
  await expect
    .poll(
      async () => {
        const info = await readSaved<{ pending?: boolean }>(page, 'meta', 'info');
        return Boolean(info) && info?.pending !== true;
      },
      { message: 'the app saved its whole state' },
    )
    .toBe(true);
}

test('the store survives a reload, and so do the fault settings', async ({ page, mockApi }) => {
  await openApp(page, '/');
  await addCustomer(page, 'Reload Survivor', 'reloadsurvivor');
  await mockApi.settings({ latencyMs: 50 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Reload Survivor' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await mockApi.getSettings()).toEqual({ latencyMs: 50, failureRate: 0 });

  // A new page of the same browser (all other pages closed) reads it from IndexedDB.
  const context = page.context();
  const fresh = await context.newPage();
  await page.close();
  await openApp(fresh, '/customers', { scenario: undefined });
  await expect(fresh.getByRole('link', { name: 'Reload Survivor' })).toBeVisible();
});

test('the store survives a browser restart', async ({ playwright }, testInfo) => {
  const userDataDir = await mkdtemp(join(tmpdir(), 'hosting-panel-profile-'));
  const { baseURL, launchOptions } = testInfo.project.use;
  const launch = () => playwright.chromium.launchPersistentContext(userDataDir, { ...launchOptions, baseURL, serviceWorkers: 'allow' });
  try {
    let browser = await launch();
    let page = browser.pages()[0] ?? (await browser.newPage());
    await openApp(page, '/');
    await addCustomer(page, 'Restart Survivor', 'restartsurvivor');
    await new MockApi(page).settings({ latencyMs: 40 });
    await browser.close();

    browser = await launch();
    page = browser.pages()[0] ?? (await browser.newPage());
    await openApp(page, '/customers', { scenario: undefined });
    await expect(page.getByRole('link', { name: 'Restart Survivor' })).toBeVisible();
    expect(await new MockApi(page).getSettings()).toEqual({ latencyMs: 40, failureRate: 0 });
    await browser.close();
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
});

const BAD_STATES: { name: string; reason: RegExp; plant: (page: Page) => Promise<void> }[] = [
  {
    name: 'a newer schema version',
    reason: /newer version/,
    plant: async (page) => writeSaved(page, 'meta', 'info', { ...(await readSaved(page, 'meta', 'info')), schemaVersion: 99 }),
  },
  {
    name: 'an old, unknown schema version',
    reason: /version is unknown or too old/,
    plant: async (page) => writeSaved(page, 'meta', 'info', { ...(await readSaved(page, 'meta', 'info')), schemaVersion: 0 }),
  },
  {
    name: 'a foreign reseller record',
    reason: /not valid|damaged/,
    plant: (page) => writeSaved(page, 'meta', 'reseller', { rev: 1, value: { hello: 'world' } }),
  },
  {
    name: 'a database of a newer layout (IndexedDB version)',
    reason: /newer version|could not open/,
    plant: (page) =>
      page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const req = indexedDB.open('hosting-panel', 99);
            req.onsuccess = () => {
              req.result.close();
              resolve();
            };
            req.onerror = () => reject(req.error);
          }),
      ),
  },
];

test('a corrupt, foreign or newer saved state: the default scenario with a notice, never a white screen', async ({ page, mockApi }) => {
  // One page goes through every bad state in turn: each time the app replaced the last one with
  // the default scenario and saved it, which is where the next one is planted.
  await openApp(page, '/customers');
  for (const [index, { name, reason, plant }] of BAD_STATES.entries()) {
    await test.step(name, async () => {
      const made = await mockApi.request('POST', '/customers', {
        contactName: 'Lost In Corruption',
        login: 'lostincorruption',
        password: 'persistent password',
      });
      expect(made.status, JSON.stringify(made.body).slice(0, 300)).toBe(201);
      await savedOnce(page);
      await plant(page);
      await page.goto('/customers');

      await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
      const notice = page.getByRole('alert').filter({ hasText: RESTORED });
      await expect(notice).toBeVisible();
      await expect(notice).toContainText(reason);
      await expect(page.getByRole('link', { name: 'Alice Martin' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Lost In Corruption' })).toHaveCount(0);
      // The notice is the same component every time: one scan is enough.
      if (index === 0) await expectNoAxeViolations(page);
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await expect(notice).toBeHidden();
      await savedOnce(page);
    });
  }
  // The replacement was saved: the next visit is quiet and works.
  await page.reload();
  await expect(page.getByRole('link', { name: 'Alice Martin' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('one bad record: the rest is kept, the notice names what was left out and offers the damaged data', async ({ page, mockApi }) => {
  await openApp(page, '/customers');
  const SALVAGED = 'Some saved data could not be read and was left out';
  const kept = await mockApi.request('POST', '/customers', { contactName: 'Kept Through Damage', login: 'keptthroughdamage', password: 'persistent password' });
  expect(kept.status).toBe(201);
  await savedOnce(page);

  await test.step('a customer record that breaks a field rule', async () => {
    // The records' layout is internal (today: JSON text of `{ v, e }`, `e` the [id, rev, value] entries).
    const chunk = JSON.parse((await readSaved<string>(page, 'customers', 'c0'))!) as { e: [string, number, Record<string, unknown>][] };
    chunk.e.find(([id]) => id === 'cus-0002')![2].login = 'Bad Login';
    await writeSaved(page, 'customers', 'c0', JSON.stringify(chunk));
    await page.goto('/customers');
    const notice = page.getByRole('alert').filter({ hasText: SALVAGED });
    await expect(notice).toContainText('1 customer (cus-0002)');
    await expect(page.getByRole('link', { name: 'Kept Through Damage' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Alice Martin' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Bernd Schneider' })).toHaveCount(0);
    // The damaged data was kept before anything overwrote it, and downloads as it was.
    const download = page.waitForEvent('download');
    await notice.getByRole('button', { name: 'Download the damaged data' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('hosting-panel-damaged-state.json');
    expect(await readFile((await file.path())!, 'utf8')).toContain('Bad Login');
    await expectNoAxeViolations(page);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
  });

  await test.step('an unreadable chunk and garbage instead of the info record', async () => {
    // A write through the API saves the salvaged state whole first.
    expect((await mockApi.request('PATCH', '/customers/cus-0001', { city: 'Annecy' })).status).toBe(200);
    await writeSaved(page, 'customers', 'garbage', 'this is not a record');
    await writeSaved(page, 'meta', 'info', '<script>alert(1)</script>');
    await page.goto('/customers');
    const notice = page.getByRole('alert').filter({ hasText: SALVAGED });
    await expect(notice).toContainText('1 unreadable part');
    await expect(page.getByRole('link', { name: 'Kept Through Damage' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Alice Martin' })).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
  });

  // What was kept was saved: the next visit is quiet.
  expect((await mockApi.request('GET', '/customers/cus-0001')).body.city).toBe('Annecy');
  await page.reload();
  await expect(page.getByRole('link', { name: 'Kept Through Damage' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('saved fault settings out of range are reset instead of stalling every screen', async ({ page }) => {
  await openApp(page, '/customers');
  await savedOnce(page);
  await writeSaved(page, 'meta', 'settings', { latencyMs: 1e12, failureRate: 7 });
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('The saved latency and failure rate were out of range');
  await expect(page.getByRole('link', { name: 'Alice Martin' })).toBeVisible();
  expect(await new MockApi(page).getSettings()).toEqual({ latencyMs: 0, failureRate: 0 });
});

test('a deleted database starts again from the default scenario, quietly', async ({ page }) => {
  await openApp(page, '/customers', { scenario: 'empty' });
  await savedOnce(page);
  // Like "Clear site data": the open tab lets go of its connection, the deletion goes through.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const req = indexedDB.deleteDatabase('hosting-panel');
        req.onsuccess = req.onerror = req.onblocked = () => resolve();
      }),
  );
  await page.reload();
  await expect(page.getByRole('link', { name: 'Alice Martin' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
