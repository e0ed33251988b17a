import { test, expect, openApp, expectNoAxeViolations } from './fixtures';

// The seed example (SPEC §4), in French: plan Premium grants "PHP version and handler
// management", which the reseller lacks, so shop.example.com cannot be synchronized until the
// hosting provider grants it.
test('seed example in French: Échec de la synchronisation, then Synchronisé once granted', async ({ page, mockApi }) => {
  await openApp(page, '/', { scenario: 'sync-failure', lang: 'fr' });
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Abonnements' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Abonnements' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('table', { name: 'Abonnements' }).getByRole('link', { name: 'shop.example.com', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'shop.example.com' })).toBeVisible();
  const summary = page.getByRole('region', { name: 'Résumé' });
  await expect(summary.getByRole('button', { name: 'Désynchronisé' })).toBeVisible();
  await expectNoAxeViolations(page);

  const synchronize = page.getByRole('button', { name: 'Synchroniser' });
  await synchronize.click();
  const dialog = page.getByRole('dialog', { name: 'Échec de la synchronisation' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('columnheader')).toHaveText(['Domaine', 'Ressource ou droit', 'Valeur du pack', 'Valeur disponible']);
  await expect(dialog.getByRole('row', { name: /Gestion de la version et du gestionnaire PHP/ })).toHaveCount(2);
  await expect(dialog.getByRole('link', { name: 'Aperçu de mes ressources et de leurs droits' })).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(synchronize).toBeFocused();
  await expect(summary.getByRole('button', { name: 'Désynchronisé' })).toBeVisible();

  // The hosting provider grants the permission.
  const granted = await mockApi.provider({ permissions: { manage_php_version: true } });
  expect(granted.status).toBe(200);

  await synchronize.click();
  await expect(page.getByRole('status')).toContainText('shop.example.com synchronisé');
  await expect(summary.getByRole('button', { name: 'Synchronisé' })).toBeVisible();
  await expect(dialog).toHaveCount(0);
});
