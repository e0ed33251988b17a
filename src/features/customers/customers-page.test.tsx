import { describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
// Aliased: the harness is not a React hook, but its `use` name trips react-hooks/rules-of-hooks.
import { renderApp, setupMockServer } from '../../test/render-app';

setupMockServer();
// Vitest runs without globals here, so Testing Library does not unmount between tests by itself.
// Routes load lazily and several engineers share the CPU: give the first render time.
configure({ asyncUtilTimeout: 5000 });
// Whole journeys typed key by key: allow for a busy machine.
vi.setConfig({ testTimeout: 20_000 });

function rows() {
  const table = screen.getByRole('table', { name: 'Customers' });
  return within(table).getAllByRole('row').slice(1);
}

function contactNames() {
  return rows().map((row) => within(row).getAllByRole('link')[0]?.textContent);
}

describe('Customers list', () => {
  it('shows each customer with its columns and a link to its page', async () => {
    await renderApp('/customers');
    expect(await screen.findByRole('heading', { level: 1, name: 'Customers' })).toBeInTheDocument();
    await screen.findByRole('link', { name: 'Alice Martin' });
    for (const header of ['Contact name', 'Company name', 'Username', 'Email', 'Status', 'Subscriptions', 'Created']) {
      expect(screen.getByRole('columnheader', { name: new RegExp(`^${header}`) })).toBeInTheDocument();
    }
    const alice = screen.getByRole('link', { name: 'Alice Martin' }).closest('tr')!;
    expect(within(alice).getByText('Boulangerie Martin')).toBeInTheDocument();
    expect(within(alice).getByText('amartin')).toBeInTheDocument();
    expect(within(alice).getByText('amartin@martin-bakery.fr')).toBeInTheDocument();
    expect(within(alice).getByText('Active')).toBeInTheDocument();
    expect(within(alice).getByRole('cell', { name: '3' })).toBeInTheDocument();
    expect(within(alice).getByRole('checkbox', { name: 'Select Alice Martin' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alice Martin' })).toHaveAttribute('href', '/customers/cus-0001');
    expect(rows()).toHaveLength(8);
  });

  it('keeps the search in the URL and filters in the API', async () => {
    const { user, router } = await renderApp('/customers');
    await screen.findByRole('link', { name: 'Alice Martin' });
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'rossi');
    await waitFor(() => expect(contactNames()).toEqual(['Carla Rossi']));
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('rossi');
  });

  it('restores search, status filter, sort and page from the URL', async () => {
    await renderApp('/customers?status=suspended');
    await waitFor(() => expect(contactNames()).toEqual(['Hiroshi Tanaka']));
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('suspended');
  });

  it('sorts by a column header and keeps the order in the URL', async () => {
    const { user, router } = await renderApp('/customers');
    await screen.findByRole('link', { name: 'Alice Martin' });
    expect(contactNames()[0]).toBe('Alice Martin');
    await user.click(screen.getByRole('button', { name: /^Contact name/ }));
    await waitFor(() => expect(contactNames()[0]).toBe('Hiroshi Tanaka'));
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('sort')).toBe('contactName');
    expect(params.get('order')).toBe('desc');
    expect(screen.getByRole('columnheader', { name: /^Contact name/ })).toHaveAttribute('aria-sort', 'descending');

    await user.click(screen.getByRole('button', { name: /^Subscriptions/ }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('sort')).toBe('subscriptionCount'));
  });

  it('pages through the list with the page in the URL', async () => {
    const { user, router } = await renderApp('/customers?pageSize=3');
    await screen.findByRole('link', { name: 'Alice Martin' });
    expect(contactNames()).toEqual(['Alice Martin', 'Bernd Schneider', 'Carla Rossi']);
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(contactNames()).toEqual(['David Chen', 'Emma Johansson', 'Farid Haddad']));
    expect(new URLSearchParams(router.state.location.search).get('page')).toBe('2');
  });

  it('says when there are no customers yet, and offers Add Customer', async () => {
    const { user, router } = await renderApp('/customers', { scenario: 'empty' });
    expect(await screen.findByText(/No customers yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add Customer' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/customers/new'));
  });

  it('says when nothing matches the search', async () => {
    await renderApp('/customers?q=nobody-at-all');
    expect(await screen.findByText(/No customers match your search/)).toBeInTheDocument();
  });

  it('suspends and activates the selected customers and announces each result', async () => {
    const { user } = await renderApp('/customers');
    await screen.findByRole('link', { name: 'Alice Martin' });
    const suspend = screen.getByRole('button', { name: 'Suspend' });
    expect(suspend).toHaveAttribute('aria-disabled', 'true');
    expect(suspend).toHaveAccessibleDescription(/Select customers/);
    await user.click(screen.getByRole('checkbox', { name: 'Select Alice Martin' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Bernd Schneider' }));
    expect(screen.getByText('2 customers selected')).toBeInTheDocument();
    await user.click(suspend);
    expect(await screen.findByRole('status')).toHaveTextContent('Suspended: Alice Martin, Bernd Schneider.');
    const alice = screen.getByRole('link', { name: 'Alice Martin' }).closest('tr')!;
    await waitFor(() => expect(within(alice).getByText('Suspended')).toBeInTheDocument());

    await user.click(screen.getByRole('checkbox', { name: 'Select Alice Martin' }));
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Activated: Alice Martin.'));
    await waitFor(() => expect(within(alice).getByText('Active')).toBeInTheDocument());
  });

  it('removes the selected customers after a confirmation naming them', async () => {
    const { user } = await renderApp('/customers');
    await screen.findByRole('link', { name: 'Alice Martin' });
    await user.click(screen.getByRole('checkbox', { name: 'Select Alice Martin' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Carla Rossi' }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove 2 customers' });
    expect(dialog).toHaveTextContent('5 subscriptions');
    expect(dialog).toHaveTextContent('Alice Martin, Carla Rossi');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Removed: Alice Martin, Carla Rossi.'));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Alice Martin' })).not.toBeInTheDocument());
    expect(rows()).toHaveLength(6);
  });

  it('speaks French', async () => {
    await renderApp('/customers', { lang: 'fr' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Clients' })).toBeInTheDocument();
    // The title paints with the shell, before the page's code: wait for the page itself.
    expect(await screen.findByRole('searchbox', { name: 'Rechercher' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ajouter un client' })).toBeInTheDocument();
    await screen.findByRole('link', { name: 'Alice Martin' });
    expect(screen.getByRole('columnheader', { name: /^Nom du contact/ })).toBeInTheDocument();
  });
});
