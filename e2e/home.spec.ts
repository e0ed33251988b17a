import { test, expect, openApp, expectNoAxeViolations } from './fixtures';

test('Home: subscriptions and customers against their limits, what needs attention, the way to my resources, which follow the provider', async ({
  page,
  mockApi,
}) => {
  await openApp(page, '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  const subscriptions = page.getByRole('region', { name: 'Subscriptions' });
  await expect(subscriptions.getByText('25 used of 40')).toBeVisible();
  await expect(subscriptions.getByRole('meter', { name: 'Subscriptions used' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Customer accounts' }).getByText('8 used of 20')).toBeVisible();
  const attention = page.getByRole('region', { name: 'Need attention' });
  await expect(attention.getByRole('link', { name: /unsynced subscriptions/ })).toHaveAttribute('href', '/subscriptions?sync=unsynced');
  await expect(page.getByRole('region', { name: 'Service plans' }).getByRole('link', { name: 'Business' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Overview of my resources and permissions' }).click();
  await expect(page).toHaveURL(/\/resources$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview of my resources and permissions' })).toBeVisible();
  const resources = page.getByRole('table', { name: 'Resources' });
  await expect(resources.getByRole('row', { name: /^Disk space/ })).toContainText('500 GB');
  await expect(resources.getByRole('meter', { name: 'Disk space used' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Permissions' }).getByRole('row', { name: 'Hosting performance settings management Off' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'IP addresses' }).getByRole('row', { name: '203.0.113.20 Dedicated' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The overview follows the provider: a granted permission reads On.
  await mockApi.provider({ permissions: { manage_performance: true } });
  await page.reload();
  await expect(page.getByRole('table', { name: 'Permissions' }).getByRole('row', { name: 'Hosting performance settings management On' })).toBeVisible();
});

test('Home and the resources overview in French', async ({ page }) => {
  await openApp(page, '/', { lang: 'fr' });
  await expect(page.getByRole('heading', { level: 1, name: 'Accueil' })).toBeVisible();
  await expect(page.getByText('25 utilisés sur 40')).toBeVisible();
  await expect(page.getByRole('link', { name: /abonnements désynchronisés/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Aperçu de mes ressources et de leurs droits' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aperçu de mes ressources et de leurs droits' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Ressources' }).getByRole('row', { name: /^Espace disque/ })).toContainText('500 Go');
  await expect(page.getByRole('table', { name: 'Droits' }).getByRole('row', { name: 'Gestion de la zone DNS Activé' })).toBeVisible();
  await expectNoAxeViolations(page);
});
