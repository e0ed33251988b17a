import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { AppScreen } from './app-screen';

/**
 * Every screen of the panel on the real mock API (same handlers as the app), one story per key
 * state: scenario, faults on, empty lists, English / French (toolbar), phone width. Links and
 * buttons work: a story is a starting point to click through.
 */
const meta = {
  title: 'Screens',
  component: AppScreen,
  parameters: { layout: 'fullscreen', appRouter: true },
} satisfies Meta<typeof AppScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

const phone = { viewport: { value: 'phone', isRotated: false } };

export const Home: Story = { args: { path: '/' } };
export const HomeEmpty: Story = { name: 'Home (empty scenario)', args: { path: '/' }, parameters: { scenario: 'empty' } };
export const HomeFrench: Story = { name: 'Home (French)', args: { path: '/' }, globals: { locale: 'fr' } };
export const HomePhone: Story = {
  name: 'Home (phone, menu open)',
  args: { path: '/' },
  globals: phone,
  tags: ['narrow'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Menu' }));
    await expect(await canvas.findByRole('navigation', { name: 'Main' })).toBeVisible();
  },
};
export const Resources: Story = { name: 'Overview of my resources', args: { path: '/resources' } };
export const FaultsOn: Story = { name: 'Home (faults on: every request fails)', args: { path: '/' }, parameters: { mockSettings: { failureRate: 1 } } };

export const Customers: Story = { args: { path: '/customers' } };
export const CustomersEmpty: Story = { name: 'Customers (empty)', args: { path: '/customers' }, parameters: { scenario: 'empty' } };
export const Customer: Story = { name: 'Customer page', args: { path: '/customers/cus-0001' } };
export const CustomerSuspended: Story = { name: 'Customer page (suspended)', args: { path: '/customers/cus-0008' } };
export const AddCustomer: Story = { args: { path: '/customers/new' } };
export const AddCustomerPhone: Story = { name: 'Add Customer (phone)', args: { path: '/customers/new' }, globals: phone, tags: ['narrow'] };

export const Subscriptions: Story = { args: { path: '/subscriptions' } };
export const SubscriptionsPhone: Story = { name: 'Subscriptions (phone: stacked rows)', args: { path: '/subscriptions' }, globals: phone, tags: ['narrow'] };
export const SubscriptionsLarge: Story = {
  name: 'Subscriptions (large scenario: 10,000)',
  args: { path: '/subscriptions' },
  parameters: { scenario: 'large' },
};
export const SubscriptionsEmpty: Story = { name: 'Subscriptions (empty)', args: { path: '/subscriptions' }, parameters: { scenario: 'empty' } };
export const SubscriptionsUnsynced: Story = { name: 'Subscriptions (filter: Unsynced)', args: { path: '/subscriptions?sync=unsynced' } };
export const SubscriptionSynced: Story = { name: 'Subscription (Synced)', args: { path: '/subscriptions/sub-00001' } };
export const SubscriptionCustom: Story = { name: 'Subscription (Custom)', args: { path: '/subscriptions/sub-00016' } };
export const SubscriptionSuspended: Story = { name: 'Subscription (suspended, customer suspended)', args: { path: '/subscriptions/sub-00013' } };
export const SubscriptionPhone: Story = { name: 'Subscription (phone)', args: { path: '/subscriptions/sub-00001' }, globals: phone, tags: ['narrow'] };
export const SubscriptionFrench: Story = {
  name: 'Subscription (French, Unsynced)',
  args: { path: '/subscriptions/sub-00001' },
  parameters: { scenario: 'sync-failure' },
  globals: { locale: 'fr' },
};
export const SubscriptionUnsynced: Story = {
  name: 'Subscription (Unsynced)',
  args: { path: '/subscriptions/sub-00001' },
  parameters: { scenario: 'sync-failure' },
};

const openFailureDialog: Story['play'] = async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  await userEvent.click(await canvas.findByRole('button', { name: 'Synchronize' }));
  // The dialog's content is a lazy chunk: wait until it has rendered, not just its frame.
  await waitFor(() => expect(screen.getByRole('dialog', { name: 'Synchronization failed' })).toBeVisible(), { timeout: 5000 });
};
export const SyncFailureDialog: Story = {
  name: 'Synchronization failed dialog',
  args: { path: '/subscriptions/sub-00001' },
  parameters: { scenario: 'sync-failure' },
  play: openFailureDialog,
};
export const SyncFailureDialogPhone: Story = {
  name: 'Synchronization failed dialog (phone)',
  args: { path: '/subscriptions/sub-00001' },
  parameters: { scenario: 'sync-failure' },
  globals: phone,
  tags: ['narrow'],
  play: openFailureDialog,
};
export const AddSubscription: Story = { args: { path: '/subscriptions/new' } };
export const SubscriptionsFaultsOn: Story = {
  name: 'Subscriptions (faults on: slow, every request fails)',
  args: { path: '/subscriptions' },
  parameters: { mockSettings: { failureRate: 1, latencyMs: 300 } },
};
export const PlanPhone: Story = { name: 'Plan page (phone)', args: { path: '/service-plans/plan-0003' }, globals: phone, tags: ['narrow'] };
export const ToolsPhone: Story = { name: 'Prototype tools (phone)', args: { path: '/tools' }, globals: phone, tags: ['narrow'] };

export const ServicePlans: Story = { args: { path: '/service-plans' } };
export const AddOnPlans: Story = { name: 'Service Plans (add-ons)', args: { path: '/service-plans?kind=addon' } };
export const Plan: Story = { name: 'Plan page (Premium)', args: { path: '/service-plans/plan-0003' } };
export const AddPlan: Story = { args: { path: '/service-plans/new' } };

export const Tools: Story = { name: 'Prototype tools', args: { path: '/tools' } };
/** The Scenario builder after a build: the counts built and the link to this build. */
export const ToolsBuilderBuilt: Story = {
  name: 'Prototype tools (Scenario builder: built)',
  args: { path: '/tools' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const builder = await canvas.findByRole('region', { name: 'Scenario builder' });
    await userEvent.click(within(builder).getByRole('button', { name: 'Build' }));
    await userEvent.click(
      within(await screen.findByRole('alertdialog', { name: 'Replace all data with the built world' })).getByRole('button', { name: 'Build' }),
    );
    await within(builder).findByRole('heading', { name: 'Built from seed 2026' }, { timeout: 10_000 });
    await userEvent.click(within(builder).getByRole('button', { name: 'Copy link to this build' }));
    await expect(await within(builder).findByRole('textbox', { name: 'Link to this build' })).toBeVisible();
  },
};
export const NotFound: Story = { name: 'Page not found', args: { path: '/no-such-page' } };
