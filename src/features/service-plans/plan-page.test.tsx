import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SubscriptionItem } from '../../api/subscriptions';
import type { ListPage } from '../../api/http';
import { renderApp, setupMockServer } from '../../test/render-app';

setupMockServer();
configure({ asyncUtilTimeout: 5000 });

const BUSINESS = 'plan-0002';
const STARTER = 'plan-0001';

async function subscriptionsOf(planId: string) {
  const res = await fetch(`http://localhost/api/v1/subscriptions?planId=${planId}&pageSize=100`);
  return ((await res.json()) as ListPage<SubscriptionItem>).items;
}

describe('Plan page', { timeout: 20_000 }, () => {
  it('labels every field from the catalogue and shows sizes with units', async () => {
    const { user } = await renderApp(`/service-plans/${BUSINESS}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Business' })).toBeInTheDocument();
    expect(screen.getByLabelText('Plan name')).toHaveValue('Business');
    expect(screen.getByLabelText('Disk space')).toHaveValue('25');
    expect(screen.getByRole('combobox', { name: 'Unit of Disk space' })).toHaveValue('GB');
    expect(screen.getByLabelText('Mailboxes')).toHaveValue('50');
    expect(screen.getByLabelText('Overuse policy')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Expiration date: Unlimited' })).toBeChecked();
    for (const tab of ['Resources', 'Permissions', 'Hosting parameters', 'PHP settings']) {
      expect(screen.getByRole('tab', { name: tab })).toBeInTheDocument();
    }
    await user.click(screen.getByRole('tab', { name: 'Permissions' }));
    expect(screen.getByRole('checkbox', { name: 'DNS zone management' })).toBeChecked();
    await user.click(screen.getByRole('tab', { name: 'Hosting parameters' }));
    expect(screen.getByLabelText('PHP handler')).toHaveValue('plesk-php84-fpm');
    expect(screen.getByLabelText('Web statistics')).toHaveValue('awstats');
    await user.click(screen.getByRole('tab', { name: 'PHP settings' }));
    expect(screen.getByLabelText('memory_limit')).toHaveValue('256M');
  });

  it('Update & Sync: unlocked subscriptions follow, locked ones keep their values', async () => {
    const { user } = await renderApp(`/service-plans/${BUSINESS}`);
    await screen.findByRole('heading', { level: 1, name: 'Business' });
    expect(screen.getByText('6 unlocked subscriptions will follow it')).toBeInTheDocument();
    expect(screen.getByText('2 locked subscriptions will be skipped')).toBeInTheDocument();
    const mailboxes = screen.getByLabelText('Mailboxes');
    await user.clear(mailboxes);
    await user.type(mailboxes, '60');
    await user.click(screen.getByRole('button', { name: 'Update & Sync' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Plan updated: 6 subscriptions synced, 0 left unsynced, 2 skipped because locked'),
    );
    const subs = await subscriptionsOf(BUSINESS);
    const onPlan = subs.filter((s) => s.planId === BUSINESS);
    for (const s of onPlan.filter((x) => !x.locked)) expect(s.values.resources.max_box).toBe(60);
    expect(onPlan.find((s) => s.domain === 'schneider-consulting.com')?.values.resources.max_box).toBe(80);
    expect(onPlan.find((s) => s.domain === 'northwind-status.net')?.values.resources.max_box).toBe(50);
    expect(mailboxes).toHaveValue('60');
  });

  it('marks what the reseller lacks before saving, and the report says who is left unsynced', async () => {
    const { user } = await renderApp(`/service-plans/${STARTER}`);
    await screen.findByRole('heading', { level: 1, name: 'Starter' });
    expect(screen.queryByText(/will end Unsynced/)).not.toBeInTheDocument();

    // A size above the reseller's own limit (500 GB).
    const disk = screen.getByLabelText('Disk space');
    await user.clear(disk);
    await user.type(disk, '600');
    expect(disk).toHaveAccessibleDescription(/Not available to you\s+you can provide at most 500 GB/);

    // A permission the provider did not give.
    await user.click(screen.getByRole('tab', { name: 'Permissions' }));
    const performance = screen.getByRole('checkbox', { name: 'Hosting performance settings management' });
    expect(performance).not.toHaveAccessibleDescription(/Not available/);
    await user.click(performance);
    expect(performance).toHaveAccessibleDescription(/Not available to you/);
    expect(screen.getByText('Not available to you: Disk space, Hosting performance settings management.')).toBeInTheDocument();
    const preview = await screen.findByText('8 subscriptions will end Unsynced:');
    const names = within(preview.closest('.notice') as HTMLElement).getAllByRole('listitem');
    expect(names).toHaveLength(8);

    await user.click(screen.getByRole('button', { name: 'Update & Sync' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Plan updated: 0 subscriptions synced, 8 left unsynced, 2 skipped because locked'),
    );
    expect(screen.getByRole('link', { name: 'Show the 8 subscriptions left unsynced' })).toHaveAttribute(
      'href',
      `/subscriptions?planId=${STARTER}&sync=unsynced`,
    );
    const unsynced = (await subscriptionsOf(STARTER)).filter((s) => s.syncState === 'unsynced');
    expect(unsynced).toHaveLength(8);
  });

  it('the preview counts shared limits (overselling off) and add-ons, exactly as the save then does', async () => {
    const { user } = await renderApp(`/service-plans/${STARTER}`);
    await screen.findByRole('heading', { level: 1, name: 'Starter' });
    // Nothing the plan asks is beyond a limit on its own, but the shared 500 GB is already held.
    await fetch('http://localhost/api/v1/_mock/provider', { method: 'PATCH', body: JSON.stringify({ oversell: false }) });
    const disk = screen.getByLabelText('Disk space');
    await user.clear(disk);
    await user.type(disk, '6');
    expect(screen.queryByText(/^Not available to you:/)).not.toBeInTheDocument();
    const title = await screen.findByText(/^\d+ subscriptions? will end Unsynced:$/);
    const predicted = Number(/^(\d+)/.exec(title.textContent ?? '')![1]);
    const notice = title.closest('.notice') as HTMLElement;
    const domains = within(notice)
      .getAllByRole('link')
      .map((a) => a.textContent)
      .filter((d) => d !== "Show this plan's subscriptions");
    expect(predicted).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Update & Sync' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${predicted} left unsynced`));
    const unsynced = (await subscriptionsOf(STARTER)).filter((s) => s.syncState === 'unsynced').map((s) => s.domain);
    expect(unsynced.sort()).toEqual(domains.sort());
  });

  it('shows an invalid value at its field, on its tab, and keeps what was typed', async () => {
    const { user } = await renderApp(`/service-plans/${BUSINESS}`);
    await screen.findByRole('heading', { level: 1, name: 'Business' });
    await user.click(screen.getByRole('tab', { name: 'PHP settings' }));
    const memory = screen.getByLabelText('memory_limit');
    await user.clear(memory);
    await user.type(memory, 'lots');
    await user.click(screen.getByRole('tab', { name: 'Resources' }));
    const mailboxes = screen.getByLabelText('Mailboxes');
    await user.clear(mailboxes);
    await user.type(mailboxes, '1.5');
    await user.click(screen.getByRole('button', { name: 'Update & Sync' }));
    await waitFor(() => expect(screen.getByLabelText('Mailboxes')).toHaveAccessibleDescription('Enter a whole number, such as 10.'));
    await user.clear(screen.getByLabelText('Mailboxes'));
    await user.type(screen.getByLabelText('Mailboxes'), '12');
    await user.click(screen.getByRole('button', { name: 'Update & Sync' }));
    // The remaining error is on another tab: the page goes there.
    await waitFor(() => expect(screen.getByRole('tab', { name: 'PHP settings' })).toHaveAttribute('aria-selected', 'true'));
    expect(screen.getByLabelText('memory_limit')).toHaveValue('lots');
    expect(screen.getByLabelText('memory_limit')).toHaveAccessibleDescription(/for example 128M/);
  });

  it('Unlimited stores -1', async () => {
    const { user } = await renderApp(`/service-plans/${BUSINESS}`);
    await screen.findByRole('heading', { level: 1, name: 'Business' });
    await user.click(screen.getByRole('checkbox', { name: 'Databases: Unlimited' }));
    expect(screen.getByLabelText('Databases')).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Update & Sync' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Plan updated/));
    const plan = (await (await fetch(`http://localhost/api/v1/service-plans/${BUSINESS}`)).json()) as { values: { resources: { max_db: number } } };
    expect(plan.values.resources.max_db).toBe(-1);
  });

  it('a stale record (412) offers to reload it, keeping the typed values until then', async () => {
    const { user } = await renderApp(`/service-plans/${BUSINESS}`);
    await screen.findByRole('heading', { level: 1, name: 'Business' });
    // Someone else renames the plan meanwhile.
    await fetch(`http://localhost/api/v1/service-plans/${BUSINESS}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Business 2026' }),
    });
    const mailboxes = screen.getByLabelText('Mailboxes');
    await user.clear(mailboxes);
    await user.type(mailboxes, '70');
    await user.click(screen.getByRole('button', { name: 'Update & Sync' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this record');
    expect(mailboxes).toHaveValue('70');
    await user.click(within(alert).getByRole('button', { name: 'Reload record' }));
    // What was typed is not discarded unasked: Keep first, then Discard and reload.
    let confirm = await screen.findByRole('alertdialog', { name: 'Reload the record and discard what you typed?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByLabelText('Mailboxes')).toHaveValue('70');
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Reload record' }));
    confirm = await screen.findByRole('alertdialog', { name: 'Reload the record and discard what you typed?' });
    await user.click(within(confirm).getByRole('button', { name: 'Discard and reload' }));
    await waitFor(() => expect(screen.getByLabelText('Plan name')).toHaveValue('Business 2026'));
    expect(screen.getByLabelText('Mailboxes')).toHaveValue('50');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('speaks French: catalogue labels, units and the save button', async () => {
    const { user } = await renderApp(`/service-plans/${STARTER}`, { lang: 'fr' });
    await screen.findByRole('heading', { level: 1, name: 'Starter' });
    expect(screen.getByLabelText('Espace disque')).toHaveValue('5');
    expect(screen.getByRole('combobox', { name: 'Unité : Espace disque' })).toHaveDisplayValue('Go');
    await user.click(screen.getByRole('tab', { name: 'Droits' }));
    const performance = screen.getByRole('checkbox', { name: "Gestion des paramètres de performances de l'hébergement" });
    await user.click(performance);
    expect(performance).toHaveAccessibleDescription(/Non disponible pour vous/);
    expect(await screen.findByText('8 abonnements finiront Désynchronisés :')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Mettre à jour et synchroniser' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Pack mis à jour : 0 abonnement synchronisé, 8 restés désynchronisés, 2 ignorés car verrouillés'),
    );
  });

  it('says when the plan does not exist', async () => {
    await renderApp('/service-plans/plan-9999');
    expect(await screen.findByRole('heading', { level: 1, name: 'Service plan not found' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/plan-9999/);
  });
});
