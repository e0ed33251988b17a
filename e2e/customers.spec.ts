import { test, expect, openApp, expectNoAxeViolations } from './fixtures';

test('customers list: search, filter, sort and paging live in the URL', async ({ page }) => {
  await openApp(page, '/customers');
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Customers' });
  await expect(table.getByRole('link', { name: 'Alice Martin' })).toBeVisible();
  // axe-core on this page as loaded: shell.spec.ts.

  await page.getByRole('searchbox', { name: 'Search' }).fill('schneider');
  await expect(table.getByRole('link')).toHaveText(['Bernd Schneider']);
  await expect(page).toHaveURL(/q=schneider/);

  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.getByLabel('Status', { exact: true }).selectOption('suspended');
  await expect(table.getByRole('link')).toHaveText(['Hiroshi Tanaka']);
  await expect(page).toHaveURL(/status=suspended/);

  await page.getByLabel('Status', { exact: true }).selectOption('');
  await page.getByRole('button', { name: /^Contact name/ }).click();
  await expect(page).toHaveURL(/order=desc/);
  await expect(table.getByRole('link').first()).toHaveText('Hiroshi Tanaka');

  // The URL restores the list, as a bookmark would.
  await page.goto('/customers?pageSize=3&page=2');
  await expect(table.getByRole('link')).toHaveText(['David Chen', 'Emma Johansson', 'Farid Haddad']);
});

test('create a customer, edit it, suspend and activate it, remove it', async ({ page }) => {
  // A whole journey with five axe scans: on a shared machine it can pass the default 30 s.
  test.slow();
  await openApp(page, '/customers');
  await page.getByRole('button', { name: 'Add Customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add Customer' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Field errors show next to their fields, and what was typed stays.
  await page.getByLabel('Username').fill('Not Valid');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByLabel('Contact name')).toHaveAccessibleDescription('This field is required.');
  await expect(page.getByLabel('Contact name')).toBeFocused();
  await expect(page.getByLabel('Username')).toHaveValue('Not Valid');
  await expectNoAxeViolations(page);

  // A duplicate username is refused at the field.
  await page.getByLabel('Contact name').fill('Ines Moreau');
  await page.getByLabel('Company name').fill('Moreau <b>Studio</b>');
  await page.getByLabel('Email').fill('ines@moreau.example');
  await page.getByLabel('Username').fill('amartin');
  await page.getByLabel('Password').fill('a good password');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByLabel('Username')).toHaveAccessibleDescription(/already in use/);
  await expect(page.getByRole('alert')).toContainText('The customer was not created');

  await page.getByLabel('Username').fill('imoreau');
  await page.getByLabel('Country').selectOption('FR');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ines Moreau' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Customer Ines Moreau created.');
  await expect(page.getByText('Moreau <b>Studio</b>')).toBeVisible();
  await expect(page.getByText('This customer has no subscriptions yet.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Edit
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByLabel('Contact name')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('City').fill('Nantes');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Customer Ines Moreau saved.');
  await expect(page.getByText('Nantes')).toBeVisible();

  // Suspend / Activate
  await page.getByRole('button', { name: 'Suspend' }).click();
  await expect(page.getByRole('status')).toContainText('Customer Ines Moreau suspended.');
  await expect(page.getByRole('button', { name: 'Suspend' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Suspend' })).toHaveAccessibleDescription('The customer is already suspended.');
  // It no longer applies, says why, and keeps the focus (aria-disabled, never dropped to the page).
  await expect(page.getByRole('button', { name: 'Suspend' })).toBeFocused();
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByRole('status')).toContainText('Customer Ines Moreau activated.');
  await expect(page.getByRole('button', { name: 'Activate' })).toBeDisabled();

  // Remove
  await page.getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove customer Ines Moreau' });
  await expect(dialog).toContainText('It has no subscriptions.');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole('status')).toContainText('Customer Ines Moreau removed');
  await expect(page.getByRole('link', { name: 'Alice Martin' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ines Moreau' })).toHaveCount(0);
});

test('a customer page lists its subscriptions; removing it counts subscriptions and websites', async ({ page }) => {
  await openApp(page, '/customers');
  await page.getByRole('link', { name: 'Alice Martin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alice Martin' })).toBeVisible();
  const subscriptions = page.getByRole('table', { name: 'Subscriptions of Alice Martin' });
  await expect(subscriptions.getByRole('link', { name: 'shop.martin-bakery.fr' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove customer Alice Martin' });
  await expect(dialog).toContainText('all 3 subscriptions and their 4 websites');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Remove' })).toBeFocused();

  await page.getByRole('button', { name: 'Add Subscription' }).click();
  await expect(page).toHaveURL(/\/subscriptions\/new\?ownerId=cus-0001$/);
});

test('bulk suspend and activate from the list, results announced per customer', async ({ page }) => {
  await openApp(page, '/customers');
  await page.getByRole('checkbox', { name: 'Select Carla Rossi' }).check();
  await page.getByRole('checkbox', { name: 'Select David Chen' }).check();
  await expect(page.getByText('2 customers selected')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Suspend' }).click();
  await expect(page.getByRole('status')).toContainText('Suspended: Carla Rossi, David Chen.');
  await page.getByRole('checkbox', { name: 'Select Carla Rossi' }).check();
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByRole('status')).toContainText('Activated: Carla Rossi.');
  await page.getByLabel('Status', { exact: true }).selectOption('suspended');
  await expect(page.getByRole('table', { name: 'Customers' }).getByRole('link')).toHaveText(['David Chen', 'Hiroshi Tanaka']);
});

test('an empty panel says there are no customers yet', async ({ page }) => {
  await openApp(page, '/customers', { scenario: 'empty' });
  await expect(page.getByText('No customers yet.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the customer form in French', async ({ page }) => {
  await openApp(page, '/customers', { lang: 'fr' });
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Rechercher' })).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter un client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ajouter un client' })).toBeVisible();
  for (const label of ['Nom du contact', 'Nom de la société', 'E-mail', "Nom d'utilisateur", 'Mot de passe']) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Annuler' })).toBeVisible();
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByLabel('Nom du contact', { exact: true })).toHaveAccessibleDescription('Ce champ est obligatoire.');
  await expectNoAxeViolations(page);

  await page.getByLabel('Nom du contact', { exact: true }).fill('Léa Fontaine');
  await page.getByLabel("Nom d'utilisateur", { exact: true }).fill('lfontaine');
  await page.getByLabel('Mot de passe', { exact: true }).fill('motdepasse');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Léa Fontaine' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Client Léa Fontaine créé.');
  await page.getByRole('button', { name: 'Modifier' }).click();
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toBeVisible();
  await expectNoAxeViolations(page);
});
