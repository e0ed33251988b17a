/**
 * The panel's world moves (issue 12): websites up to their limits, overuse after a plan edit,
 * expiration by the mock clock, suspension reasons, and the overview by oversell policy.
 */
import { test, expect, openApp, openSection, expectNoAxeViolations } from './fixtures';
import type { Page } from '@playwright/test';

const status = (page: Page) => page.getByRole('status');
const list = (page: Page) => page.getByRole('table', { name: 'Subscriptions' });

/** From the Subscriptions list (already open), a subscription's page by its domain. */
async function openFromList(page: Page, domain: string) {
  await openSection(page, 'Subscriptions');
  await page.getByLabel('Search').fill(domain);
  await list(page).getByRole('link', { name: domain, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: domain })).toBeVisible();
}

test('websites up to the limit, overuse after a plan edit, expiry by the clock, customer suspension, the overview', async ({ page, mockApi }) => {
  await openApp(page, '/');

  await test.step('add a domain, a subdomain and an alias up to the limit, then see the refusal', async () => {
    // martin-bakery.fr (Starter) gets small limits of its own: 2 domains, 1 subdomain, 1 alias.
    const { status: customized } = await mockApi.request('PUT', '/subscriptions/sub-00001/values', {
      resources: { max_site: 2, max_subdom: 1, max_dom_aliases: 1 },
    });
    expect(customized).toBe(200);
    await openFromList(page, 'martin-bakery.fr');
    const region = page.getByRole('region', { name: 'Websites & Domains' });
    await expect(page.getByRole('region', { name: 'Resource usage' }).getByRole('meter', { name: 'Domains used', exact: true })).toHaveAttribute(
      'aria-valuetext',
      '1 used of 2',
    );

    const add = async (button: string, label: string, name: string) => {
      await region.getByRole('button', { name: button }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(label).fill(name);
      await dialog.getByRole('button', { name: 'OK' }).click();
      return dialog;
    };
    await add('Add Domain', 'Domain name', 'martin-patisserie.fr');
    await expect(status(page)).toContainText('Domain martin-patisserie.fr added.');
    let dialog = await add('Add Domain', 'Domain name', 'third-bakery.fr');
    await expect(dialog.getByLabel('Domain name')).toHaveAccessibleDescription(/reached its limit of 2 domains/);
    await expect(dialog.getByLabel('Domain name')).toHaveValue('third-bakery.fr');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await add('Add Subdomain', 'Subdomain name', 'blog.martin-patisserie.fr');
    await expect(status(page)).toContainText('Subdomain blog.martin-patisserie.fr added.');
    dialog = await add('Add Subdomain', 'Subdomain name', 'news.martin-bakery.fr');
    await expect(dialog.getByLabel('Subdomain name')).toHaveAccessibleDescription(/reached its limit of 1 subdomains/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await add('Add Alias', 'Alias name', 'martin-bakery.com');
    await expect(status(page)).toContainText('Domain alias martin-bakery.com added.');
    dialog = await add('Add Alias', 'Alias name', 'boulangerie-martin.fr');
    await expect(dialog.getByLabel('Alias name')).toHaveAccessibleDescription(/reached its limit of 1 domain aliases/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await expect(region.getByRole('row', { name: /^blog\.martin-patisserie\.fr Subdomain of martin-patisserie\.fr/ })).toBeVisible();
    await expectNoAxeViolations(page);

    // Removing a domain says what goes with it.
    await region.getByRole('button', { name: 'Actions for martin-patisserie.fr' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('menu').getByRole('menuitem', { name: 'Remove martin-patisserie.fr' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove domain martin-patisserie.fr' });
    await expect(confirm).toContainText('subdomain blog.martin-patisserie.fr');
    await expectNoAxeViolations(page);
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expect(status(page)).toContainText('martin-patisserie.fr removed.');
    await expect(region.getByRole('row', { name: /^blog\.martin-patisserie\.fr/ })).toHaveCount(0);
  });

  await test.step('a plan edit that lowers disk space below usage makes subscriptions Overused, per their policy', async () => {
    await openSection(page, 'Service Plans');
    await page.getByRole('table', { name: 'Hosting Plans' }).getByRole('link', { name: 'Starter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Starter' })).toBeVisible();
    await page.getByLabel('Disk space', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Update & Sync' }).click();
    await expect(status(page)).toContainText('became Overused');
    const report = page.getByRole('region', { name: 'Last update' });
    await report.getByRole('link', { name: 'obrien-law.ie' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'obrien-law.ie' })).toBeVisible();
    const summary = page.getByRole('region', { name: 'Summary' });
    // Starter's policy suspends when disk space reaches the limit.
    await expect(summary.getByText('Overuse', { exact: true }).first()).toBeVisible();
    await expect(summary.getByText('Overused', { exact: true }).first()).toBeVisible();
    await expect(summary).toContainText('Overuse is allowed, suspend when disk space or traffic reaches the limit');
    await expectNoAxeViolations(page);
  });

  await test.step('advance the clock past an expiry: suspended as Expired; a later expiration makes it active', async () => {
    await page.getByRole('link', { name: 'Prototype tools' }).first().click();
    const clock = page.getByRole('region', { name: 'Advance time' });
    await expect(clock).toContainText('Jan 1, 2026');
    await clock.getByRole('button', { name: '+1 month' }).click();
    await expect(status(page)).toContainText("The panel's clock now reads Feb 1, 2026.");
    await expectNoAxeViolations(page);

    await openFromList(page, 'portfolio.nordicdesign.se');
    const summary = page.getByRole('region', { name: 'Summary' });
    await expect(summary.getByText('Expired', { exact: true }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Customize' }).click();
    const form = page.getByRole('region', { name: 'Customize portfolio.nordicdesign.se' });
    await form.getByLabel('Expiration date', { exact: true }).fill('2026-12-31');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alertdialog', { name: 'Lock the subscription?' }).getByRole('button', { name: 'Save and lock' }).click();
    await expect(summary.getByText('Expired', { exact: true })).toHaveCount(0);
    await expect(summary.getByText('Active', { exact: true }).first()).toBeVisible();
  });

  await test.step('suspend a customer: its subscriptions are suspended with the reason', async () => {
    await openSection(page, 'Customers');
    await page.getByRole('link', { name: 'Alice Martin' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Alice Martin' })).toBeVisible();
    await page.getByRole('button', { name: 'Suspend' }).click();
    await expect(status(page)).toContainText('Customer Alice Martin suspended. Its 3 subscriptions are suspended with it (Customer suspended).');
    const subscriptions = page.getByRole('table', { name: /Subscriptions of Alice Martin/ });
    await expect(subscriptions.getByRole('row', { name: /^martin-bakery\.fr/ })).toContainText('Customer suspended');
    await expect(subscriptions.getByRole('row', { name: /^bakery-events\.fr/ })).toContainText('Suspended by you');
    await expectNoAxeViolations(page);
  });

  await test.step('the overview under oversell on, then off', async () => {
    await openSection(page, 'Home');
    await page.getByRole('link', { name: 'Overview of my resources and permissions' }).click();
    const resources = page.getByRole('table', { name: 'Resources' });
    const domains = resources.getByRole('row', { name: /^Domains/ });
    // Overselling on: remaining = limit − what exists.
    await expect(domains.getByRole('cell').nth(0)).toHaveText('250');
    const used = Number(await domains.getByRole('cell').nth(2).textContent());
    await expect(domains.getByRole('cell').nth(3)).toHaveText(String(250 - used));
    await expectNoAxeViolations(page);

    // The hosting provider takes overselling away (the provider simulator of the tools).
    await page.getByRole('link', { name: 'Prototype tools' }).first().click();
    const provider = page.getByRole('region', { name: 'Hosting provider simulator' });
    await provider.getByRole('checkbox', { name: 'Allow overselling' }).uncheck();
    await provider.getByRole('button', { name: 'Apply provider changes' }).click();
    await expect(status(page)).toContainText('Provider changes applied to your allocation.');
    await openSection(page, 'Home');
    await page.getByRole('link', { name: 'Overview of my resources and permissions' }).click();
    await expect(page.getByRole('region', { name: 'Allow overselling' })).toContainText('Overselling is not allowed');
    const allocated = Number(await domains.getByRole('cell').nth(1).textContent());
    await expect(domains.getByRole('cell').nth(3)).toHaveText(String(Math.max(0, 250 - allocated)));
  });
});

test('en français : sites Web et domaines, motifs de suspension, horloge simulée', async ({ page }) => {
  await openApp(page, '/', { lang: 'fr' });
  await openSection(page, 'Abonnements');
  await page.getByLabel('Rechercher').fill('tanaka');
  const table = page.getByRole('table', { name: 'Abonnements' });
  await expect(table.getByRole('row', { name: /tanaka-studio\.jp/ })).toContainText('Client suspendu');
  await table.getByRole('link', { name: 'tanaka-studio.jp', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'tanaka-studio.jp' })).toBeVisible();

  const region = page.getByRole('region', { name: 'Sites Web et domaines' });
  await region.getByRole('button', { name: 'Ajouter un domaine' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Nom de domaine').fill('tanaka-design.jp');
  await dialog.getByRole('button', { name: 'OK' }).click();
  // Business allows 5 domains: this one is accepted.
  await expect(page.getByRole('status')).toContainText('Domaine tanaka-design.jp ajouté.');
  await expect(region.getByRole('row', { name: /^tanaka-design\.jp Domaine/ })).toBeVisible();
  await region.getByRole('button', { name: 'Ajouter un sous-domaine' }).click();
  await page.getByRole('dialog').getByLabel('Nom du sous-domaine').fill('blog.ailleurs.example');
  await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('dialog').getByLabel('Nom du sous-domaine')).toHaveAccessibleDescription(/se termine par un point suivi de l’un des domaines/);
  await expectNoAxeViolations(page);
  await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();

  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByRole('status')).toContainText("L'abonnement tanaka-studio.jp reste suspendu : Client suspendu.");
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Outils de prototypage' }).first().click();
  const clock = page.getByRole('region', { name: 'Avancer le temps' });
  await clock.getByLabel('Date').fill('2026-03-15');
  await clock.getByRole('button', { name: "Régler l'horloge" }).click();
  await expect(page.getByRole('status')).toContainText("L'horloge du panneau indique maintenant le 15 mars 2026.");
  await expectNoAxeViolations(page);

  // ?now= on any URL sets the clock too (on the saved data), then leaves the address bar.
  await openApp(page, '/tools', { scenario: undefined, lang: 'fr', now: '2026-05-01' });
  await expect(page.getByRole('region', { name: 'Avancer le temps' })).toContainText('1 mai 2026');
  await expect(page).not.toHaveURL(/now=/);
  // One it cannot use is named, not dropped silently.
  await openApp(page, '/tools', { scenario: undefined, lang: 'fr', now: 'demain' });
  await expect(page.getByRole('alert')).toContainText("Ignoré dans l'adresse : ?now=demain (une date comme 2026-02-01");
  await expect(page.getByRole('region', { name: 'Avancer le temps' })).toContainText('1 mai 2026');
});
