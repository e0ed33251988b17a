/**
 * Reliability under faults: latency and failures come from the mock's own settings
 * (`?latency=`, `?failureRate=`, `/_mock/settings`), never from page.route.
 */
import { test, expect, openApp, expectNoAxeViolations } from './fixtures';

const FAILED_ON_PURPOSE = /This request failed on purpose/;

test.describe('with every request failing (failureRate=1)', () => {
  // Every screen in its error state; axe-core on one of each kind (they share the ErrorState
  // component: Home's several panels, a list, a record page, a form).
  const groups = {
    'Home and the lists': [
      { path: '/', name: 'Home', axe: true },
      { path: '/resources', name: 'Overview of my resources and permissions' },
      { path: '/customers', name: 'Customers', axe: true },
      { path: '/subscriptions', name: 'Subscriptions' },
      { path: '/service-plans', name: 'Service Plans' },
    ],
    'record pages and forms': [
      { path: '/customers/cus-0001', name: 'Customer', axe: true },
      { path: '/subscriptions/sub-00001', name: 'Subscription' },
      { path: '/subscriptions/new', name: 'Add Subscription', axe: true },
      { path: '/service-plans/plan-0001', name: 'Service plan' },
    ],
  };
  for (const [group, screens] of Object.entries(groups)) {
    test(`${group}: an error state with Retry, then the data once faults stop`, async ({ page, mockApi }) => {
      await openApp(page, '/tools', { failureRate: 1 });
      for (const { path, name, axe } of screens) {
        await test.step(path, async () => {
          await mockApi.settings({ failureRate: 1 });
          await page.goto(path);
          const error = page.getByRole('alert').filter({ hasText: FAILED_ON_PURPOSE }).first();
          await expect(error).toBeVisible();
          await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
          await expect(page.getByRole('heading', { level: 1 })).toContainText(name === 'Home' ? /./ : name.split(' ')[0]!);
          if (axe) await expectNoAxeViolations(page);

          await mockApi.settings({ failureRate: 0 });
          // Each error state has its own Retry (Home has several panels).
          const retry = page.getByRole('button', { name: 'Retry' });
          await expect(async () => {
            if ((await retry.count()) > 0) await retry.first().click();
            await expect(retry).toHaveCount(0, { timeout: 500 });
          }).toPass();
          await expect(page.getByRole('alert').filter({ hasText: FAILED_ON_PURPOSE })).toHaveCount(0);
        });
      }
    });
  }
});

test('latency: every screen shows a loading state, then its data', async ({ page, mockApi }) => {
  await openApp(page, '/tools', { latency: 600 });
  const nav = page.getByRole('navigation', { name: 'Main' });
  const loading = page.getByText('Loading…').first();
  const screens: [string, RegExp | string][] = [
    ['Customers', 'Alice Martin'],
    ['Subscriptions', 'martin-bakery.fr'],
    ['Service Plans', 'Starter'],
    ['Home', 'Overview of my resources and permissions'],
  ];
  for (const [link, content] of screens) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await expect(loading).toBeVisible();
    await expect(page.getByRole('link', { name: content, exact: true }).first()).toBeVisible();
    await expect(page.getByText('Loading…')).toHaveCount(0);
  }
  // Already loaded data shows at once (Home fetched the reseller): no loading state then.
  await page.getByRole('link', { name: 'Overview of my resources and permissions' }).click();
  await expect(page.getByRole('table', { name: 'Resources' })).toBeVisible();

  // A record page, from its list.
  await nav.getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByRole('link', { name: 'Alice Martin' }).click();
  await expect(loading).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Alice Martin' })).toBeVisible();
  await mockApi.settings({ latencyMs: 0 });
});

test('the subscriber list of Add Subscription says when it could not load', async ({ page, mockApi }) => {
  test.slow(); // the large scenario
  await openApp(page, '/subscriptions/new', { scenario: 'large' });
  const filter = page.getByLabel('Find a subscriber');
  await expect(filter).toBeVisible();
  await mockApi.settings({ failureRate: 1 });
  await filter.fill('zz');
  await expect(page.getByRole('alert').filter({ hasText: FAILED_ON_PURPOSE })).toBeVisible();
  await mockApi.settings({ failureRate: 0 });
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a failing query is retried twice on 5xx, never on 4xx; a failed write is not retried', async ({ page, mockApi }) => {
  const requests: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/api/v1/') && !url.pathname.startsWith('/api/v1/_mock')) requests.push(`${req.method()} ${url.pathname}`);
  });
  await openApp(page, '/customers', { failureRate: 1 });
  await expect(page.getByRole('alert').filter({ hasText: FAILED_ON_PURPOSE })).toBeVisible();
  expect(requests.filter((r) => r === 'GET /api/v1/customers')).toHaveLength(3);

  // A missing record (404) is not retried: the answer will not change.
  await mockApi.settings({ failureRate: 0 });
  requests.length = 0;
  await page.goto('/customers/cus-9999');
  await expect(page.getByRole('alert')).toContainText('No customer with id "cus-9999"');
  expect(requests.filter((r) => r === 'GET /api/v1/customers/cus-9999')).toHaveLength(1);

  // A write is sent once: retrying a POST could create the record twice.
  await page.goto('/customers/new');
  await page.getByLabel('Contact name').fill('Once Only');
  await page.getByLabel('Username').fill('onceonly');
  await page.getByLabel('Password').fill('secret-password');
  await mockApi.settings({ failureRate: 1 });
  requests.length = 0;
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('alert')).toContainText('The customer was not created');
  expect(requests.filter((r) => r === 'POST /api/v1/customers')).toHaveLength(1);
});

