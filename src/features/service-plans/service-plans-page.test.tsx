import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockServer } from '../../test/render-app';

setupMockServer();
// Vitest runs without globals here, so Testing Library does not unmount between tests by itself.
// Routes load lazily and the machine is shared: give the first render room.
configure({ asyncUtilTimeout: 5000 });

describe('Service Plans', { timeout: 20_000 }, () => {
  it('lists hosting plans with their sync counts and links the unsynced ones', async () => {
    const { user, router } = await renderApp('/service-plans');
    expect(await screen.findByRole('heading', { level: 1, name: 'Service Plans' })).toBeInTheDocument();
    expect(await screen.findByRole('tab', { name: 'Hosting Plans' })).toHaveAttribute('aria-selected', 'true');
    const table = await screen.findByRole('table', { name: 'Hosting Plans' });
    const premium = within(table).getByRole('row', { name: /Premium/ });
    expect(within(premium).getByRole('link', { name: 'Premium' })).toHaveAttribute('href', '/service-plans/plan-0003');
    // Every Premium subscription lacks "Hosting performance settings management" in the default scenario.
    const unsynced = within(premium).getByRole('link', { name: '4 unsynced subscriptions' });
    expect(unsynced).toHaveAttribute('href', '/subscriptions?planId=plan-0003&sync=unsynced');
    await user.click(screen.getByRole('button', { name: 'Add Plan' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/service-plans/new'));
    expect(router.state.location.search).toBe('?kind=hosting');
  });

  it('keeps the selected tab in the URL', async () => {
    const { user, router } = await renderApp('/service-plans');
    await screen.findByRole('table', { name: 'Hosting Plans' });
    await user.click(screen.getByRole('tab', { name: 'Add-on Plans' }));
    const table = await screen.findByRole('table', { name: 'Add-on Plans' });
    expect(within(table).getByRole('link', { name: 'Extra Storage' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?kind=addon');
    await user.click(screen.getByRole('button', { name: 'Add Plan' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/service-plans/new'));
    expect(router.state.location.search).toBe('?kind=addon');
  });

  it('opens on the add-on tab from ?kind=addon, in French', async () => {
    await renderApp('/service-plans?kind=addon', { lang: 'fr' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Packs de services' })).toBeInTheDocument();
    expect(await screen.findByRole('tab', { name: "Packs d'add-ons" })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('link', { name: 'Developer Pack' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ajouter un pack' })).toBeInTheDocument();
  });

  it('refuses to remove a plan in use, with the server reason', async () => {
    const { user } = await renderApp('/service-plans');
    const row = within(await screen.findByRole('table', { name: 'Hosting Plans' })).getByRole('row', { name: /Starter/ });
    await user.click(within(row).getByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove service plan' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The plan is used by 10 subscriptions, so it cannot be removed.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('link', { name: 'Starter' })).toBeInTheDocument();
  });

  it('clones a plan, then removes the unused copy', async () => {
    const { user } = await renderApp('/service-plans');
    const table = await screen.findByRole('table', { name: 'Hosting Plans' });
    await user.click(within(within(table).getByRole('row', { name: /Starter/ })).getByRole('button', { name: 'Clone' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Plan "Starter" cloned as "Copy of Starter".'));
    const copy = await screen.findByRole('row', { name: /Copy of Starter/ });
    await user.click(within(copy).getByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove service plan' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Plan "Copy of Starter" removed.'));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Copy of Starter' })).not.toBeInTheDocument());
  });
});

describe('Add Plan', { timeout: 20_000 }, () => {
  it('shows a duplicate name at the field and keeps what was typed', async () => {
    const { user } = await renderApp('/service-plans/new?kind=hosting');
    expect(await screen.findByRole('heading', { level: 1, name: 'Add Plan' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Plan name'), 'Premium');
    await user.click(screen.getByRole('button', { name: 'OK' }));
    const name = screen.getByLabelText('Plan name');
    await waitFor(() => expect(name).toHaveAccessibleDescription(/already exists/));
    expect(name).toHaveValue('Premium');
    expect(screen.getByRole('alert')).toHaveTextContent(/not created/);
  });

  it('requires a name', async () => {
    const { user } = await renderApp('/service-plans/new');
    await screen.findByRole('heading', { level: 1, name: 'Add Plan' });
    await user.click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.getByLabelText('Plan name')).toHaveAccessibleDescription('This field is required.'));
  });

  it('creates an add-on plan and opens it', async () => {
    const { user, router } = await renderApp('/service-plans/new?kind=addon');
    await screen.findByRole('heading', { level: 1, name: 'Add Plan' });
    expect(screen.getByLabelText('Plan type')).toHaveValue('addon');
    await user.type(screen.getByLabelText('Plan name'), 'Mail Pack');
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mail Pack' })).toBeInTheDocument();
    expect(router.state.location.pathname).toMatch(/^\/service-plans\/plan-\d+$/);
    expect(screen.getByRole('status')).toHaveTextContent('Plan "Mail Pack" created.');
  });
});
