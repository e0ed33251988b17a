import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent } from 'storybook/test';
import { StatusBadge, SyncStateBadge } from './sync-state-badge';

/**
 * Sync states (Synced, Unsynced, Locked, Custom) with a tooltip saying why (on hover, and on
 * keyboard focus: the badge is a button), and the Active / Suspended status.
 */
const meta = {
  title: 'Components/Badges',
  component: SyncStateBadge,
  args: { state: 'synced' },
} satisfies Meta<typeof SyncStateBadge>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Synced: Story = {};
export const Unsynced: Story = { args: { state: 'unsynced' } };
export const Locked: Story = { args: { state: 'locked' } };
export const Custom: Story = { args: { state: 'custom' } };
export const WithTooltip: Story = {
  name: 'Unsynced, tooltip shown (keyboard focus)',
  args: { state: 'unsynced' },
  play: async () => {
    await userEvent.tab();
    await expect(await screen.findByRole('tooltip')).toBeVisible();
  },
};
export const AllStates: Story = {
  name: 'All states and statuses',
  render: () => (
    <p className="checkbox-row">
      <SyncStateBadge state="synced" />
      <SyncStateBadge state="unsynced" />
      <SyncStateBadge state="locked" />
      <SyncStateBadge state="custom" />
      <StatusBadge status="active" />
      <StatusBadge status="suspended" />
    </p>
  ),
};
export const Active: StoryObj<typeof StatusBadge> = { render: () => <StatusBadge status="active" /> };
export const Suspended: StoryObj<typeof StatusBadge> = { render: () => <StatusBadge status="suspended" /> };
