import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockServer } from '../../test/render-app';

setupMockServer();
configure({ asyncUtilTimeout: 5000 });

describe('Home', { timeout: 20_000 }, () => {
  it('shows subscriptions and customers against their limits, and what needs attention', async () => {
    await renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeInTheDocument();
    const subscriptions = await screen.findByRole('region', { name: 'Subscriptions' });
    expect(within(subscriptions).getByText('25 used of 40')).toBeInTheDocument();
    expect(within(subscriptions).getByRole('meter', { name: 'Subscriptions used' })).toHaveAttribute('aria-valuenow', '63');
    const customers = screen.getByRole('region', { name: 'Customer accounts' });
    expect(within(customers).getByText('8 used of 20')).toBeInTheDocument();
    expect(within(customers).getByRole('meter', { name: 'Customer accounts used' })).toBeInTheDocument();

    const attention = screen.getByRole('region', { name: 'Need attention' });
    const unsynced = await within(attention).findByRole('link', { name: /unsynced subscriptions/ });
    expect(unsynced).toHaveAttribute('href', '/subscriptions?sync=unsynced');
    expect(within(attention).getByRole('link', { name: /locked subscriptions/ })).toHaveAttribute('href', '/subscriptions?sync=locked');

    expect(screen.getByRole('link', { name: 'Overview of my resources and permissions' })).toHaveAttribute('href', '/resources');
    const plans = screen.getByRole('region', { name: 'Service plans' });
    expect(await within(plans).findByRole('link', { name: 'Business' })).toHaveAttribute('href', '/service-plans/plan-0002');
  });

  it('speaks French', async () => {
    await renderApp('/', { lang: 'fr' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Accueil' })).toBeInTheDocument();
    expect(await screen.findByText('25 utilisés sur 40')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Aperçu de mes ressources et de leurs droits' })).toHaveAttribute('href', '/resources');
    expect(await screen.findByRole('link', { name: /abonnements désynchronisés/ })).toBeInTheDocument();
  });

  it('with no subscriptions, nothing needs attention', async () => {
    await renderApp('/', { scenario: 'empty' });
    const attention = await screen.findByRole('region', { name: 'Need attention' });
    expect(await within(attention).findByText('0 unsynced subscriptions')).toBeInTheDocument();
    expect(within(attention).queryByRole('link')).not.toBeInTheDocument();
  });
});

describe('Overview of my resources and permissions', { timeout: 20_000 }, () => {
  it('lists every resource with allocated, used and remaining, permissions, oversell and the IP pool', async () => {
    await renderApp('/resources');
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview of my resources and permissions' })).toBeInTheDocument();
    const resources = await screen.findByRole('table', { name: 'Resources' });
    const disk = within(resources).getByRole('row', { name: /^Disk space/ });
    expect(within(disk).getAllByRole('cell')[0]).toHaveTextContent('500 GB');
    expect(within(disk).getByRole('meter', { name: 'Disk space used' })).toBeInTheDocument();
    const subscriptions = within(resources).getByRole('row', { name: /^Subscriptions/ });
    // Limit, allocated, used, remaining.
    expect(
      within(subscriptions)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['40', '25', '25', '15', expect.any(String)]);
    // Overselling on: remaining is the limit minus what actually exists (27 domains), not what is allocated.
    const domains = within(resources).getByRole('row', { name: /^Domains/ });
    const [limit, allocated, used, remaining] = within(domains)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect([limit, used, remaining]).toEqual(['250', '27', '223']);
    expect(Number(allocated)).toBeGreaterThan(27);

    const permissions = screen.getByRole('table', { name: 'Permissions' });
    expect(within(permissions).getByRole('row', { name: 'DNS zone management On' })).toBeInTheDocument();
    expect(within(permissions).getByRole('row', { name: 'Hosting performance settings management Off' })).toBeInTheDocument();

    expect(screen.getByRole('region', { name: 'Allow overselling' })).toHaveTextContent(/Overselling is allowed/);
    const ips = screen.getByRole('table', { name: 'IP addresses' });
    expect(within(ips).getByRole('row', { name: '203.0.113.10 Shared' })).toBeInTheDocument();
    expect(within(ips).getByRole('row', { name: '203.0.113.20 Dedicated' })).toBeInTheDocument();
  });

  it('formats values in French', async () => {
    await renderApp('/resources', { lang: 'fr' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Aperçu de mes ressources et de leurs droits' })).toBeInTheDocument();
    const resources = await screen.findByRole('table', { name: 'Ressources' });
    const disk = within(resources).getByRole('row', { name: /^Espace disque/ });
    expect(within(disk).getAllByRole('cell')[0]).toHaveTextContent('500 Go');
    const permissions = screen.getByRole('table', { name: 'Droits' });
    expect(within(permissions).getByRole('row', { name: 'Gestion de la zone DNS Activé' })).toBeInTheDocument();
  });
});
