import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockServer } from '../../test/render-app';

setupMockServer();
configure({ asyncUtilTimeout: 5000 });

const api = (path: string) => fetch(`http://localhost/api/v1${path}`).then((r) => r.json());

describe('Prototype tools: Scenario builder', { timeout: 30_000 }, () => {
  it('refuses bad values at their fields, then builds the world after confirming and says what it built', async () => {
    const { user } = await renderApp('/tools');
    const builder = await screen.findByRole('region', { name: 'Scenario builder' });
    const field = (name: string) => within(builder).getByRole('textbox', { name });

    await user.clear(field('Seed'));
    await user.type(field('Seed'), '-4');
    await user.clear(field('Subscriptions'));
    await user.type(field('Subscriptions'), '60000');
    await user.clear(field('Overused (%)'));
    await user.type(field('Overused (%)'), 'lots');
    await user.click(within(builder).getByRole('button', { name: 'Build' }));
    expect(field('Seed')).toHaveAccessibleDescription(/Enter a whole number from 0 to 4,294,967,295/);
    expect(field('Subscriptions')).toHaveAccessibleDescription(/Enter a whole number from 0 to 50,000/);
    expect(field('Overused (%)')).toHaveAccessibleDescription('Enter a percentage from 0 to 100, such as 12.5.');
    expect(field('Overused (%)')).toHaveValue('lots');
    expect(screen.queryByRole('alertdialog')).toBeNull();

    // The rules between fields are the API's: sync states together 100 % at most.
    await user.clear(field('Seed'));
    await user.type(field('Seed'), '42');
    await user.clear(field('Subscriptions'));
    await user.type(field('Subscriptions'), '40');
    await user.clear(field('Overused (%)'));
    await user.type(field('Overused (%)'), '5');
    await user.clear(field('Unsynced (%)'));
    await user.type(field('Unsynced (%)'), '60');
    await user.clear(field('Locked (%)'));
    await user.type(field('Locked (%)'), '50');
    await user.click(within(builder).getByRole('button', { name: 'Build' }));
    for (const name of ['Unsynced (%)', 'Locked (%)', 'Custom (%)']) expect(field(name)).toHaveAccessibleDescription(/together they can be 100 % at most/);

    await user.clear(field('Locked (%)'));
    await user.type(field('Locked (%)'), '12,5');
    await user.clear(field('Customers'));
    await user.type(field('Customers'), '10');
    await user.click(within(builder).getByRole('button', { name: 'Build' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace all data with the built world' });
    expect(dialog).toHaveTextContent(
      'seed 42: 10 customers, 6 service plans, 40 subscriptions (Unsynced 60%, Locked 12.5%, Custom 5%, Suspended 5%, Overused 5%)',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Build' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'World built from seed 42: 10 customers, 6 service plans, 40 subscriptions; Synced 9, Unsynced 24, Locked 5, Custom 2, suspended 2, Overused 2.',
      ),
    );
    const result = within(builder).getByRole('heading', { name: 'Built from seed 42' }).parentElement!;
    expect(result).toHaveTextContent('Unsynced24');
    expect((await api('/subscriptions?sync=unsynced')).total).toBe(24);
    expect((await api('/customers')).total).toBe(10);

    // The link builds the same world again (`?build=`, read at start-up).
    await user.click(within(builder).getByRole('button', { name: 'Copy link to this build' }));
    expect(within(builder).getByRole('textbox', { name: 'Link to this build' })).toHaveValue(
      'http://localhost:3000/subscriptions?build=42-10-40-6-0.6-0.125-0.05-0.05-0.05',
    );
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Link to this build (copied|ready)/));
  });

  it('Unsynced needs two plans, said at the field; a random seed fills the seed', async () => {
    const { user } = await renderApp('/tools');
    const builder = await screen.findByRole('region', { name: 'Scenario builder' });
    const field = (name: string) => within(builder).getByRole('textbox', { name });
    await user.clear(field('Service plans'));
    await user.type(field('Service plans'), '1');
    await user.click(within(builder).getByRole('button', { name: 'Build' }));
    expect(field('Unsynced (%)')).toHaveAccessibleDescription(/need at least 2 service plans/);
    await user.click(within(builder).getByRole('button', { name: 'Random seed' }));
    expect((field('Seed') as HTMLInputElement).value).toMatch(/^\d{1,10}$/);
    expect(field('Seed')).not.toHaveValue('2026');
  });

  it('speaks French', async () => {
    const { user } = await renderApp('/tools', { lang: 'fr' });
    const builder = await screen.findByRole('region', { name: 'Générateur de scénarios' });
    const field = within(builder).getByRole('textbox', { name: 'Dépassement (%)' });
    await user.clear(field);
    await user.type(field, '101');
    await user.click(within(builder).getByRole('button', { name: 'Générer' }));
    expect(field).toHaveAccessibleDescription('Saisissez un pourcentage de 0 à 100, par exemple 12,5.');
    expect(within(builder).getByRole('button', { name: 'Graine au hasard' })).toBeInTheDocument();
  });
});
