import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { apiRequest } from '../../api/http';
import type { SubscriptionItem } from '../../api/subscriptions';
import { renderApp, setupMockServer } from '../../test/render-app';

// Renamed on import: it is a test set-up, not a React hook.
setupMockServer();
vi.setConfig({ testTimeout: 20_000 });

async function openForm(path = '/subscriptions/new', lang: 'en' | 'fr' = 'en') {
  const view = await renderApp(path, { lang });
  await screen.findByLabelText(lang === 'fr' ? 'Nom de domaine' : 'Domain name', undefined, { timeout: 5000 });
  return view;
}

describe('Add Subscription', () => {
  it('has the contract’s labels and a "None (custom subscription)" plan', async () => {
    await openForm();
    expect(screen.getByRole('heading', { level: 1, name: 'Add Subscription' })).toBeInTheDocument();
    expect(screen.getByLabelText('Subscriber')).toHaveValue('');
    const plan = screen.getByLabelText('Service plan');
    expect(within(plan).getByRole('option', { name: 'None (custom subscription)' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Add-on plans' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'OK' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
  });

  it('checks the domain at the field and keeps what was typed', async () => {
    const { user } = await openForm();
    const domain = screen.getByLabelText('Domain name');
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(await screen.findByText('This field is required.')).toBeInTheDocument();
    await user.type(domain, 'not a domain');
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(await screen.findByText('Enter a valid domain name, such as example.com.')).toBeInTheDocument();
    expect(domain).toHaveValue('not a domain');
    expect(domain).toHaveAttribute('aria-invalid', 'true');
    expect(domain).toHaveAccessibleDescription(/Enter a valid domain name/);
  });

  it('a domain that already has a subscription is refused at the field (409)', async () => {
    const { user } = await openForm();
    await user.type(screen.getByLabelText('Domain name'), 'Martin-Bakery.fr');
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(await screen.findByText('The domain martin-bakery.fr already has a subscription.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The subscription could not be created');
    expect(screen.getByLabelText('Domain name')).toHaveValue('Martin-Bakery.fr');
  });

  it('creates a subscription with add-ons and opens its page', async () => {
    const { user, router } = await openForm();
    await user.type(screen.getByLabelText('Domain name'), 'new-shop.example');
    await user.selectOptions(screen.getByLabelText('Service plan'), 'Business');
    const addons = screen.getByRole('group', { name: 'Add-on plans' });
    const first = within(addons).getAllByRole('checkbox')[0]!;
    await user.click(first);
    await user.click(screen.getByRole('button', { name: 'OK' }));
    await screen.findByRole('heading', { level: 1, name: 'new-shop.example' }, { timeout: 5000 });
    expect(router.state.location.pathname).toMatch(/^\/subscriptions\/sub-\d+$/);
    expect(screen.getByRole('status')).toHaveTextContent(/Subscription new-shop\.example created: (Synced|Unsynced)\./);
    const id = router.state.location.pathname.split('/').pop()!;
    const created = (await apiRequest<SubscriptionItem>(`/subscriptions/${id}`)).data;
    expect(created).toMatchObject({ domain: 'new-shop.example', ownerId: null, planName: 'Business' });
    expect(created.addonIds).toHaveLength(1);
  });

  it('a custom subscription for a customer from ?ownerId= goes back to the customer page', async () => {
    const { user, router } = await openForm('/subscriptions/new?ownerId=cus-0001');
    await waitFor(() => expect(screen.getByLabelText('Subscriber')).toHaveValue('cus-0001'));
    await user.type(screen.getByLabelText('Domain name'), 'custom.martin-bakery.fr');
    await user.selectOptions(screen.getByLabelText('Service plan'), '');
    expect(screen.getByRole('group', { name: 'Add-on plans' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/customers/cus-0001'));
    expect(screen.getByRole('status')).toHaveTextContent('Subscription custom.martin-bakery.fr created: Custom.');
  });

  it('says so when the reseller’s subscription limit is reached (nothing created)', async () => {
    const { user } = await openForm();
    // The provider lowers the limit to what is already used.
    await apiRequest('/_mock/provider', { method: 'PATCH', body: { limits: { max_dom: 25 } } });
    await user.type(screen.getByLabelText('Domain name'), 'one-too-many.example');
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/reached your limit of 25 subscriptions/);
    expect(screen.getByLabelText('Domain name')).toHaveValue('one-too-many.example');
  });

  it('Cancel goes back to the list', async () => {
    const { user, router } = await openForm();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/subscriptions'));
  });

  it('speaks French', async () => {
    await openForm('/subscriptions/new', 'fr');
    expect(screen.getByRole('heading', { level: 1, name: 'Ajouter un abonnement' })).toBeInTheDocument();
    for (const label of ['Abonné', 'Pack de services']) expect(screen.getByLabelText(label)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: "Packs d'add-ons" })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Annuler' })).toBeInTheDocument();
  });
});
