import { describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import { apiRequest } from '../../api/http';
// Aliased: the harness is not a React hook, but its `use` name trips react-hooks/rules-of-hooks.
import { renderApp, setupMockServer } from '../../test/render-app';

setupMockServer();
// Vitest runs without globals here, so Testing Library does not unmount between tests by itself.
// Routes load lazily and several engineers share the CPU: give the first render time.
configure({ asyncUtilTimeout: 5000 });
// Whole journeys typed key by key: allow for a busy machine.
vi.setConfig({ testTimeout: 20_000 });

// Alice Martin (default scenario): 3 subscriptions hosting 4 websites.
const ALICE = '/customers/cus-0001';

describe('Customer page', () => {
  it('shows the details and the customer’s subscriptions', async () => {
    await renderApp(ALICE);
    expect(await screen.findByRole('heading', { level: 1, name: 'Alice Martin' })).toBeInTheDocument();
    expect(screen.getByText('Boulangerie Martin')).toBeInTheDocument();
    expect(screen.getByText('amartin')).toBeInTheDocument();
    expect(screen.getByText('Lyon')).toBeInTheDocument();
    expect(screen.getByText('France')).toBeInTheDocument();

    const table = await screen.findByRole('table', { name: 'Subscriptions of Alice Martin' });
    await within(table).findByRole('link', { name: 'martin-bakery.fr' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByRole('link', { name: 'shop.martin-bakery.fr' })).toHaveAttribute('href', expect.stringMatching(/^\/subscriptions\/sub-\d+$/));
    for (const header of ['Domain', 'Service plan', 'Sync state', 'Status']) {
      expect(within(table).getByRole('columnheader', { name: new RegExp(`^${header}`) })).toBeInTheDocument();
    }
  });

  it('Add Subscription opens the new subscription form for this customer', async () => {
    const { user, router } = await renderApp(ALICE);
    await user.click(await screen.findByRole('button', { name: 'Add Subscription' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/subscriptions/new'));
    expect(router.state.location.search).toBe('?ownerId=cus-0001');
  });

  it('says when the customer has no subscriptions', async () => {
    const { user } = await renderApp('/customers/new');
    await screen.findByRole('heading', { level: 1, name: 'Add Customer' });
    await user.type(screen.getByLabelText('Contact name'), 'New Person');
    await user.type(screen.getByLabelText('Username'), 'newperson');
    await user.type(screen.getByLabelText('Password'), 'password1');
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(await screen.findByText('This customer has no subscriptions yet.')).toBeInTheDocument();
  });

  it('edits the customer with the same labels and Save', async () => {
    const { user } = await renderApp(ALICE);
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const company = screen.getByLabelText('Company name');
    expect(screen.getByLabelText('Contact name')).toHaveFocus();
    expect(screen.getByLabelText('Contact name')).toHaveValue('Alice Martin');
    for (const label of ['Email', 'Username', 'Password']) expect(screen.getByLabelText(label, { exact: true })).toBeInTheDocument();
    await user.clear(company);
    await user.type(company, 'Martin & Fils');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Customer Alice Martin saved.'));
    expect(await screen.findByText('Martin & Fils')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit' })).toHaveFocus());
  });

  it('keeps the edit and offers Reload record when the customer changed elsewhere (412)', async () => {
    const { user } = await renderApp(ALICE);
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    // Another tab changes the customer meanwhile.
    await apiRequest('/customers/cus-0001', { method: 'PATCH', body: { city: 'Villeurbanne' } });
    const company = screen.getByLabelText('Company name');
    await user.clear(company);
    await user.type(company, 'Mine');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this record');
    expect(company).toHaveValue('Mine');
    // Reloading would discard what was typed: it asks first, and Cancel keeps the typing.
    await user.click(within(alert).getByRole('button', { name: 'Reload record' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Reload the record and discard what you typed?' });
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(company).toHaveValue('Mine');
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Reload record' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard and reload' }));
    await waitFor(() => expect(screen.getByLabelText('City')).toHaveValue('Villeurbanne'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.clear(screen.getByLabelText('Company name'));
    await user.type(screen.getByLabelText('Company name'), 'Mine');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Mine')).toBeInTheDocument();
    expect(screen.getByText('Villeurbanne')).toBeInTheDocument();
  });

  it('puts a duplicate username at the field on edit', async () => {
    const { user } = await renderApp(ALICE);
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const login = screen.getByLabelText('Username');
    await user.clear(login);
    await user.type(login, 'bschneider');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(login).toHaveAccessibleDescription(/“bschneider” is already in use/));
    expect(login).toHaveValue('bschneider');
  });

  it('suspends and activates, the button that does not apply saying why', async () => {
    const { user } = await renderApp(ALICE);
    await screen.findByRole('heading', { level: 1, name: 'Alice Martin' });
    expect(screen.getByRole('button', { name: 'Activate' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Activate' })).toHaveAccessibleDescription('The customer is already active.');
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Customer Alice Martin suspended.'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Suspend' })).toHaveAttribute('aria-disabled', 'true'));
    expect(screen.getByRole('button', { name: 'Suspend' })).toHaveAccessibleDescription('The customer is already suspended.');
    // It no longer applies and says why, and the focus stays on it (never dropped to the page).
    expect(screen.getByRole('button', { name: 'Suspend' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Customer Alice Martin activated.'));
  });

  it('removes the customer after a confirmation counting its subscriptions and websites', async () => {
    const { user, router } = await renderApp(ALICE);
    await user.click(await screen.findByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove customer Alice Martin' });
    await within(dialog).findByText(/all 3 subscriptions and their 4 websites/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const again = await screen.findByRole('alertdialog', { name: 'Remove customer Alice Martin' });
    await within(again).findByText(/all 3 subscriptions/);
    await user.click(within(again).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/customers'));
    expect(screen.getByRole('status')).toHaveTextContent('Customer Alice Martin removed, with 3 subscriptions and 4 websites.');
    expect(await screen.findByRole('link', { name: 'Bernd Schneider' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Alice Martin' })).not.toBeInTheDocument();
  });

  it('shows an error for an unknown customer', async () => {
    await renderApp('/customers/cus-9999');
    expect(await screen.findByRole('alert')).toHaveTextContent('cus-9999');
  });

  it('speaks French', async () => {
    const { user } = await renderApp(ALICE, { lang: 'fr' });
    expect(await screen.findByRole('button', { name: 'Ajouter un abonnement' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Suspendre' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Modifier' }));
    expect(screen.getByLabelText('Nom du contact')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enregistrer' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Annuler' })).toBeInTheDocument();
  });
});
