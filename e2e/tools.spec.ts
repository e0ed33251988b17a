/** Prototype tools (`/tools`) and the QA URL parameters of SPEC §4. */
import { readFile, writeFile } from 'node:fs/promises';
import { test, expect, openApp, openSection, expectNoAxeViolations, MockApi, type StateDocument } from './fixtures';

test('reset to a scenario from the tools page, with a confirmation', async ({ page }) => {
  await openApp(page, '/tools');
  await expect(page.getByRole('heading', { level: 1, name: 'Prototype tools' })).toBeVisible();
  // axe-core on this page as loaded: shell.spec.ts.

  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Empty' });
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveAccessibleDescription(/no customers or subscriptions/);
  await page.getByRole('button', { name: 'Reset data' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Reset data to the Empty scenario' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Reset data' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText('Data reset to the Empty scenario.');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Alice Martin' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add Customer' })).toBeVisible();

  // Cancel changes nothing.
  await openSection(page, 'Prototype tools');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Default' });
  await page.getByRole('button', { name: 'Reset data' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await openSection(page, 'Customers');
  await expect(page.getByText(/Nothing here yet|no customers/i).first()).toBeVisible();
});

test('latency and fault rate from the tools page; bad values are refused at the field', async ({ page, mockApi }) => {
  await openApp(page, '/tools');
  const latency = page.getByLabel('Latency (ms)');
  const rate = page.getByLabel('Failure rate');
  await expect(latency).toHaveValue('0');
  await expect(rate).toHaveValue('0');

  await latency.fill('fast');
  await rate.fill('2');
  await page.getByRole('button', { name: 'Apply settings' }).click();
  await expect(latency).toHaveAccessibleDescription(/whole number of milliseconds/);
  await expect(rate).toHaveAccessibleDescription(/number from 0 to 1/);
  await expect(latency).toHaveValue('fast');
  expect(await mockApi.getSettings()).toEqual({ latencyMs: 0, failureRate: 0 });
  await expectNoAxeViolations(page);

  await latency.fill('300');
  await rate.fill('1');
  await page.getByRole('button', { name: 'Apply settings' }).click();
  await expect(page.getByRole('status')).toContainText('latency 300 ms, failure rate 1');
  expect(await mockApi.getSettings()).toEqual({ latencyMs: 300, failureRate: 1 });

  // Every panel request now fails; the tools page itself still works (/_mock is never failed).
  await openSection(page, 'Customers');
  await expect(page.getByRole('alert').filter({ hasText: 'This request failed on purpose' })).toBeVisible();
  await openSection(page, 'Prototype tools');
  await expect(page.getByLabel('Failure rate')).toHaveValue('1');
  await page.getByLabel('Failure rate').fill('0');
  await page.getByLabel('Latency (ms)').fill('0');
  await page.getByRole('button', { name: 'Apply settings' }).click();
  await expect(page.getByRole('status')).toContainText('failure rate 0');
  await openSection(page, 'Customers');
  await expect(page.getByRole('link', { name: 'Alice Martin' })).toBeVisible();
});

test('export the store as a JSON file and import it back', async ({ page, mockApi }, testInfo) => {
  await openApp(page, '/tools');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export state' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('hosting-panel-state.json');
  const file = testInfo.outputPath('state.json');
  await download.saveAs(file);
  const doc = JSON.parse(await readFile(file, 'utf8')) as StateDocument;
  expect(doc.schemaVersion).toBe(2);
  expect(doc.customers).toHaveLength(8);
  expect(doc.subscriptions).toHaveLength(25);
  await expect(page.getByRole('status')).toContainText('State exported');

  // Change the store, then import the edited file: the store is the file's.
  await mockApi.reset('empty');
  const edited = { ...doc, customers: doc.customers.map((c) => (c.id === 'cus-0001' ? { ...c, contactName: 'Alice Imported' } : c)) };
  const editedFile = testInfo.outputPath('edited.json');
  await writeFile(editedFile, JSON.stringify(edited));
  await page.getByLabel('State file to import').setInputFiles(editedFile);
  await page.getByRole('button', { name: 'Import state' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Replace all data with edited.json' });
  await expect(dialog).toContainText('8 customers, 5 service plans, 25 subscriptions');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Import state' }).click();
  await expect(page.getByRole('status')).toContainText('State imported from edited.json: 8 customers, 5 service plans, 25 subscriptions.');
  await openSection(page, 'Customers');
  await expect(page.getByRole('link', { name: 'Alice Imported' })).toBeVisible();
});

test('a bad state file is refused with the reason, and the current data is untouched', async ({ page, mockApi }, testInfo) => {
  await openApp(page, '/tools');
  const before = await mockApi.exportState();
  const input = page.getByLabel('State file to import');
  const importButton = page.getByRole('button', { name: 'Import state' });

  // No file chosen.
  await importButton.click();
  await expect(page.getByRole('alert')).toHaveText('Choose a JSON file to import first.');
  await expect(input).toHaveAccessibleDescription('Choose a JSON file to import first.');

  // Not JSON at all.
  const notJson = testInfo.outputPath('notes.json');
  await writeFile(notJson, '{ this is not JSON');
  await input.setInputFiles(notJson);
  await importButton.click();
  await expect(page.getByRole('alert')).toContainText('notes.json is not a JSON file. Nothing was changed.');

  // JSON, but not a state: a customer without a login, a subscription of an unknown customer,
  // a newer schema version.
  const cases: [string, unknown, RegExp][] = [
    ['array.json', [1, 2, 3], /not a JSON object/],
    ['no-login.json', { ...before, customers: before.customers.map((c, i) => (i === 0 ? { ...c, login: '' } : c)) }, /customers\.0\.login/],
    ['orphan.json', { ...before, customers: before.customers.slice(1) }, /subscriptions\.0\.ownerId: This record does not exist/],
    ['future.json', { ...before, schemaVersion: 99 }, /schema version 99/],
  ];
  for (const [name, content, reason] of cases) {
    const path = testInfo.outputPath(name);
    await writeFile(path, JSON.stringify(content));
    await input.setInputFiles(path);
    await importButton.click();
    const dialog = page.getByRole('alertdialog', { name: `Replace all data with ${name}` });
    await dialog.getByRole('button', { name: 'Import state' }).click();
    await expect(dialog).toBeHidden();
    // The reason stays next to the file input.
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`${name} was refused`);
    await expect(alert).toContainText(reason);
    await expect(alert).toContainText('Nothing was changed.');
    await expect(input).toHaveAccessibleDescription(reason);
  }
  await expectNoAxeViolations(page);
  expect(await mockApi.exportState()).toEqual(before);
});

test('provider simulator: granting the missing permission lets Synchronize succeed', async ({ page }) => {
  await openApp(page, '/subscriptions', { scenario: 'sync-failure' });
  await page.getByRole('link', { name: 'shop.example.com', exact: true }).click();
  await page.getByRole('button', { name: 'Synchronize' }).click();
  const failure = page.getByRole('dialog', { name: 'Synchronization failed' });
  await expect(failure.getByRole('row', { name: /^shop\.example\.com PHP version and handler management/ })).toBeVisible();
  await failure.getByRole('link', { name: /Overview of my resources and permissions/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview of my resources and permissions' })).toBeVisible();
  await expect(page.getByRole('row', { name: /PHP version and handler management/ })).toContainText('Off');

  // Act as the provider: grant it.
  await openSection(page, 'Prototype tools');
  const provider = page.getByRole('region', { name: 'Hosting provider simulator' });
  await provider.getByRole('checkbox', { name: 'PHP version and handler management' }).check();
  await provider.getByRole('button', { name: 'Apply provider changes' }).click();
  await expect(page.getByRole('status')).toContainText('Provider changes applied');
  await expectNoAxeViolations(page);

  await openSection(page, 'Home');
  await page.getByRole('link', { name: 'Overview of my resources and permissions' }).click();
  await expect(page.getByRole('row', { name: /PHP version and handler management/ })).toContainText('On');
  await openSection(page, 'Subscriptions');
  await page.getByRole('link', { name: 'shop.example.com', exact: true }).click();
  await page.getByRole('button', { name: 'Synchronize' }).click();
  await expect(page.getByRole('status')).toContainText(/Synced|synchronized/);
  await expect(page.getByRole('dialog', { name: 'Synchronization failed' })).toHaveCount(0);
});

test('provider simulator: limits, oversell and taking a permission away', async ({ page, mockApi }) => {
  await openApp(page, '/tools');
  const provider = page.getByRole('region', { name: 'Hosting provider simulator' });
  const customers = provider.getByRole('textbox', { name: 'Customer accounts' });
  await expect(customers).toHaveValue('20');

  // A bad amount is refused at the field; nothing is sent.
  await customers.fill('-3');
  await provider.getByRole('button', { name: 'Apply provider changes' }).click();
  await expect(customers).toHaveAccessibleDescription(/whole number of 0 or more/);
  expect((await mockApi.request('GET', '/reseller')).body.limits.max_cl).toBe(20);

  // Exactly the customers there are: Add Customer is then refused with a clear error.
  await customers.fill('8');
  await provider.getByRole('checkbox', { name: 'Allow overselling' }).uncheck();
  await provider.getByRole('checkbox', { name: 'DNS zone management' }).uncheck();
  await provider.getByRole('checkbox', { name: 'Disk space: Unlimited' }).check();
  await provider.getByRole('button', { name: 'Apply provider changes' }).click();
  await expect(page.getByRole('status')).toContainText('Provider changes applied');
  const reseller = (await mockApi.request('GET', '/reseller')).body;
  expect(reseller.limits.max_cl).toBe(8);
  expect(reseller.limits.disk_space).toBe(-1);
  expect(reseller.oversell).toBe(false);
  expect(reseller.permissions.manage_dns).toBe(false);

  await openSection(page, 'Customers');
  await page.getByRole('button', { name: 'Add Customer' }).click();
  await page.getByLabel('Contact name').fill('One Too Many');
  await page.getByLabel('Username').fill('onetoomany');
  await page.getByLabel('Password').fill('long enough');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('alert')).toContainText(/limit of 8 customer accounts|8/);
  await expect(page.getByLabel('Contact name')).toHaveValue('One Too Many');
});

test('URL parameters: ?scenario=, ?latency=, ?failureRate= apply and leave the address bar; bad ones are reported', async ({ page, mockApi }) => {
  await openApp(page, '/customers', { scenario: 'empty' });
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole('link', { name: 'Alice Martin' })).toHaveCount(0);

  await page.goto('/tools?scenario=default&latency=250&failureRate=0.5');
  await expect(page).toHaveURL(/\/tools$/);
  await expect(page.getByLabel('Latency (ms)')).toHaveValue('250');
  await expect(page.getByLabel('Failure rate')).toHaveValue('0.5');
  expect(await mockApi.getSettings()).toEqual({ latencyMs: 250, failureRate: 0.5 });
  // Faults on: every screen says so, with a way out.
  await expect(page.getByText(/Simulated faults are on/)).toBeVisible();

  // Out of range or unknown: ignored, and the page says so instead of failing silently.
  await page.goto('/tools?failureRate=5&scenario=nope&latency=0x10&lang=xx');
  const notice = page.getByRole('alert').filter({ hasText: 'Ignored in the address' });
  await expect(notice).toContainText('failureRate=5');
  await expect(notice).toContainText('scenario=nope');
  // What the tools form refuses, the URL refuses too (one parser), and an unknown language is named.
  await expect(notice).toContainText('latency=0x10');
  await expect(notice).toContainText('lang=xx (en (English) or fr (French))');
  expect(await mockApi.getSettings()).toEqual({ latencyMs: 250, failureRate: 0.5 });
  await page.getByLabel('Latency (ms)').fill('0x10');
  await page.getByRole('button', { name: 'Apply settings' }).click();
  await expect(page.getByLabel('Latency (ms)')).toHaveAccessibleDescription(/Enter a whole number of milliseconds from 0 to 10,000/);
  expect(await mockApi.getSettings()).toEqual({ latencyMs: 250, failureRate: 0.5 });

  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Turn off simulated faults' }).click();
  await expect(page.getByRole('status')).toContainText('Simulated faults turned off');
  await expect(page.getByText(/Simulated faults are on/)).toHaveCount(0);
  expect(await mockApi.getSettings()).toEqual({ latencyMs: 0, failureRate: 0 });
  // A wrong method on a known path is a 405 naming the allowed ones.
  const wrong = await mockApi.request('DELETE', '/customers');
  expect(wrong.status).toBe(405);
  expect(wrong.headers['allow']).toBe('GET, POST, HEAD');
});

test('the tools page in French', async ({ page }) => {
  await openApp(page, '/tools', { lang: 'fr' });
  await expect(page.getByRole('heading', { level: 1, name: 'Outils de prototypage' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Réinitialiser les données' })).toBeVisible();
  await expect(page.getByLabel("Taux d'échec")).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: "Simulateur de fournisseur d'hébergement" })
      .getByRole('checkbox', { name: 'Gestion de la version et du gestionnaire PHP' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a state in one link: copied in one browser, loaded in another after confirming', async ({ page, mockApi, browser }) => {
  await openApp(page, '/tools');
  // A state no scenario has: a customer of this test's own.
  await mockApi.reset('sync-failure', { customers: [{ contactName: 'Linked Customer', login: 'linked', password: 'long enough' }] });
  const shared = await mockApi.exportState();
  await page.getByRole('button', { name: 'Copy link to this state' }).click();
  const field = page.getByRole('textbox', { name: 'Link to this state' });
  await expect(field).toHaveValue(/#state=/);
  const link = await field.inputValue();

  // Another browser profile: its own data, until the user says to load the link's.
  const other = await browser.newContext();
  try {
    const tab = await other.newPage();
    await tab.goto(link);
    const dialog = tab.getByRole('alertdialog', { name: 'Load the shared state?' });
    await expect(dialog).toContainText('This link holds 3 customers, 5 service plans and 3 subscriptions (scenario sync-failure)');
    await expect(tab).not.toHaveURL(/#state=/);
    await expectNoAxeViolations(tab);
    await dialog.getByRole('button', { name: 'Load the shared state' }).click();
    await expect(tab.getByRole('status')).toContainText('The shared state was loaded.');
    await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers', exact: true }).click();
    await expect(tab.getByRole('link', { name: 'Linked Customer' })).toBeVisible();
    const tabApi = new MockApi(tab);
    const loaded = await tabApi.exportState();
    expect(loaded.customers).toEqual(shared.customers);
    expect(loaded.subscriptions).toEqual(shared.subscriptions);

    // A damaged link changes nothing and says so.
    await tab.goto(`${new URL(link).origin}/#state=not-a-state`);
    await expect(tab.getByRole('alert').filter({ hasText: 'The state in this link could not be read' })).toBeVisible();
    // The alert can show before the mock API is up: MockApi waits for it.
    const after = await tabApi.exportState();
    expect(after.customers).toEqual(shared.customers);
  } finally {
    await other.close();
  }
});

test('scenario builder: a world built from a seed, and its link gives the same ids in another browser', async ({ page, mockApi, browser }) => {
  await openApp(page, '/tools');
  const builder = page.getByRole('region', { name: 'Scenario builder' });
  const inputs: [string, string][] = [
    ['Seed', '7'],
    ['Customers', '20'],
    ['Subscriptions', '120'],
    ['Service plans', '6'],
    ['Unsynced (%)', '10'],
    ['Locked (%)', '15'],
    ['Custom (%)', '5'],
    ['Suspended (%)', '5'],
    ['Overused (%)', '2.5'],
  ];
  let link = '';
  let firstRows: string[] = [];
  let ids: string[] = [];

  await test.step('a bad value is refused at its field', async () => {
    await builder.getByRole('textbox', { name: 'Subscriptions' }).fill('lots');
    await builder.getByRole('button', { name: 'Build' }).click();
    await expect(builder.getByRole('textbox', { name: 'Subscriptions' })).toHaveAccessibleDescription(/Enter a whole number from 0 to 50,000/);
  });

  await test.step('build with a seed: asked first, then announced with the counts', async () => {
    for (const [name, value] of inputs) await builder.getByRole('textbox', { name }).fill(value);
    await builder.getByRole('button', { name: 'Build' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Replace all data with the built world' });
    await expect(dialog).toContainText('seed 7: 20 customers, 6 service plans, 120 subscriptions');
    await dialog.getByRole('button', { name: 'Build' }).click();
    await expect(page.getByRole('status')).toContainText(
      'World built from seed 7: 20 customers, 6 service plans, 120 subscriptions; Synced 84, Unsynced 12, Locked 18, Custom 6, suspended 6, Overused 3.',
    );
    await expect(builder.getByRole('heading', { name: 'Built from seed 7' })).toBeVisible();
    await builder.getByRole('button', { name: 'Copy link to this build' }).click();
    const field = builder.getByRole('textbox', { name: 'Link to this build' });
    await expect(field).toHaveValue(/\/subscriptions\?build=7-20-120-6-0\.1-0\.15-0\.05-0\.05-0\.025$/);
    link = await field.inputValue();
    await expectNoAxeViolations(page);
    // The section with its result reflows at 320 px.
    await page.setViewportSize({ width: 320, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await test.step('the built world in the lists', async () => {
    await openSection(page, 'Subscriptions');
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(26); // the header and a page of 25
    firstRows = await rows.allTextContents();
    ids = (await mockApi.request('GET', '/subscriptions?pageSize=500')).body.items.map((s: { id: string; domain: string }) => `${s.id} ${s.domain}`);
    expect(ids).toHaveLength(120);
  });

  await test.step('the link in a fresh browser: the same world, the parameter leaves the address', async () => {
    const other = await browser.newContext();
    try {
      const tab = await other.newPage();
      await tab.goto(link);
      await expect(tab.getByRole('heading', { level: 1, name: 'Subscriptions' })).toBeVisible();
      await expect(tab).toHaveURL(/\/subscriptions$/);
      const rows = tab.getByRole('table').getByRole('row');
      await expect(rows).toHaveCount(26);
      await expect(rows).toHaveText(firstRows);
      const theirs = await tab.evaluate(async () =>
        (await (await fetch('/api/v1/subscriptions?pageSize=500')).json()).items.map((s: { id: string; domain: string }) => `${s.id} ${s.domain}`),
      );
      expect(theirs).toEqual(ids);

      // A bad build in the address changes nothing and is named.
      await tab.goto('/subscriptions?build=7-20-120-1-0.5-0-0-0-0');
      await expect(tab.getByRole('alert').filter({ hasText: 'Ignored in the address' })).toContainText('build=7-20-120-1-0.5-0-0-0-0');
      await expect(tab).toHaveURL(/\/subscriptions$/);
      await expect(rows).toHaveCount(26);
      await expect(rows).toHaveText(firstRows);
    } finally {
      await other.close();
    }
  });
});
