import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { apiRequest, type ListPage } from '../../api/http';
import type { SubscriptionItem } from '../../api/subscriptions';
import { renderApp, setupMockServer, type Scenario } from '../../test/render-app';

// Renamed on import: it is a test set-up, not a React hook.
setupMockServer();
vi.setConfig({ testTimeout: 20_000 });

/** Renders a subscription's page, found by its domain. */
async function openSubscription(domain: string, options: { scenario?: Scenario; lang?: 'en' | 'fr' } = {}) {
  const view = await renderApp('/subscriptions', options);
  const { data } = await apiRequest<ListPage<SubscriptionItem>>(`/subscriptions?q=${encodeURIComponent(domain)}`);
  const s = data.items.find((i) => i.domain === domain)!;
  await view.router.navigate(`/subscriptions/${s.id}`);
  await screen.findByRole('heading', { level: 1, name: domain }, { timeout: 5000 });
  return { ...view, id: s.id };
}

const fetchSubscription = async (id: string) => (await apiRequest<SubscriptionItem>(`/subscriptions/${id}`)).data;
const status = () => screen.getByRole('status');

describe('Subscription page', () => {
  it('shows the summary and its values beside the plan’s, differences explained', async () => {
    await openSubscription('shop.example.com', { scenario: 'sync-failure' });
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(within(summary).getByRole('link', { name: 'Premium' })).toHaveAttribute('href', '/service-plans/plan-0003');
    expect(within(summary).getByRole('button', { name: 'Unsynced' })).toBeInTheDocument();
    expect(within(summary).getByText(/lacks some resources or permissions its plan offers, because/)).toBeInTheDocument();
    expect(within(summary).getByText('blog.shop.example.com')).toBeInTheDocument();

    const permissions = await screen.findByRole('table', { name: 'Permissions' });
    const row = within(permissions).getByRole('rowheader', { name: 'PHP version and handler management' }).closest('tr')!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Off', 'On', 'Not provisioned: you lack it']);
    expect(screen.getByText(/1 value differs from the plan/)).toBeInTheDocument();
  });

  it('Synchronize → Synchronization failed grid → Cancel changes nothing', async () => {
    const { user, id } = await openSubscription('shop.example.com', { scenario: 'sync-failure' });
    const before = await fetchSubscription(id);
    const sync = screen.getByRole('button', { name: 'Synchronize' });
    await user.click(sync);
    const dialog = await screen.findByRole('dialog', { name: 'Synchronization failed' });
    const grid = within(dialog).getByRole('table');
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Domain', 'Resource or permission', 'Plan value', 'Available value']);
    const rows = within(grid)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['shop.example.com', 'PHP version and handler management', 'On', 'Off'],
      ['blog.shop.example.com', 'PHP version and handler management', 'On', 'Off'],
    ]);
    expect(dialog).toHaveTextContent("The plan includes resources or permissions you don't have access to");
    expect(within(dialog).getByRole('link', { name: 'Remove these items from the plan' })).toHaveAttribute('href', '/service-plans/plan-0003');
    expect(within(dialog).getByRole('link', { name: 'Overview of my resources and permissions' })).toHaveAttribute('href', '/resources');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(status()).toHaveTextContent('nothing changed');
    expect(await fetchSubscription(id)).toEqual(before);
    await waitFor(() => expect(sync).toHaveFocus());
  });

  it('OK in the failure dialog is refused (412) when another tab changed the subscription meanwhile', async () => {
    const { user, id } = await openSubscription('shop.example.com', { scenario: 'sync-failure' });
    await user.click(screen.getByRole('button', { name: 'Synchronize' }));
    const dialog = await screen.findByRole('dialog', { name: 'Synchronization failed' });
    await apiRequest(`/subscriptions/${id}/suspend`, { method: 'POST' });
    const before = await fetchSubscription(id);
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/changed/);
    const { etag: _a, ...was } = before;
    const { etag: _b, ...now } = await fetchSubscription(id);
    expect(now).toEqual(was);
  });

  it('OK in the failure dialog applies the available values and leaves it Unsynced', async () => {
    const { user, id } = await openSubscription('shop.example.com', { scenario: 'sync-failure' });
    await user.click(screen.getByRole('button', { name: 'Synchronize' }));
    const dialog = await screen.findByRole('dialog', { name: 'Synchronization failed' });
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(status()).toHaveTextContent('Available values applied to shop.example.com: it stays Unsynced');
    const after = await fetchSubscription(id);
    expect(after.syncState).toBe('unsynced');
    expect(after.values.permissions.manage_php_version).toBe(false);
    expect(screen.getByRole('region', { name: 'Summary' })).toHaveTextContent('Unsynced');
  });

  it('the seed example in French: Synchroniser → Échec de la synchronisation → Annuler', async () => {
    const { user } = await openSubscription('shop.example.com', { scenario: 'sync-failure', lang: 'fr' });
    await user.click(screen.getByRole('button', { name: 'Synchroniser' }));
    const dialog = await screen.findByRole('dialog', { name: 'Échec de la synchronisation' });
    expect(
      within(dialog)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Domaine', 'Ressource ou droit', 'Valeur du pack', 'Valeur disponible']);
    expect(within(dialog).getAllByRole('cell', { name: 'Gestion de la version et du gestionnaire PHP' })).toHaveLength(2);
    expect(within(dialog).getByRole('link', { name: 'Aperçu de mes ressources et de leurs droits' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('region', { name: 'Résumé' })).toHaveTextContent('Désynchronisé');
  });

  it('Synchronize succeeds once the provider grants what was missing', async () => {
    const { user } = await openSubscription('shop.example.com', { scenario: 'sync-failure' });
    await apiRequest('/_mock/provider', { method: 'PATCH', body: { permissions: { manage_php_version: true } } });
    await user.click(screen.getByRole('button', { name: 'Synchronize' }));
    await waitFor(() => expect(status()).toHaveTextContent('shop.example.com synchronized'));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Summary' })).toHaveTextContent('Synced'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('Customize warns that it locks, then the subscription is Locked and the difference is marked', async () => {
    const { user, id, router } = await openSubscription('obrien-law.ie');
    await user.click(screen.getByRole('button', { name: 'Customize' }));
    const form = await screen.findByRole('region', { name: 'Customize obrien-law.ie' });
    for (const legend of ['Resources', 'Permissions', 'Hosting parameters', 'PHP settings']) {
      expect(within(form).getByRole('group', { name: legend })).toBeInTheDocument();
    }
    const mailboxes = within(form).getByLabelText('Mailboxes');
    await user.clear(mailboxes);
    await user.type(mailboxes, '7');
    await user.click(within(form).getByRole('checkbox', { name: 'Disk space: Unlimited' }));
    expect(within(form).getByLabelText('Disk space')).toBeDisabled();
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Lock the subscription?' });
    expect(confirm).toHaveTextContent('Saving these values locks obrien-law.ie');
    await user.click(within(confirm).getByRole('button', { name: 'Save and lock' }));
    // Unlimited disk space is more than the reseller's 500 GB: refused at the field, input kept.
    const diskError = await within(form).findByText('This is more than you can provide: at most 500 GB is available.');
    expect(within(form).getByLabelText('Disk space')).toHaveAccessibleDescription(diskError.textContent!);
    expect(within(form).getByRole('checkbox', { name: 'Disk space: Unlimited' })).toBeChecked();
    expect(within(form).getByLabelText('Mailboxes')).toHaveValue(7);
    expect((await fetchSubscription(id)).syncState).not.toBe('locked');
    await user.click(within(form).getByRole('checkbox', { name: 'Disk space: Unlimited' }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const again = await screen.findByRole('alertdialog', { name: 'Lock the subscription?' });
    await user.click(within(again).getByRole('button', { name: 'Save and lock' }));
    await waitFor(() => expect(status()).toHaveTextContent('obrien-law.ie customized: it is now Locked.'));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    // The form is gone: the focus is back on the button that opened it.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Customize' })).toHaveFocus());
    const after = await fetchSubscription(id);
    expect(after.syncState).toBe('locked');
    expect(after.values.resources.max_box).toBe(7);

    const resources = await screen.findByRole('table', { name: 'Resources' }, { timeout: 5000 });
    const row = within(resources).getByRole('rowheader', { name: 'Mailboxes' }).closest('tr')!;
    expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('7');
    expect(within(row).getAllByRole('cell')[2]).toHaveTextContent('Customized');
    // A locked subscription cannot be synchronized: the button says why.
    const sync = screen.getByRole('button', { name: 'Synchronize' });
    expect(sync).toHaveAttribute('aria-disabled', 'true');
    expect(sync).toHaveAccessibleDescription(/A locked subscription ignores its plan: use Unlock and Sync/);
  });

  it('Customize shows invalid values at the field and keeps what was typed', async () => {
    const { user } = await openSubscription('obrien-law.ie');
    await user.click(screen.getByRole('button', { name: 'Customize' }));
    const form = await screen.findByRole('region', { name: 'Customize obrien-law.ie' });
    const memory = within(form).getByLabelText('memory_limit');
    await user.clear(memory);
    await user.type(memory, 'lots');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('Enter a number, optionally followed by K, M or G (for example 128M).')).toBeInTheDocument();
    expect(memory).toHaveValue('lots');
    expect(memory).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByRole('alert')).toHaveTextContent('Some values are not valid');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('Unlock and Sync brings a locked subscription back to its plan', async () => {
    const { user, id } = await openSubscription('schneider-consulting.com');
    expect(screen.getByRole('region', { name: 'Summary' })).toHaveTextContent('Locked');
    await user.click(screen.getByRole('button', { name: 'Unlock and Sync' }));
    await waitFor(() => expect(status()).toHaveTextContent('schneider-consulting.com synchronized'));
    expect((await fetchSubscription(id)).syncState).toBe('synced');
  });

  it('a custom subscription explains why it cannot be synchronized', async () => {
    await openSubscription('atlastravel.com');
    expect(screen.getByRole('button', { name: 'Synchronize' })).toHaveAccessibleDescription(/A custom subscription has no plan/);
    // Unlock and Sync appears only on a locked subscription.
    expect(screen.queryByRole('button', { name: 'Unlock and Sync' })).not.toBeInTheDocument();
    expect(await screen.findByText('A custom subscription has no plan: these values are its own.')).toBeInTheDocument();
  });

  it('a stale write says so and Reload record refetches', async () => {
    const { user, id } = await openSubscription('obrien-law.ie');
    // Another tab suspends and re-activates it: the page's ETag is now stale.
    await apiRequest(`/subscriptions/${id}/suspend`, { method: 'POST' });
    await apiRequest(`/subscriptions/${id}/activate`, { method: 'POST' });
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this record');
    await user.click(within(alert).getByRole('button', { name: 'Reload record' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    await waitFor(() => expect(status()).toHaveTextContent('Subscription obrien-law.ie suspended.'));
    expect(screen.getByRole('button', { name: 'Suspend' })).toHaveAccessibleDescription(/The subscription is already suspended\./);
  });

  it("Change Plan does not discard another tab's customization: 412, the stale notice, nothing changed", async () => {
    const { user, id } = await openSubscription('obrien-law.ie');
    // Another tab customizes it meanwhile (it is now Locked with max_db 9).
    await apiRequest(`/subscriptions/${id}/values`, { method: 'PUT', body: { resources: { max_db: 9 } } });
    await user.click(screen.getByRole('button', { name: 'Change Plan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change Plan' });
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this record');
    const after = await fetchSubscription(id);
    expect(after).toMatchObject({ syncState: 'locked' });
    expect(after.values.resources.max_db).toBe(9);
  });

  it('Remove names its websites and returns to the list', async () => {
    const { user, router } = await openSubscription('pacific-imports.co.uk');
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove subscription' });
    expect(dialog).toHaveTextContent('Remove pacific-imports.co.uk? Its 3 websites are removed too:');
    expect(within(dialog).getByText('shop.pacific-imports.co.uk')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/subscriptions'));
    expect(status()).toHaveTextContent('Subscription pacific-imports.co.uk removed with its websites.');
  });

  it('Change Plan and Change Subscriber from the page', async () => {
    const { user, id } = await openSubscription('obrien-law.ie');
    await user.click(screen.getByRole('button', { name: 'Change Plan' }));
    let dialog = await screen.findByRole('dialog', { name: 'Change Plan' });
    await user.selectOptions(await within(dialog).findByLabelText('Service plan'), 'Business');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(status()).toHaveTextContent(/Plan changed for obrien-law\.ie: now (Synced|Unsynced)/));
    expect((await fetchSubscription(id)).planName).toBe('Business');

    await user.click(screen.getByRole('button', { name: 'Change Subscriber' }));
    dialog = await screen.findByRole('dialog', { name: 'Change Subscriber' });
    await user.selectOptions(within(dialog).getByLabelText('Subscriber'), '');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(status()).toHaveTextContent('The subscriber of obrien-law.ie was changed.'));
    expect((await fetchSubscription(id)).ownerId).toBeNull();
  });

  it('an unknown subscription says so', async () => {
    await renderApp('/subscriptions/sub-99999');
    expect(await screen.findByText(/This subscription does not exist/, undefined, { timeout: 5000 })).toBeInTheDocument();
  });
});
