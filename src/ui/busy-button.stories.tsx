import type { Meta, StoryObj } from '@storybook/react-vite';
import { BusyButton } from './busy-button';

/** The button of an action: busy while it runs (still focusable, presses ignored), disabled when it does not apply. */
const meta = {
  title: 'Components/BusyButton',
  component: BusyButton,
  args: { busy: false, children: 'Synchronize', className: 'button' },
} satisfies Meta<typeof BusyButton>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {};
export const Busy: Story = { args: { busy: true } };
export const Primary: Story = { args: { className: 'button button--primary', children: 'OK' } };
export const PrimaryBusy: Story = { args: { className: 'button button--primary', children: 'OK', busy: true } };
export const Danger: Story = { args: { className: 'button button--danger', children: 'Remove' } };
export const Disabled: Story = { args: { disabled: true } };