test('a failed save keeps what was typed and says what failed; the same save works once faults stop (every form)', async ({ page, mockApi }) => {
  // One journey through the forms: a step per form, each on a freshly reset default scenario.
  await test.step('Add Customer: a failed save keeps what was typed, says what failed, and OK works once faults stop', async () => {
    await openApp(page, '/customers/new');
    await page.getByLabel('Contact name').fill('Zoë Faulty');
    await page.getByLabel('Company name').fill('Faulty & Co');
    await page.getByLabel('Email').fill('zoe@faulty.example');
    await page.getByLabel('Username').fill('zfaulty');
    await page.getByLabel('Password').fill('a long secret');
    await page.getByLabel('Country').selectOption('FR');
    await mockApi.settings({ failureRate: 1 });
    await page.getByRole('button', { name: 'OK' }).click();

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The customer was not created');
    await expect(alert).toContainText(FAILED_ON_PURPOSE);
    await expect(page.getByLabel('Contact name')).toHaveValue('Zoë Faulty');
    await expect(page.getByLabel('Company name')).toHaveValue('Faulty & Co');
    await expect(page.getByLabel('Email')).toHaveValue('zoe@faulty.example');
    await expect(page.getByLabel('Username')).toHaveValue('zfaulty');
    await expect(page.getByLabel('Password')).toHaveValue('a long secret');
    await expect(page.getByLabel('Country')).toHaveValue('FR');
    await expectNoAxeViolations(page);

    // Nothing half-written reached the store.
    await mockApi.settings({ failureRate: 0 });
    expect((await mockApi.request('GET', '/customers?q=zfaulty')).body.total).toBe(0);

    await page.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Zoë Faulty' })).toBeVisible();
    expect((await mockApi.request('GET', '/customers?q=zfaulty')).body.total).toBe(1);
  });
  await test.step('Edit customer: a failed save keeps the edit; Save works once faults stop', async () => {
    await openApp(page, '/customers/cus-0002');
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('City').fill('Potsdam');
    await mockApi.settings({ failureRate: 1 });
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The changes were not saved' })).toContainText(FAILED_ON_PURPOSE);
    await expect(page.getByLabel('City')).toHaveValue('Potsdam');

    await mockApi.settings({ failureRate: 0 });
    expect((await mockApi.request('GET', '/customers/cus-0002')).body.city).toBe('Berlin');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status')).toContainText('saved');
    await expect(page.getByText('Potsdam')).toBeVisible();
  });
  await test.step('Add Subscription: a failed save keeps the form and names the failure', async () => {
    await openApp(page, '/subscriptions/new');
    await page.getByLabel('Domain name').fill('faulty-domain.example');
    await page.getByLabel('Subscriber').selectOption('cus-0001');
    await mockApi.settings({ failureRate: 1 });
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The subscription could not be created' })).toContainText(FAILED_ON_PURPOSE);
    await expect(page.getByLabel('Domain name')).toHaveValue('faulty-domain.example');
    await expect(page.getByLabel('Subscriber')).toHaveValue('cus-0001');
    await expectNoAxeViolations(page);

    await mockApi.settings({ failureRate: 0 });
    expect((await mockApi.request('GET', '/subscriptions?q=faulty-domain')).body.total).toBe(0);
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'faulty-domain.example' })).toBeVisible();
  });
  await test.step('Customize: a failed save keeps the values typed and leaves the subscription unlocked', async () => {
    await openApp(page, '/subscriptions/sub-00001');
    await expect(page.getByRole('heading', { level: 1, name: 'martin-bakery.fr' })).toBeVisible();
    await page.getByRole('button', { name: 'Customize' }).click();
    const mailboxes = page.getByLabel('Mailboxes', { exact: true });
    await mailboxes.fill('42');
    await mockApi.settings({ failureRate: 1 });
    await page.getByRole('button', { name: 'Save' }).click();
    // Saving a plan-based subscription locks it: the form asks first.
    await page.getByRole('alertdialog', { name: 'Lock the subscription?' }).getByRole('button', { name: 'Save and lock' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The values could not be saved' })).toContainText(FAILED_ON_PURPOSE);
    await expect(mailboxes).toHaveValue('42');

    await mockApi.settings({ failureRate: 0 });
    const after = (await mockApi.request('GET', '/subscriptions/sub-00001')).body;
    expect(after.syncState).toBe('synced');
    expect(after.locked).toBe(false);
  });
  await test.step('Update & Sync: a failed plan save keeps the edit and changes no subscription', async () => {
    await openApp(page, '/service-plans/plan-0001');
    const before = (await mockApi.request('GET', '/subscriptions?planId=plan-0001&pageSize=100')).body;
    await page.getByLabel('Mailboxes', { exact: true }).fill('77');
    await mockApi.settings({ failureRate: 1 });
    await page.getByRole('button', { name: 'Update & Sync' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The plan was not saved' })).toContainText(FAILED_ON_PURPOSE);
    await expect(page.getByLabel('Mailboxes', { exact: true })).toHaveValue('77');
    await expectNoAxeViolations(page);

    await mockApi.settings({ failureRate: 0 });
    const after = (await mockApi.request('GET', '/subscriptions?planId=plan-0001&pageSize=100')).body;
    expect(after).toEqual(before);
    await page.getByRole('button', { name: 'Update & Sync' }).click();
    await expect(page.getByRole('status')).toContainText(/synced|Synced/);
  });
  await test.step('Add Plan: a failed save keeps the name and says what failed', async () => {
    await openApp(page, '/service-plans/new');
    await page.getByLabel('Plan name').fill('Faulty plan');
    await mockApi.settings({ failureRate: 1 });
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByRole('alert')).toContainText('The plan was not created');
    await expect(page.getByRole('alert')).toContainText(FAILED_ON_PURPOSE);
    await expect(page.getByLabel('Plan name')).toHaveValue('Faulty plan');
    await mockApi.settings({ failureRate: 0 });
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Faulty plan' })).toBeVisible();
  });
});

test('actions on a record (suspend, remove) say what failed and change nothing', async ({ page, mockApi }) => {
  await openApp(page, '/customers/cus-0003');
  const banner = page.getByText(/^Simulated faults are on/);
  await expect(banner).toHaveCount(0);
  await mockApi.settings({ failureRate: 1 });
  // However faults were set (here by a suite's own PUT /_mock/settings), the banner shows at once.
  await expect(banner).toBeVisible();
  await page.getByRole('button', { name: 'Suspend' }).click();
  await expect(page.getByRole('alert')).toContainText(FAILED_ON_PURPOSE);
  await page.getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('alertdialog', { name: /Remove customer/ });
  await expect(dialog.getByRole('alert')).toContainText(FAILED_ON_PURPOSE);
  await mockApi.settings({ failureRate: 0 });
  await page.keyboard.press('Escape');
  const customer = (await mockApi.request('GET', '/customers/cus-0003')).body;
  expect(customer.status).toBe('active');

  await expect(banner).toHaveCount(0);

  // failOn: only the subscription's Suspend fails; the page itself loads.
  await mockApi.settings({ failureRate: 1, failOn: ['POST /subscriptions/*/suspend'] });
  await page.goto('/subscriptions/sub-00001');
  await expect(page.getByRole('heading', { level: 1, name: 'martin-bakery.fr' })).toBeVisible();
  await expect(page.getByText('Faults only on: POST /subscriptions/*/suspend.')).toBeVisible();
  await page.getByRole('button', { name: 'Suspend' }).click();
  await expect(page.getByRole('alert')).toContainText(FAILED_ON_PURPOSE);
  await mockApi.settings({ failureRate: 0, failOn: [] });
  expect((await mockApi.request('GET', '/subscriptions/sub-00001')).body.status).toBe('active');
});

test('a failed request through the API writes nothing (validation, conflicts, faults)', async ({ page, mockApi }) => {
  await openApp(page, '/');
  const before = await mockApi.exportState();
  // Valid fields next to an invalid one: nothing of it is created.
  expect((await mockApi.request('POST', '/customers', { contactName: 'Half Written', login: 'half', password: 'short' })).status).toBe(422);
  // A plan edit with one bad value among good ones: the plan and its subscriptions stay.
  expect(
    (await mockApi.request('PUT', '/service-plans/plan-0001', { name: 'Renamed', values: { resources: { max_box: 5, disk_space: 'lots' } } })).status,
  ).toBe(422);
  // A bulk action mixing good and unknown ids reports per id; the unknown one changes nothing.
  await mockApi.settings({ failureRate: 1 });
  expect((await mockApi.request('POST', '/customers', { contactName: 'Faulted', login: 'faulted', password: 'long enough' })).status).toBe(503);
  expect((await mockApi.request('DELETE', '/subscriptions/sub-00001')).status).toBe(503);
  // The API's own description is never failed (its generator loads on this first request).
  const openapi = await mockApi.request<{ openapi: string; paths: Record<string, unknown> }>('GET', '/openapi.json');
  expect(openapi.status).toBe(200);
  expect(openapi.body.openapi).toBe('3.1.0');
  expect(Object.keys(openapi.body.paths)).toContain('/subscriptions/{id}/websites');
  await mockApi.settings({ failureRate: 0 });
  expect(await mockApi.exportState()).toEqual(before);
});
