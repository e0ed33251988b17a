import type { Meta, StoryObj } from '@storybook/react-vite';
import { UsageMeter } from './usage-meter';

/** Used against allocated, as a bar with its words for screen readers. */
const meta = {
  title: 'Components/UsageMeter',
  component: UsageMeter,
  args: { label: 'Disk space used', used: 3, allocated: 10, valueText: '3 GB used of 10 GB' },
} satisfies Meta<typeof UsageMeter>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Partly: Story = {};
export const Full: Story = { args: { used: 10, valueText: '10 GB used of 10 GB' } };
export const Over: Story = { args: { used: 14, valueText: '14 GB used of 10 GB' } };
