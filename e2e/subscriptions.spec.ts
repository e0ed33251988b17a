import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
import type { Page } from '@playwright/test';

const list = (page: Page) => page.getByRole('table', { name: 'Subscriptions' });
const status = (page: Page) => page.getByRole('status');

/** Opens a subscription's page from the list, by its domain. */
async function openSubscription(page: Page, domain: string, scenario: 'default' | 'sync-failure' = 'default') {
  await openApp(page, `/subscriptions?q=${encodeURIComponent(domain)}`, { scenario });
  await list(page).getByRole('link', { name: domain, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: domain })).toBeVisible();
}

test('list: search, filters, sort and page live in the URL', async ({ page }) => {
  await openApp(page, '/subscriptions');
  await expect(page.getByRole('heading', { level: 1, name: 'Subscriptions' })).toBeVisible();
  await expect(list(page).getByRole('link', { name: 'martin-bakery.fr', exact: true })).toBeVisible();
  // axe-core on this page as loaded: shell.spec.ts.

  // A state badge says why, on hover and on keyboard focus; Escape and leaving hide it.
  const badge = list(page).getByRole('button', { name: 'Synced' }).first();
  const tooltip = page.getByRole('tooltip');
  await badge.hover();
  await expect(tooltip).toHaveText('Its values match its plan.');
  await expect(badge).toHaveAccessibleDescription('Its values match its plan.');
  await page.mouse.move(0, 0);
  await expect(tooltip).toHaveCount(0);
  await badge.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(badge).toBeFocused();
  await expect(tooltip).toHaveText('Its values match its plan.');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(tooltip).toHaveCount(0);
  await expect(badge).toBeFocused();

  await page.getByLabel('Sync state', { exact: true }).selectOption('locked');
  await expect(page).toHaveURL(/sync=locked/);
  await expect(list(page).getByRole('link', { name: 'schneider-consulting.com' })).toBeVisible();
  await expect(list(page).getByRole('link', { name: 'martin-bakery.fr', exact: true })).toHaveCount(0);

  await page.getByLabel('Sync state', { exact: true }).selectOption('');
  await page.getByLabel('Status', { exact: true }).selectOption('suspended');
  await expect(page).toHaveURL(/status=suspended/);
  await expect(list(page).getByRole('link', { name: 'trattoria-rossi.it' })).toBeVisible();

  await page.getByLabel('Status', { exact: true }).selectOption('');
  await page.getByLabel('Search').fill('northwind');
  await expect(page).toHaveURL(/q=northwind/);
  await expect(list(page).getByRole('link', { name: 'northwind-hosting.com', exact: true })).toBeVisible();
  await expect(list(page).getByRole('link', { name: 'obrien-law.ie' })).toHaveCount(0);

  await page.getByRole('button', { name: /^Subscription/ }).click();
  await expect(page).toHaveURL(/order=desc/);
  await expect(page.getByRole('columnheader', { name: /^Subscription/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(list(page).getByRole('row').nth(1)).toContainText('status.northwind-hosting.com');

  await page.goto('/subscriptions?pageSize=10');
  await expect(page.getByText('Page 1 of 3')).toBeVisible();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText('Page 2 of 3')).toBeVisible();
  // A reload restores the same view from the URL.
  await page.reload();
  await expect(page.getByText('Page 2 of 3')).toBeVisible();
});

test('links that open a screen prepared: the plan page’s pre-filtered list, Add Subscription from a customer page', async ({ page }) => {
  await openApp(page, '/subscriptions?planId=plan-0003&sync=unsynced');
  await expect(page.getByLabel('Plan', { exact: true })).toHaveValue('plan-0003');
  await expect(page.getByLabel('Sync state', { exact: true })).toHaveValue('unsynced');
  const rows = list(page).getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  for (const row of await rows.all()) {
    if ((await row.getByRole('cell').count()) === 0) continue;
    await expect(row.getByRole('button', { name: 'Unsynced' })).toBeVisible();
  }

  // Add Subscription from a customer page preselects the customer and goes back there.
  await page.goto('/subscriptions/new?ownerId=cus-0002');
  await expect(page.getByLabel('Subscriber')).toHaveValue('cus-0002');
  await page.getByLabel('Domain name').fill('custom-site.example');
  await page.getByLabel('Service plan').selectOption({ label: 'None (custom subscription)' });
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page).toHaveURL(/\/customers\/cus-0002$/);
  await expect(status(page)).toContainText('Subscription custom-site.example created: Custom.');
});

test('bulk Synchronize reports each subscription’s result', async ({ page }) => {
  await openApp(page, '/subscriptions?q=example.com', { scenario: 'sync-failure' });
  await expect(list(page).getByRole('link', { name: 'shop.example.com' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select all subscriptions on this page' }).check();
  await expect(page.getByRole('checkbox', { name: 'Select shop.example.com' })).toBeChecked();
  await page.getByRole('group', { name: 'Actions on the selected subscriptions' }).getByRole('button', { name: 'Synchronize' }).click();
  await expect(status(page)).toContainText(/1 synchronized, 1 failed: shop\.example\.com/);
  const failures = page.getByRole('region', { name: 'Some subscriptions could not be changed' });
  await expect(failures.getByRole('link', { name: 'shop.example.com' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('bulk Change Plan, Change Subscriber, Suspend, Activate and Remove', async ({ page }) => {
  await openApp(page, '/subscriptions?q=martin-bakery.fr');
  const bulk = page.getByRole('group', { name: 'Actions on the selected subscriptions' });
  await expect(bulk.getByRole('button', { name: 'Suspend' })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Select martin-bakery.fr' }).check();
  await page.getByRole('checkbox', { name: 'Select shop.martin-bakery.fr' }).check();

  await bulk.getByRole('button', { name: 'Change Plan' }).click();
  const changePlan = page.getByRole('dialog', { name: 'Change Plan' });
  await expect(changePlan.getByLabel('Service plan')).toBeVisible();
  await expectNoAxeViolations(page);
  await changePlan.getByLabel('Service plan').selectOption({ label: 'Business' });
  await changePlan.getByRole('button', { name: 'OK' }).click();
  await expect(status(page)).toContainText('2 moved to the new plan');
  await expect(changePlan).toHaveCount(0);

  await page.getByRole('checkbox', { name: 'Select all subscriptions on this page' }).check();
  await bulk.getByRole('button', { name: 'Change Subscriber' }).click();
  const changeSubscriber = page.getByRole('dialog', { name: 'Change Subscriber' });
  await expect(changeSubscriber.getByLabel('Subscriber')).toBeVisible();
  await expectNoAxeViolations(page);
  await changeSubscriber.getByLabel('Subscriber').selectOption('cus-0002');
  await changeSubscriber.getByRole('button', { name: 'OK' }).click();
  await expect(status(page)).toContainText('moved to the new subscriber');

  await page.getByRole('checkbox', { name: 'Select all subscriptions on this page' }).check();
  await bulk.getByRole('button', { name: 'Suspend' }).click();
  await expect(status(page)).toContainText(/\d+ suspended/);
  await expect(list(page).getByText('Active')).toHaveCount(0);

  await page.getByRole('checkbox', { name: 'Select all subscriptions on this page' }).check();
  await bulk.getByRole('button', { name: 'Activate' }).click();
  await expect(status(page)).toContainText(/\d+ activated/);

  await page.getByRole('checkbox', { name: 'Select martin-bakery.fr' }).check();
  await page.getByRole('checkbox', { name: 'Select shop.martin-bakery.fr' }).check();
  await bulk.getByRole('button', { name: 'Remove' }).click();
  const remove = page.getByRole('alertdialog', { name: 'Remove subscriptions' });
  await expect(remove).toContainText('Remove 2 subscriptions? All their websites are removed too (3 in all).');
  await expectNoAxeViolations(page);
  await remove.getByRole('button', { name: 'Remove' }).click();
  await expect(status(page)).toContainText('2 removed');
  await expect(list(page).getByRole('link', { name: 'martin-bakery.fr', exact: true })).toHaveCount(0);
});

test('Add Subscription: field errors, a taken domain, then the new subscription’s page', async ({ page }) => {
  await openApp(page, '/subscriptions');
  await page.getByRole('button', { name: 'Add Subscription' }).click();
  await expect(page).toHaveURL(/\/subscriptions\/new$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Add Subscription' })).toBeVisible();
  await expect(page.getByLabel('Service plan')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Domain name').fill('not a domain');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('Enter a valid domain name, such as example.com.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Domain name').fill('martin-bakery.fr');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('The domain martin-bakery.fr already has a subscription.')).toBeVisible();
  await expect(page.getByLabel('Domain name')).toHaveValue('martin-bakery.fr');

  await page.getByLabel('Domain name').fill('fresh-start.example');
  await page.getByLabel('Subscriber').selectOption('cus-0001');
  await page.getByLabel('Service plan').selectOption({ label: 'Starter' });
  await page.getByRole('group', { name: 'Add-on plans' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'fresh-start.example' })).toBeVisible();
  await expect(status(page)).toContainText('Subscription fresh-start.example created');
});

test('subscription page: values beside the plan, Customize warns that it locks', async ({ page }) => {
  await openSubscription(page, 'obrien-law.ie');
  await expect(page.getByRole('region', { name: 'Summary' }).getByRole('button', { name: 'Synced' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Resources' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unlock and Sync' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Activate' })).toBeDisabled();
  await expect(page.getByText('The subscription is already active.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Customize' }).click();
  const form = page.getByRole('region', { name: 'Customize obrien-law.ie' });
  await expect(form.getByRole('group', { name: 'PHP settings' })).toBeVisible();
  await expectNoAxeViolations(page);
  await form.getByLabel('Mailboxes', { exact: true }).fill('3');
  await form.getByRole('checkbox', { name: 'Databases: Unlimited' }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Lock the subscription?' });
  await expect(confirm).toContainText('Saving these values locks obrien-law.ie');
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Save and lock' }).click();
  // Unlimited databases is more than the reseller's own 500: refused at the field, nothing lost.
  const databases = form.getByLabel('Databases', { exact: true });
  await expect(databases).toHaveAccessibleDescription('This is more than you can provide: at most 500 is available.');
  await expect(form.getByRole('checkbox', { name: 'Databases: Unlimited' })).toBeFocused();
  await expect(form.getByLabel('Mailboxes', { exact: true })).toHaveValue('3');
  await expect(page.getByRole('region', { name: 'Summary' }).getByRole('button', { name: 'Synced' })).toBeVisible();
  await expectNoAxeViolations(page);
  await form.getByRole('checkbox', { name: 'Databases: Unlimited' }).uncheck();
  await databases.fill('12');
  await form.getByRole('button', { name: 'Save' }).click();
  await confirm.getByRole('button', { name: 'Save and lock' }).click();
  await expect(status(page)).toContainText('obrien-law.ie customized: it is now Locked.');
  await expect(page.getByRole('region', { name: 'Summary' }).getByRole('button', { name: 'Locked' })).toBeVisible();
  const mailboxes = page.getByRole('table', { name: 'Resources' }).getByRole('row', { name: /^Mailboxes/ });
  await expect(mailboxes).toContainText('Customized');
  await expect(page.getByRole('button', { name: 'Synchronize' })).toBeDisabled();
  await expect(page.getByText('A locked subscription ignores its plan: use Unlock and Sync.')).toBeVisible();

  await page.getByRole('button', { name: 'Unlock and Sync' }).click();
  await expect(status(page)).toContainText('obrien-law.ie synchronized');
  await expect(page.getByRole('region', { name: 'Summary' }).getByRole('button', { name: 'Synced' })).toBeVisible();

  await page.goto('/subscriptions?sync=locked&q=obrien');
  await expect(page.getByText('No subscriptions match these filters.')).toBeVisible();
});

test('Synchronization failed dialog: grid, ways out, Escape and Cancel change nothing, OK leaves it Unsynced', async ({ page }) => {
  await openSubscription(page, 'shop.example.com', 'sync-failure');
  const sync = page.getByRole('button', { name: 'Synchronize' });
  await sync.click();
  const dialog = page.getByRole('dialog', { name: 'Synchronization failed' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('columnheader')).toHaveText(['Domain', 'Resource or permission', 'Plan value', 'Available value']);
  await expect(dialog.getByRole('row', { name: /shop\.example\.com PHP version and handler management On Off/ }).first()).toBeVisible();
  await expect(dialog.getByRole('row')).toHaveCount(3);
  await expect(dialog.getByRole('link', { name: 'Remove these items from the plan' })).toHaveAttribute('href', '/service-plans/plan-0003');
  await expect(dialog.getByRole('link', { name: 'Overview of my resources and permissions' })).toHaveAttribute('href', '/resources');
  await expectNoAxeViolations(page);

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(sync).toBeFocused();

  await sync.click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(status(page)).toContainText('nothing changed');

  await sync.click();
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(status(page)).toContainText('Available values applied to shop.example.com: it stays Unsynced');
  await expect(page.getByRole('region', { name: 'Summary' }).getByRole('button', { name: 'Unsynced' })).toBeVisible();

  // The dialog's way out: the overview of what the reseller has.
  await sync.click();
  await dialog.getByRole('link', { name: 'Overview of my resources and permissions' }).click();
  await expect(page).toHaveURL(/\/resources$/);
  await expect(dialog).toHaveCount(0);
});

test('subscription page: Suspend, Activate, Change Plan to Custom and Remove naming its websites', async ({ page }) => {
  await openSubscription(page, 'pacific-imports.co.uk');
  await page.getByRole('button', { name: 'Suspend' }).click();
  await expect(status(page)).toContainText('Subscription pacific-imports.co.uk suspended.');
  await expect(page.getByRole('button', { name: 'Suspend' })).toBeDisabled();
  // It no longer applies (aria-disabled, with its reason) and keeps the focus: never dropped.
  await expect(page.getByRole('button', { name: 'Suspend' })).toBeFocused();
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(status(page)).toContainText('Subscription pacific-imports.co.uk activated.');

  await page.getByRole('button', { name: 'Change Plan' }).click();
  const changePlan = page.getByRole('dialog', { name: 'Change Plan' });
  await changePlan.getByLabel('Service plan').selectOption({ label: 'None (custom subscription)' });
  await changePlan.getByRole('button', { name: 'OK' }).click();
  await expect(status(page)).toContainText('now Custom');
  await expect(page.getByRole('region', { name: 'Summary' }).getByRole('button', { name: 'Custom' })).toBeVisible();

  await page.getByRole('button', { name: 'Remove' }).click();
  const remove = page.getByRole('alertdialog', { name: 'Remove subscription' });
  await expect(remove).toContainText('Its 3 websites are removed too');
  await expectNoAxeViolations(page);
  await remove.getByRole('button', { name: 'Remove' }).click();
  await expect(page).toHaveURL(/\/subscriptions$/);
  await expect(status(page)).toContainText('Subscription pacific-imports.co.uk removed with its websites.');
});
