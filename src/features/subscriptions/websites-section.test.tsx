import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { apiRequest, type ListPage } from '../../api/http';
import type { SubscriptionItem } from '../../api/subscriptions';
import { renderApp, setupMockServer } from '../../test/render-app';

setupMockServer();
vi.setConfig({ testTimeout: 20_000 });

async function openSubscription(domain: string, lang: 'en' | 'fr' = 'en') {
  const view = await renderApp('/subscriptions', { lang });
  const { data } = await apiRequest<ListPage<SubscriptionItem>>(`/subscriptions?q=${encodeURIComponent(domain)}`);
  const s = data.items.find((i) => i.domain === domain)!;
  await view.router.navigate(`/subscriptions/${s.id}`);
  await screen.findByRole('heading', { level: 1, name: domain }, { timeout: 5000 });
  return { ...view, id: s.id };
}
const status = () => screen.getByRole('status');

describe('Websites & Domains', () => {
  it('lists domains, subdomains and aliases; adds a domain; refuses beyond the limit at the field', async () => {
    const { user, id } = await openSubscription('martin-bakery.fr');
    const region = screen.getByRole('region', { name: 'Websites & Domains' });
    expect(within(region).getByRole('row', { name: /martin-bakery\.fr Main domain/ })).toBeInTheDocument();
    // Starter allows 1 domain: the main one. Raise it to 2 (Customize through the API).
    await apiRequest(`/subscriptions/${id}/values`, { method: 'PUT', body: { resources: { max_site: 2 } } });
    await user.click(within(region).getByRole('button', { name: 'Add Domain' }));
    let dialog = await screen.findByRole('dialog', { name: 'Add a domain to martin-bakery.fr' });
    await user.type(within(dialog).getByLabelText('Domain name'), 'martin-patisserie.fr');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(status()).toHaveTextContent('Domain martin-patisserie.fr added.'));
    expect(await within(region).findByRole('row', { name: /martin-patisserie\.fr Domain/ })).toBeInTheDocument();

    await user.click(within(region).getByRole('button', { name: 'Add Domain' }));
    dialog = await screen.findByRole('dialog', { name: 'Add a domain to martin-bakery.fr' });
    const field = within(dialog).getByLabelText('Domain name');
    await user.type(field, 'third.example');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(/reached its limit of 2 domains/));
    expect(field).toHaveValue('third.example');
  });

  it("a subdomain outside the subscription's domains is refused at the field; an alias is added", async () => {
    const { user } = await openSubscription('schneider-consulting.de');
    const region = screen.getByRole('region', { name: 'Websites & Domains' });
    await user.click(within(region).getByRole('button', { name: 'Add Subdomain' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a subdomain to schneider-consulting.de' });
    const field = within(dialog).getByLabelText('Subdomain name');
    await user.clear(field);
    await user.type(field, 'blog.example.org');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(/ends in a dot and one of this subscription’s domains/));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(within(region).getByRole('button', { name: 'Add Alias' }));
    const aliasDialog = await screen.findByRole('dialog', { name: 'Add a domain alias to schneider-consulting.de' });
    await user.type(within(aliasDialog).getByLabelText('Alias name'), 'schneider-beratung.de');
    await user.click(within(aliasDialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(status()).toHaveTextContent('Domain alias schneider-beratung.de added.'));
    expect(await within(region).findByText('schneider-beratung.de')).toBeInTheDocument();
  });

  it('removing a domain says which subdomains and aliases go with it; the main domain has no Remove', async () => {
    const { user } = await openSubscription('pacific-imports.co.uk');
    const region = screen.getByRole('region', { name: 'Websites & Domains' });
    // The main domain's menu only removes its aliases.
    await user.click(within(region).getByRole('button', { name: 'Actions for pacific-imports.co.uk' }));
    let menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: 'Remove alias pacific-imports.uk' })).toBeInTheDocument();
    expect(within(menu).queryByRole('menuitem', { name: 'Remove pacific-imports.co.uk' })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
    // No more buttons named Remove than the subscription's own.
    expect(screen.getAllByRole('button', { name: /^Remove/ })).toHaveLength(1);
    await user.click(within(region).getByRole('button', { name: 'Actions for pacific-imports.com' }));
    menu = await screen.findByRole('menu');
    await user.click(within(menu).getByRole('menuitem', { name: 'Remove pacific-imports.com' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove domain pacific-imports.com' });
    expect(dialog).toHaveTextContent('domain alias pacificimports.com');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(status()).toHaveTextContent('pacific-imports.com removed.'));
    await waitFor(() => expect(within(region).queryByRole('row', { name: /^pacific-imports\.com/ })).not.toBeInTheDocument());
  });

  it("shows usage meters, the overuse policy in Plesk's words, Overused and the reasons, in French", async () => {
    await openSubscription('northwind-status.net', 'fr');
    expect(screen.getByRole('region', { name: 'Sites Web et domaines' })).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: 'Utilisation : Espace disque' })).toBeInTheDocument();
    expect(screen.getAllByText('Dépassement').length).toBeGreaterThan(0);
    expect(screen.getByText("Le dépassement est autorisé, m'avertir par e-mail")).toBeInTheDocument();
  });

  it("Activate lifts only the reseller's reason and says what else keeps it suspended", async () => {
    const { user } = await openSubscription('tanaka-studio.jp');
    expect(screen.getAllByText('Customer suspended').length).toBeGreaterThan(0);
    // Suspended only by its customer: the reseller can still add its own reason.
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    await waitFor(() => expect(screen.getAllByText('Suspended by you').length).toBeGreaterThan(0));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Suspend' })).toHaveAccessibleDescription(/already suspended/));
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    await waitFor(() => expect(status()).toHaveTextContent('Subscription tanaka-studio.jp is still suspended: Customer suspended.'));
  });
});
