/**
 * Two tabs = two pages of one browser context: they share IndexedDB and the BroadcastChannel,
 * like two tabs of one browser profile.
 */
import type { Page } from '@playwright/test';
import { test, expect, appUrl, openApp, openSecondTab, readSaved, MockApi } from './fixtures';

test('a change in one tab shows in the other without a reload', async ({ page, context }) => {
  await openApp(page, '/customers');
  await expect(page.getByRole('link', { name: 'Alice Martin' })).toBeVisible();
  const tab2 = await openSecondTab(context, '/customers/new');

  await tab2.getByLabel('Contact name').fill('Tab Two');
  await tab2.getByLabel('Username').fill('tabtwo');
  await tab2.getByLabel('Password').fill('tab two password');
  await tab2.getByRole('button', { name: 'OK' }).click();
  await expect(tab2.getByRole('heading', { level: 1, name: 'Tab Two' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tab Two' })).toBeVisible();

  // Edits and removals too.
  await tab2.getByRole('button', { name: 'Edit' }).click();
  await tab2.getByLabel('Contact name').fill('Tab Two Renamed');
  await tab2.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('link', { name: 'Tab Two Renamed' })).toBeVisible();
  await tab2.getByRole('button', { name: 'Remove' }).click();
  await tab2.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(tab2).toHaveURL(/\/customers$/);
  await expect(page.getByRole('link', { name: 'Tab Two Renamed' })).toHaveCount(0);

  // A scenario reset and the fault settings reach the other tab as well.
  await new MockApi(tab2).reset('empty');
  await expect(page.getByRole('link', { name: 'Alice Martin' })).toHaveCount(0);
  await new MockApi(tab2).settings({ latencyMs: 100 });
  await expect(page.getByText(/Simulated faults are on: latency 100 ms/)).toBeVisible();
  expect(await new MockApi(page).getSettings()).toEqual({ latencyMs: 100, failureRate: 0 });
});

test('neither tab loses the other’s writes, including after a reload', async ({ page, context }) => {
  await openApp(page, '/customers/cus-0001');
  const tab2 = await openSecondTab(context, '/customers/cus-0002');

  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('City').fill('Villeurbanne');
  await tab2.getByRole('button', { name: 'Edit' }).click();
  await tab2.getByLabel('City').fill('Potsdam');
  await page.getByRole('button', { name: 'Save' }).click();
  await tab2.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Villeurbanne')).toBeVisible();
  await expect(tab2.getByText('Potsdam')).toBeVisible();

  // Both writes are in both tabs, and on disk.
  const api1 = new MockApi(page);
  const api2 = new MockApi(tab2);
  await expect.poll(async () => (await api1.request('GET', '/customers/cus-0002')).body.city).toBe('Potsdam');
  await expect.poll(async () => (await api2.request('GET', '/customers/cus-0001')).body.city).toBe('Villeurbanne');
  await page.reload();
  await tab2.reload();
  await expect(page.getByText('Villeurbanne')).toBeVisible();
  await expect(tab2.getByText('Potsdam')).toBeVisible();
  expect((await api1.request('GET', '/customers/cus-0002')).body.city).toBe('Potsdam');
  expect((await api2.request('GET', '/customers/cus-0001')).body.city).toBe('Villeurbanne');
});

/** Sends a POST from inside `page` at the wall-clock time `at`, so two tabs write at the same moment. */
function postAt(page: Page, at: number, path: string, body: unknown) {
  return page.evaluate(
    async ({ at, path, body }) => {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
      const res = await fetch(`/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as { id: string } };
    },
    { at, path, body },
  );
}

test('two tabs creating at the same moment both keep their record', async ({ page, context }) => {
  await openApp(page, '/customers');
  const tab2 = await openSecondTab(context, '/customers');
  const api1 = new MockApi(page);
  const api2 = new MockApi(tab2);
  // postAt sends a raw fetch: both mock APIs must be up first (the shell paints before them).
  await api1.waitForHealth();
  await api2.waitForHealth();
  for (const round of [1, 2, 3]) {
    const at = Date.now() + 200;
    const [a, b] = await Promise.all([
      postAt(page, at, '/customers', { contactName: `Same Moment A${round}`, login: `samemomenta${round}`, password: 'long enough' }),
      postAt(tab2, at, '/customers', { contactName: `Same Moment B${round}`, login: `samemomentb${round}`, password: 'long enough' }),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id, 'the two tabs handed out the same id').not.toBe(b.body.id);
  }
  for (const api of [api1, api2]) {
    await expect.poll(async () => (await api.request('GET', '/customers?q=same+moment')).body.total).toBe(6);
  }
  await page.reload();
  await expect.poll(async () => (await api1.request('GET', '/customers?q=same+moment')).body.total).toBe(6);
});

test('a stale save gets 412: the form says so and offers to reload the record', async ({ page, context }) => {
  await openApp(page, '/customers/cus-0001');
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Phone').fill('+33 1 00 00 00 00');

  const tab2 = await openSecondTab(context, '/customers/cus-0001');
  await tab2.getByRole('button', { name: 'Edit' }).click();
  await tab2.getByLabel('City').fill('Grenoble');
  await tab2.getByRole('button', { name: 'Save' }).click();
  await expect(tab2.getByText('Grenoble')).toBeVisible();

  await page.getByRole('button', { name: 'Save' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Someone else changed this record');
  // Nothing was overwritten: tab 2's city stands, this tab's phone was not saved.
  const api = new MockApi(page);
  const current = (await api.request('GET', '/customers/cus-0001')).body;
  expect(current.city).toBe('Grenoble');
  expect(current.phone).not.toBe('+33 1 00 00 00 00');

  // Reloading would replace what was typed: it asks first; Cancel keeps the typing.
  await alert.getByRole('button', { name: 'Reload record' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Reload the record and discard what you typed?' });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Phone')).toHaveValue('+33 1 00 00 00 00');
  await alert.getByRole('button', { name: 'Reload record' }).click();
  await ask.getByRole('button', { name: 'Discard and reload' }).click();
  await expect(page.getByLabel('City')).toHaveValue('Grenoble');
  await page.getByLabel('Phone').fill('+33 1 00 00 00 00');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('saved');
  const saved = (await api.request('GET', '/customers/cus-0001')).body;
  expect(saved).toMatchObject({ city: 'Grenoble', phone: '+33 1 00 00 00 00' });
});

test('a stale plan edit gets 412 and keeps the edit until the user chooses to reload', async ({ page, context }) => {
  await openApp(page, '/service-plans/plan-0001');
  const tab2 = await openSecondTab(context, '/service-plans/plan-0001');
  await page.getByLabel('Mailboxes', { exact: true }).fill('11');
  await tab2.getByLabel('Mailboxes', { exact: true }).fill('22');
  await tab2.getByRole('button', { name: 'Update & Sync' }).click();
  await expect(tab2.getByRole('status')).toContainText(/synced/i);

  await page.getByRole('button', { name: 'Update & Sync' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Someone else changed this record');
  await expect(page.getByLabel('Mailboxes', { exact: true })).toHaveValue('11');
  await alert.getByRole('button', { name: 'Reload record' }).click();
  // What was typed is discarded only when the user says so.
  await page.getByRole('alertdialog', { name: 'Reload the record and discard what you typed?' }).getByRole('button', { name: 'Discard and reload' }).click();
  await expect(page.getByLabel('Mailboxes', { exact: true })).toHaveValue('22');
});

test('Customize started before another tab’s change gets 412 and offers to reload', async ({ page, context }) => {
  await openApp(page, '/subscriptions/sub-00016');
  await expect(page.getByRole('heading', { level: 1, name: 'demo.northwind-hosting.com' })).toBeVisible();
  await page.getByRole('button', { name: 'Customize' }).click();
  await page.getByLabel('Mailboxes', { exact: true }).fill('7');

  const tab2 = await openSecondTab(context, '/subscriptions/sub-00016?customize=1');
  await tab2.getByLabel('Mailboxes', { exact: true }).fill('9');
  await tab2.getByRole('button', { name: 'Save' }).click();
  await expect(tab2.getByRole('status')).toContainText('demo.northwind-hosting.com');

  // This tab's form was opened on the old values: its save is refused, not written over tab 2's.
  await page.getByRole('button', { name: 'Save' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed this record' });
  await expect(alert).toBeVisible();
  const api = new MockApi(page);
  expect((await api.request('GET', '/subscriptions/sub-00016')).body.values.resources.max_box).toBe(9);

  await alert.getByRole('button', { name: 'Reload record' }).click();
  // The Customize form is open with what this tab typed: discarding it is asked first.
  await page.getByRole('alertdialog', { name: 'Reload the record and discard what you typed?' }).getByRole('button', { name: 'Discard and reload' }).click();
  await expect(page.getByLabel('Mailboxes', { exact: true })).toHaveValue('9');
  await page.getByLabel('Mailboxes', { exact: true }).fill('7');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('demo.northwind-hosting.com');
  expect((await api.request('GET', '/subscriptions/sub-00016')).body.values.resources.max_box).toBe(7);
});

test('a ?scenario= start in one tab replaces the data in every tab, and no tab brings the old data back', async ({ page, context }) => {
  await openApp(page, '/customers');
  await expect(page.getByRole('link', { name: 'Alice Martin' })).toBeVisible();
  await expect.poll(async () => (await readSaved<{ pending?: boolean }>(page, 'meta', 'info'))?.pending, { message: 'default saved whole' }).toBeUndefined();

  const tab2 = await context.newPage();
  await test.step('the second tab starts on the empty scenario; the first adopts it without a reload', async () => {
    await tab2.goto(appUrl('/customers', { scenario: 'empty' }));
    await expect(tab2.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
    // The heading paints before the mock API: wait for the empty list itself (tab 2 is up).
    await expect(tab2.getByText('No customers yet.', { exact: false })).toBeVisible();
    await expect(tab2.getByRole('link', { name: 'Alice Martin' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Alice Martin' })).toHaveCount(0);
  });

  await test.step('a write from the first tab lands in the new data, not in the old', async () => {
    const made = await new MockApi(page).request('POST', '/customers', { contactName: 'New World', login: 'newworld', password: 'long enough' });
    expect(made.status).toBe(201);
    await expect(tab2.getByRole('link', { name: 'New World' })).toBeVisible();
  });

  await test.step('after both tabs save and reload, the old data stays gone', async () => {
    // The second tab's deferred whole-store write, then reloads of both.
    await expect.poll(async () => (await readSaved<{ pending?: boolean }>(tab2, 'meta', 'info'))?.pending).toBeUndefined();
    for (const tab of [tab2, page]) {
      await tab.reload();
      await expect(tab.getByRole('link', { name: 'New World' })).toBeVisible();
      await expect(tab.getByRole('link', { name: 'Alice Martin' })).toHaveCount(0);
    }
    expect((await new MockApi(page).request('GET', '/customers')).body.total).toBe(1);
  });
});
