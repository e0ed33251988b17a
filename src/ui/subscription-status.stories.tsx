import type { Meta, StoryObj } from '@storybook/react-vite';
import { SubscriptionStatus } from './subscription-status';

/** A subscription's status with why it is suspended (SPEC §5's names) and what it overuses. */
const meta = { title: 'Components/SubscriptionStatus', component: SubscriptionStatus, args: { status: 'active' } } satisfies Meta<typeof SubscriptionStatus>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Active: Story = {};
export const SuspendedByYou: Story = { args: { status: 'suspended', suspendedBy: ['reseller'] } };
export const CustomerSuspended: Story = { args: { status: 'suspended', suspendedBy: ['customer'] } };
export const ExpiredAndOveruse: Story = { args: { status: 'suspended', suspendedBy: ['expired', 'overuse'], overused: ['disk_space'] } };
export const OverusedButActive: Story = { args: { status: 'active', overused: ['disk_space', 'max_traffic'] } };
