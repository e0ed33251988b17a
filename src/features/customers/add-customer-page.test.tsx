import { describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor } from '@testing-library/react';
import { apiRequest } from '../../api/http';
// Aliased: the harness is not a React hook, but its `use` name trips react-hooks/rules-of-hooks.
import { renderApp, setupMockServer } from '../../test/render-app';

setupMockServer();
// Vitest runs without globals here, so Testing Library does not unmount between tests by itself.
// Routes load lazily and several engineers share the CPU: give the first render time.
configure({ asyncUtilTimeout: 5000 });
// Whole journeys typed key by key: allow for a busy machine.
vi.setConfig({ testTimeout: 20_000 });

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('Add Customer', () => {
  it('shows the SPEC labels and OK / Cancel', async () => {
    await renderApp('/customers/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'Add Customer' })).toBeInTheDocument();
    for (const label of ['Contact name', 'Company name', 'Email', 'Username', 'Password', 'Phone', 'Address', 'City', 'Postal code', 'Country']) {
      expect(screen.getByLabelText(label, { exact: true })).toBeInTheDocument();
    }
    expect(screen.getByRole('button', { name: 'OK' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
  });

  it('shows each error next to its field and keeps what was typed', async () => {
    const { user, router } = await renderApp('/customers/new');
    await screen.findByRole('heading', { level: 1, name: 'Add Customer' });
    await user.type(screen.getByLabelText('Username'), 'Bad Login');
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'OK' }));

    const contact = screen.getByLabelText('Contact name');
    await waitFor(() => expect(contact).toHaveAttribute('aria-invalid', 'true'));
    expect(contact).toHaveAccessibleDescription('This field is required.');
    expect(contact).toHaveFocus();
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(/starts with a lowercase letter/);
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(/valid email address/);
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/at least 8 characters long/);
    expect(screen.getByLabelText('Username')).toHaveValue('Bad Login');
    expect(screen.getByLabelText('Email')).toHaveValue('not-an-email');
    expect(router.state.location.pathname).toBe('/customers/new');
  });

  it('names the limit in a too-long message', async () => {
    const { user } = await renderApp('/customers/new');
    await screen.findByRole('heading', { level: 1, name: 'Add Customer' });
    await user.click(screen.getByLabelText('Contact name'));
    await user.paste('x'.repeat(61));
    await user.click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.getByLabelText('Contact name')).toHaveAccessibleDescription('Enter at most 60 characters.'));
  });

  it('creates the customer, announces it and opens its page; hostile text renders as text', async () => {
    const { user, router, container } = await renderApp('/customers/new');
    await screen.findByRole('heading', { level: 1, name: 'Add Customer' });
    await user.type(screen.getByLabelText('Contact name'), HOSTILE);
    await user.type(screen.getByLabelText('Company name'), '"><script>alert(1)</script>');
    await user.type(screen.getByLabelText('Username'), 'hostile');
    await user.type(screen.getByLabelText('Email'), 'hostile@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.selectOptions(screen.getByLabelText('Country'), 'FR');
    await user.click(screen.getByRole('button', { name: 'OK' }));

    expect(await screen.findByRole('heading', { level: 1, name: HOSTILE })).toBeInTheDocument();
    expect(router.state.location.pathname).toMatch(/^\/customers\/cus-\d+$/);
    expect(screen.getByRole('status')).toHaveTextContent(`Customer ${HOSTILE} created.`);
    expect(screen.getByText('"><script>alert(1)</script>')).toBeInTheDocument();
    expect(screen.getByText('France')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
  });

  it('puts a duplicate username at the Username field and keeps the form', async () => {
    const { user, router } = await renderApp('/customers/new');
    await screen.findByRole('heading', { level: 1, name: 'Add Customer' });
    await user.type(screen.getByLabelText('Contact name'), 'Another Alice');
    await user.type(screen.getByLabelText('Username'), 'amartin');
    await user.type(screen.getByLabelText('Password'), 'long enough');
    await user.click(screen.getByRole('button', { name: 'OK' }));

    const login = screen.getByLabelText('Username');
    await waitFor(() => expect(login).toHaveAccessibleDescription(/“amartin” is already in use/));
    expect(login).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('The customer was not created');
    expect(screen.getByLabelText('Contact name')).toHaveValue('Another Alice');
    expect(login).toHaveValue('amartin');
    expect(router.state.location.pathname).toBe('/customers/new');
  });

  it('says in role=alert when the customer limit is reached, keeping the form', async () => {
    const { user, router } = await renderApp('/customers/new');
    await screen.findByRole('heading', { level: 1, name: 'Add Customer' });
    // The hosting provider allows exactly the 8 customers the default scenario already has.
    await apiRequest('/_mock/provider', { method: 'PATCH', body: { limits: { max_cl: 8 } } });
    await user.type(screen.getByLabelText('Contact name'), 'One Too Many');
    await user.type(screen.getByLabelText('Username'), 'onetoomany');
    await user.type(screen.getByLabelText('Password'), 'long enough');
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The customer was not created: you have reached your limit of 8 customer accounts.');
    expect(screen.getByLabelText('Contact name')).toHaveValue('One Too Many');
    expect(router.state.location.pathname).toBe('/customers/new');
  });

  it('Cancel goes back to the list', async () => {
    const { user, router } = await renderApp('/customers/new');
    await screen.findByRole('heading', { level: 1, name: 'Add Customer' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/customers'));
  });

  it('has the French labels and messages', async () => {
    const { user } = await renderApp('/customers/new', { lang: 'fr' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ajouter un client' })).toBeInTheDocument();
    for (const label of ['Nom du contact', 'Nom de la société', 'E-mail', "Nom d'utilisateur", 'Mot de passe']) {
      expect(screen.getByLabelText(label, { exact: true })).toBeInTheDocument();
    }
    expect(screen.getByRole('button', { name: 'Annuler' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.getByLabelText('Nom du contact')).toHaveAccessibleDescription('Ce champ est obligatoire.'));
  });
});
