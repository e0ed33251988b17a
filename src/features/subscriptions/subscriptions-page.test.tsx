import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, setupMockServer } from '../../test/render-app';

// Renamed on import: it is a test set-up, not a React hook.
setupMockServer();
// Whole routes against the real handlers, on 2 shared cores: the first render loads the route.
vi.setConfig({ testTimeout: 20_000 });

const table = () => screen.findByRole('table', { name: 'Subscriptions' }, { timeout: 5000 });
const domainsIn = (t: HTMLElement) =>
  within(t)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('link')[0]!.textContent);

describe('Subscriptions list', () => {
  it('lists subscriptions with their plan, subscriber, sync state, status and setup date', async () => {
    await renderApp('/subscriptions');
    expect(await screen.findByRole('heading', { level: 1, name: 'Subscriptions' }, { timeout: 5000 })).toBeInTheDocument();
    const t = await table();
    for (const header of ['Subscription', 'Subscriber', 'Plan', 'Sync state', 'Status', 'Setup date']) {
      expect(within(t).getByRole('columnheader', { name: new RegExp(`^${header}`) })).toBeInTheDocument();
    }
    const row = within(t).getByRole('link', { name: 'atlastravel.com' }).closest('tr')!;
    expect(within(row).getByText('(Custom)')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Custom' })).toBeInTheDocument();
    expect(within(row).getByRole('checkbox', { name: 'Select atlastravel.com' })).toBeInTheDocument();
    const bakery = within(t).getByRole('link', { name: 'martin-bakery.fr' }).closest('tr')!;
    expect(within(bakery).getByText('(Starter)')).toBeInTheDocument();
    expect(within(bakery).getByRole('link', { name: 'Alice Martin' })).toHaveAttribute('href', '/customers/cus-0001');
  });

  it('keeps search, filters, sort and page in the URL', async () => {
    const { user, router } = await renderApp('/subscriptions');
    const t = await table();
    await user.selectOptions(screen.getByLabelText('Sync state'), 'locked');
    await waitFor(() => expect(router.state.location.search).toContain('sync=locked'));
    await waitFor(() => expect(domainsIn(t)).toEqual(expect.arrayContaining(['schneider-consulting.com'])));
    await waitFor(() =>
      within(t)
        .getAllByRole('row')
        .slice(1)
        .forEach((row) => expect(within(row).getByRole('button', { name: 'Locked' })).toBeInTheDocument()),
    );

    await user.selectOptions(screen.getByLabelText('Sync state'), '');
    await user.type(screen.getByLabelText('Search'), 'northwind');
    await waitFor(() => expect(router.state.location.search).toContain('q=northwind'));
    await waitFor(() => expect(domainsIn(t).every((d) => d?.includes('northwind'))).toBe(true));

    await user.click(within(t).getByRole('button', { name: /^Subscription/ }));
    await waitFor(() => expect(router.state.location.search).toContain('order=desc'));
    await waitFor(() => {
      const domains = domainsIn(t);
      expect(domains).toEqual([...domains].sort().reverse());
    });
    expect(within(t).getByRole('columnheader', { name: /^Subscription/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('pages through the list with the page in the URL', async () => {
    const { user, router } = await renderApp('/subscriptions?pageSize=10');
    const t = await table();
    await waitFor(() => expect(within(t).getAllByRole('row')).toHaveLength(11));
    const first = domainsIn(t);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(router.state.location.search).toContain('page=2'));
    await waitFor(() => expect(domainsIn(t)[0]).not.toBe(first[0]));
  });

  it('pre-filters from ?planId= and ?sync= (the plan page links here)', async () => {
    await renderApp('/subscriptions?planId=plan-0003&sync=unsynced');
    const t = await table();
    expect(screen.getByLabelText('Sync state')).toHaveValue('unsynced');
    expect(screen.getByLabelText('Plan')).toHaveValue('plan-0003');
    await waitFor(() => expect(within(t).getAllByRole('row').length).toBeGreaterThan(1));
    for (const row of within(t).getAllByRole('row').slice(1)) {
      expect(within(row).getByRole('button', { name: 'Unsynced' })).toBeInTheDocument();
      expect(within(row).getByText('(Premium)')).toBeInTheDocument();
    }
  });

  it('synchronizes a selection and reports each subscription’s result', async () => {
    const { user } = await renderApp('/subscriptions?q=example.com', { scenario: 'sync-failure' });
    const t = await table();
    await within(t).findByRole('link', { name: 'shop.example.com' });
    await user.click(within(t).getByRole('checkbox', { name: 'Select all subscriptions on this page' }));
    expect(screen.getByText(/subscriptions selected/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Synchronize' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/1 synchronized, 1 failed: shop\.example\.com \(.*PHP version and handler management\)/),
    );
    const failures = screen.getByRole('region', { name: 'Some subscriptions could not be changed' });
    expect(within(failures).getByRole('link', { name: 'shop.example.com' })).toBeInTheDocument();
    // What failed stays selected, for a retry.
    expect(within(t).getByRole('checkbox', { name: 'Select shop.example.com' })).toBeChecked();
    expect(within(t).getByRole('checkbox', { name: 'Select example.com' })).not.toBeChecked();
  });

  it('suspends and activates the selection', async () => {
    const { user } = await renderApp('/subscriptions?q=martin-bakery.fr');
    const t = await table();
    await user.click(await within(t).findByRole('checkbox', { name: 'Select martin-bakery.fr' }));
    await user.click(within(t).getByRole('checkbox', { name: 'Select shop.martin-bakery.fr' }));
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 suspended'));
    await waitFor(() => expect(within(t).getAllByText('Suspended')).toHaveLength(2));
  });

  it('shows why a subscription is suspended and Overused; bulk Activate says what still keeps one suspended', async () => {
    const { user } = await renderApp('/subscriptions?q=tanaka');
    const t = await table();
    const row = within(t).getByRole('row', { name: /tanaka-studio\.jp/ });
    expect(row).toHaveTextContent('Customer suspended');
    await user.click(within(t).getByRole('checkbox', { name: 'Select tanaka-studio.jp' }));
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 still suspended for another reason: tanaka-studio.jp (Customer suspended)'));
  });

  it('sorts by disk usage', async () => {
    const { user } = await renderApp('/subscriptions?q=northwind');
    const t = await table();
    expect(within(t).getByRole('row', { name: /northwind-status\.net/ })).toHaveTextContent('Overused');
    await user.click(within(t).getByRole('button', { name: /Disk usage/ }));
    await waitFor(() => expect(domainsIn(t)[0]).toBe('demo.northwind-hosting.com'));
  });

  it('Remove names how many subscriptions and websites go', async () => {
    const { user } = await renderApp('/subscriptions?q=martin-bakery.fr');
    const t = await table();
    await user.click(await within(t).findByRole('checkbox', { name: 'Select martin-bakery.fr' }));
    await user.click(within(t).getByRole('checkbox', { name: 'Select shop.martin-bakery.fr' }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    // The dialog's code loads on first open: allow for a busy machine.
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove subscriptions' }, { timeout: 5000 });
    expect(dialog).toHaveTextContent('Remove 2 subscriptions? All their websites are removed too (3 in all).');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 removed'));
    expect(await screen.findByText('No subscriptions match these filters.')).toBeInTheDocument();
  });

  it('Change Plan makes the selection Custom, Change Subscriber gives it to the reseller', async () => {
    const { user } = await renderApp('/subscriptions?q=obrien-law.ie');
    const t = await table();
    await user.click(await within(t).findByRole('checkbox', { name: 'Select obrien-law.ie' }));
    await user.click(screen.getByRole('button', { name: 'Change Plan' }));
    let dialog = await screen.findByRole('dialog', { name: 'Change Plan' });
    await user.selectOptions(await within(dialog).findByLabelText('Service plan'), '');
    expect(within(dialog).getByRole('group', { name: 'Add-on plans' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 moved to the new plan'));
    await waitFor(() => expect(within(t).getByRole('button', { name: 'Custom' })).toBeInTheDocument());

    await user.click(within(t).getByRole('checkbox', { name: 'Select obrien-law.ie' }));
    await user.click(screen.getByRole('button', { name: 'Change Subscriber' }));
    dialog = await screen.findByRole('dialog', { name: 'Change Subscriber' });
    await user.selectOptions(within(dialog).getByLabelText('Subscriber'), '');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 moved to the new subscriber'));
    await waitFor(() => expect(within(t).queryByRole('link', { name: "Sean O'Brien" })).not.toBeInTheDocument());
  });

  it('Add Subscription goes to the form', async () => {
    const { user, router } = await renderApp('/subscriptions');
    await user.click(await screen.findByRole('button', { name: 'Add Subscription' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/subscriptions/new'));
  });

  it('speaks French', async () => {
    await renderApp('/subscriptions?sync=unsynced', { lang: 'fr' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Abonnements' })).toBeInTheDocument();
    expect(await screen.findByLabelText('Rechercher')).toBeInTheDocument();
    const t = await screen.findByRole('table', { name: 'Abonnements' });
    await waitFor(() => expect(within(t).getAllByRole('button', { name: 'Désynchronisé' }).length).toBeGreaterThan(0));
  });
});
