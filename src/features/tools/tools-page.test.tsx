import { configure, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, setupMockServer } from '../../test/render-app';

setupMockServer();
configure({ asyncUtilTimeout: 5000 });

const api = (path: string, init?: RequestInit) =>
  fetch(`http://localhost/api/v1${path}`, { ...init, headers: { 'Content-Type': 'application/json' } }).then((r) => r.json());

// Settings outlive a scenario reset: put them back so other tests run without faults.
afterEach(async () => {
  await api('/_mock/settings', { method: 'PUT', body: JSON.stringify({ latencyMs: 0, failureRate: 0 }) });
});

describe('Prototype tools', { timeout: 20_000 }, () => {
  it('applies latency and fault rate, refusing bad values at the field', async () => {
    const { user } = await renderApp('/tools');
    expect(await screen.findByRole('heading', { level: 1, name: 'Prototype tools' })).toBeInTheDocument();
    const latency = await screen.findByLabelText('Latency (ms)');
    await waitFor(() => expect(latency).toHaveValue('0'));
    await user.clear(latency);
    await user.type(latency, '-3');
    await user.click(screen.getByRole('button', { name: 'Apply settings' }));
    expect(latency).toHaveAccessibleDescription(/whole number of milliseconds/);
    expect(await api('/_mock/settings')).toEqual({ latencyMs: 0, failureRate: 0 });

    await user.clear(latency);
    await user.type(latency, '20');
    const rate = screen.getByLabelText('Failure rate');
    await user.clear(rate);
    await user.type(rate, '0,5');
    await user.click(screen.getByRole('button', { name: 'Apply settings' }));
    expect(await screen.findByText('Mock settings applied: latency 20 ms, failure rate 0.5.')).toBeInTheDocument();
    expect(await api('/_mock/settings')).toEqual({ latencyMs: 20, failureRate: 0.5 });
    // Every screen now says faults are on, with the way out.
    expect(await screen.findByText(/Simulated faults are on: latency 20 ms, failure rate 0.5/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Turn off simulated faults' }));
    expect(await screen.findByText(/Simulated faults turned off/)).toBeInTheDocument();
    expect(await api('/_mock/settings')).toEqual({ latencyMs: 0, failureRate: 0 });
  });

  it('refuses a file that is not JSON, and imports a valid one after confirming', async () => {
    const { user } = await renderApp('/tools', { scenario: 'empty' });
    const input = await screen.findByLabelText('State file to import');
    await user.click(screen.getByRole('button', { name: 'Import state' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose a JSON file to import first.');

    await user.upload(input, new File(['{ nope'], 'broken.json', { type: 'application/json' }));
    await user.click(screen.getByRole('button', { name: 'Import state' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('broken.json is not a JSON file. Nothing was changed.');

    await api('/_mock/reset', { method: 'POST', body: JSON.stringify({ scenario: 'sync-failure' }) });
    const doc = await api('/_mock/state');
    await api('/_mock/reset', { method: 'POST', body: JSON.stringify({ scenario: 'empty' }) });
    await user.upload(input, new File([JSON.stringify(doc)], 'saved.json', { type: 'application/json' }));
    await user.click(screen.getByRole('button', { name: 'Import state' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace all data with saved.json' });
    expect(dialog).toHaveTextContent('2 customers, 5 service plans, 3 subscriptions');
    await user.click(within(dialog).getByRole('button', { name: 'Import state' }));
    expect(await screen.findByText('State imported from saved.json: 2 customers, 5 service plans, 3 subscriptions.')).toBeInTheDocument();
    expect((await api('/customers')).total).toBe(2);
  });

  it('provider simulator: grants a permission', async () => {
    const { user } = await renderApp('/tools', { scenario: 'sync-failure' });
    const provider = await screen.findByRole('region', { name: 'Hosting provider simulator' });
    const php = await within(provider).findByRole('checkbox', { name: 'PHP version and handler management' });
    expect(php).not.toBeChecked();
    await user.click(php);
    await user.click(within(provider).getByRole('button', { name: 'Apply provider changes' }));
    expect(await screen.findByText('Provider changes applied to your allocation.')).toBeInTheDocument();
    expect((await api('/reseller')).permissions.manage_php_version).toBe(true);
  });

  it('Advance time moves the mock clock by a day, a month or to a date; a bad date is refused at the field', async () => {
    const { user } = await renderApp('/tools');
    const clock = await screen.findByRole('region', { name: 'Advance time' });
    await within(clock).findByText('Jan 1, 2026');
    await user.click(within(clock).getByRole('button', { name: '+1 day' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent("The panel's clock now reads Jan 2, 2026."));
    await user.click(within(clock).getByRole('button', { name: '+1 month' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent("The panel's clock now reads Feb 2, 2026."));
    const date = within(clock).getByLabelText('Date');
    await user.type(date, 'soon');
    await user.click(within(clock).getByRole('button', { name: 'Set the clock' }));
    expect(date).toHaveAccessibleDescription(/Enter a date such as 2026-02-01/);
    expect((await api('/_mock/clock')).now).toBe('2026-02-02T00:00:00.000Z');
  });

  it("Simulated usage sets a website's disk space: above the limit it is Overused", async () => {
    const { user } = await renderApp('/tools');
    const usage = await screen.findByRole('region', { name: 'Simulated usage' });
    await user.type(within(usage).getByLabelText('Website'), 'nowhere.example');
    await user.type(within(usage).getByLabelText('Disk space used (MB)'), '10');
    await user.click(within(usage).getByRole('button', { name: 'Set usage' }));
    await waitFor(() => expect(within(usage).getByLabelText('Website')).toHaveAccessibleDescription('No subscription hosts this website.'));
    await user.clear(within(usage).getByLabelText('Website'));
    await user.type(within(usage).getByLabelText('Website'), 'obrien-law.ie');
    await user.clear(within(usage).getByLabelText('Disk space used (MB)'));
    await user.type(within(usage).getByLabelText('Disk space used (MB)'), '6000');
    await user.click(within(usage).getByRole('button', { name: 'Set usage' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Usage of obrien-law.ie updated.'));
    const { items } = await api('/subscriptions?q=obrien-law.ie');
    expect(items[0]).toMatchObject({ overused: ['disk_space'], status: 'suspended', suspendedBy: ['overuse'] });
  });

  it('speaks French', async () => {
    await renderApp('/tools', { lang: 'fr' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Outils de prototypage' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Réinitialiser les données' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: "Simulateur de fournisseur d'hébergement" })).toBeInTheDocument();
  });
});
