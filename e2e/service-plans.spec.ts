import { test, expect, openApp, expectNoAxeViolations } from './fixtures';

interface Sub {
  domain: string;
  planId: string | null;
  locked: boolean;
  syncState: string;
  values: { resources: Record<string, number> };
}

const STARTER = 'plan-0001';
const BUSINESS = 'plan-0002';

test('Service Plans: tabs in the URL, counts, Add Plan and the unsynced link', async ({ page }) => {
  await openApp(page, '/service-plans');
  await expect(page.getByRole('heading', { level: 1, name: 'Service Plans' })).toBeVisible();
  const hosting = page.getByRole('table', { name: 'Hosting Plans' });
  await expect(hosting.getByRole('link', { name: 'Premium' })).toBeVisible();
  await expect(hosting.getByRole('row', { name: /Premium/ }).getByRole('link', { name: '4 unsynced subscriptions' })).toHaveAttribute(
    'href',
    '/subscriptions?planId=plan-0003&sync=unsynced',
  );
  // axe-core on this page as loaded: shell.spec.ts.

  await page.getByRole('tab', { name: 'Add-on Plans' }).click();
  await expect(page).toHaveURL(/\?kind=addon$/);
  await expect(page.getByRole('table', { name: 'Add-on Plans' }).getByRole('link', { name: 'Developer Pack' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Add Plan' }).click();
  await expect(page).toHaveURL(/\/service-plans\/new\?kind=addon$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Add Plan' })).toBeVisible();
  await expect(page.getByLabel('Plan type')).toHaveValue('addon');
  await page.getByLabel('Plan name').fill('Developer Pack');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('alert')).toContainText('already exists');
  await expect(page.getByLabel('Plan name')).toHaveValue('Developer Pack');
  await expectNoAxeViolations(page);
  await page.getByLabel('Plan name').fill('Mail Pack');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mail Pack' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Plan "Mail Pack" created.');
});

test('Service Plans: a plan in use cannot be removed; an unused clone can', async ({ page }) => {
  await openApp(page, '/service-plans');
  const table = page.getByRole('table', { name: 'Hosting Plans' });
  await table
    .getByRole('row', { name: /Starter/ })
    .getByRole('button', { name: 'Remove' })
    .click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove service plan' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(dialog.getByRole('alert')).toContainText('used by 10 subscriptions');
  // The button kept the focus while the request ran (pending, not disabled): Escape still works.
  await expect(dialog.getByRole('button', { name: 'Remove' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await table
    .getByRole('row', { name: /Starter/ })
    .getByRole('button', { name: 'Clone' })
    .click();
  await expect(page.getByRole('status')).toContainText('Plan "Starter" cloned as "Copy of Starter".');
  await table
    .getByRole('row', { name: /Copy of Starter/ })
    .getByRole('button', { name: 'Remove' })
    .click();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('status')).toContainText('Plan "Copy of Starter" removed.');
  await expect(table.getByRole('link', { name: 'Copy of Starter' })).toHaveCount(0);
});

test('Update & Sync: unlocked subscriptions follow the plan, locked ones stay as they are', async ({ page, mockApi }) => {
  await openApp(page, '/service-plans');
  await page.getByRole('table', { name: 'Hosting Plans' }).getByRole('link', { name: 'Business' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Business' })).toBeVisible();
  await expect(page.getByText('6 unlocked subscriptions will follow it')).toBeVisible();
  await expect(page.getByText('2 locked subscriptions will be skipped')).toBeVisible();
  await expectNoAxeViolations(page);
  for (const tab of ['Permissions', 'Hosting parameters', 'PHP settings']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expectNoAxeViolations(page);
  }
  await page.getByRole('tab', { name: 'Resources' }).click();

  await page.getByLabel('Mailboxes', { exact: true }).fill('60');
  await page.getByLabel('Disk space', { exact: true }).fill('30');
  await page.getByRole('button', { name: 'Update & Sync' }).click();
  await expect(page.getByRole('status')).toContainText('Plan updated: 6 subscriptions synced, 0 left unsynced, 2 skipped because locked');

  const { body } = await mockApi.request<{ items: Sub[] }>('GET', `/subscriptions?planId=${BUSINESS}&pageSize=100`);
  const onPlan = body.items.filter((s) => s.planId === BUSINESS);
  const unlocked = onPlan.filter((s) => !s.locked);
  expect(unlocked).toHaveLength(6);
  for (const s of unlocked) {
    expect(s.values.resources.max_box).toBe(60);
    expect(s.syncState).toBe('synced');
  }
  const locked = Object.fromEntries(onPlan.filter((s) => s.locked).map((s) => [s.domain, s.values.resources.max_box]));
  expect(locked).toEqual({ 'schneider-consulting.com': 80, 'northwind-status.net': 50 });

  // The form shows the saved plan; a reload shows the same.
  await page.reload();
  await expect(page.getByLabel('Mailboxes', { exact: true })).toHaveValue('60');
  await expect(page.getByLabel('Disk space', { exact: true })).toHaveValue('30');
});

test('a plan granting what the reseller lacks is marked before saving and leaves its subscriptions Unsynced', async ({ page, mockApi }) => {
  await openApp(page, `/service-plans/${STARTER}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Starter' })).toBeVisible();
  await expect(page.getByText(/will end Unsynced/)).toHaveCount(0);

  await page.getByRole('tab', { name: 'Permissions' }).click();
  const performance = page.getByRole('checkbox', { name: 'Hosting performance settings management' });
  await performance.check();
  await expect(performance).toHaveAccessibleDescription(/Not available to you/);
  await expect(page.getByText('Not available to you: Hosting performance settings management.')).toBeVisible();
  await expect(page.getByText('8 subscriptions will end Unsynced:')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Update & Sync' }).click();
  await expect(page.getByRole('status')).toContainText('Plan updated: 0 subscriptions synced, 8 left unsynced, 2 skipped because locked');
  const { body } = await mockApi.request<{ items: Sub[] }>('GET', `/subscriptions?planId=${STARTER}&sync=unsynced&pageSize=100`);
  expect(body.items).toHaveLength(8);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Show the 8 subscriptions left unsynced' }).click();
  await expect(page).toHaveURL(new RegExp(`/subscriptions\\?planId=${STARTER}&sync=unsynced$`));
});

test('the seed example: Premium offers what the reseller lacks, shown as soon as the plan opens', async ({ page }) => {
  await openApp(page, '/service-plans/plan-0003', { scenario: 'sync-failure' });
  await expect(page.getByText('Not available to you: PHP version and handler management.')).toBeVisible();
  await expect(page.getByText('1 subscription will end Unsynced:')).toBeVisible();
  await expect(page.getByRole('link', { name: 'shop.example.com' })).toBeVisible();
  await page.getByRole('tab', { name: 'Permissions' }).click();
  await expect(page.getByRole('checkbox', { name: 'PHP version and handler management' })).toHaveAccessibleDescription(/Not available to you/);
});

test('an invalid value shows at its field and nothing is saved', async ({ page, mockApi }) => {
  await openApp(page, `/service-plans/${BUSINESS}`);
  await page.getByRole('tab', { name: 'PHP settings' }).click();
  await page.getByLabel('memory_limit').fill('lots');
  await page.getByRole('tab', { name: 'Resources' }).click();
  await page.getByRole('button', { name: 'Update & Sync' }).click();
  await expect(page.getByRole('tab', { name: 'PHP settings' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('memory_limit')).toHaveValue('lots');
  await expect(page.getByLabel('memory_limit')).toHaveAccessibleDescription(/for example 128M/);
  await expect(page.getByLabel('memory_limit')).toBeFocused();
  await expectNoAxeViolations(page);
  const { body } = await mockApi.request<{ values: { php: { memory_limit: string } } }>('GET', `/service-plans/${BUSINESS}`);
  expect(body.values.php.memory_limit).toBe('256M');
});

test('plan page in French: catalogue labels, units, marks and the save button', async ({ page }) => {
  await openApp(page, `/service-plans/${STARTER}`, { lang: 'fr' });
  await expect(page.getByLabel('Espace disque', { exact: true })).toHaveValue('5');
  await expect(page.getByRole('combobox', { name: 'Unité : Espace disque' })).toHaveValue('GB');
  await page.getByLabel('Espace disque', { exact: true }).fill('600');
  await expect(page.getByLabel('Espace disque', { exact: true })).toHaveAccessibleDescription(/Non disponible pour vous/);
  await expect(page.getByText('8 abonnements finiront Désynchronisés :')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mettre à jour et synchroniser' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an add-on plan has resources and permissions only', async ({ page }) => {
  await openApp(page, '/service-plans?kind=addon');
  await page.getByRole('table', { name: 'Add-on Plans' }).getByRole('link', { name: 'Extra Storage' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Extra Storage' })).toBeVisible();
  await expect(page.getByRole('tab')).toHaveText(['Resources', 'Permissions']);
  await expect(page.getByLabel('Disk space', { exact: true })).toHaveValue('20');
  await expect(page.getByText('2 unlocked subscriptions will follow it')).toBeVisible();
  await expectNoAxeViolations(page);
});
