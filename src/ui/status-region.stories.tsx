import { useEffect } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useTranslation } from 'react-i18next';
import { announce } from './announcer';
import { StatusRegion } from './status-region';

/** The one role=status region: results of actions are announced there and stay until dismissed. */
function Announcing({ message }: { message?: 'created' | 'removed' }) {
  const { t } = useTranslation('customers');
  useEffect(() => {
    if (message === 'created') announce(t('announce.created', { name: 'Ines Moreau' }));
    if (message === 'removed')
      announce(
        t('announce.removed', { name: 'Alice Martin', subscriptions: t('remove.subscriptions', { count: 3 }), websites: t('remove.websites', { count: 4 }) }),
      );
  }, [message, t]);
  return <StatusRegion />;
}

const meta = {
  title: 'Components/StatusRegion',
  component: Announcing,
} satisfies Meta<typeof Announcing>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = { name: 'Empty (nothing announced)' };
export const Created: Story = { name: 'An action result', args: { message: 'created' } };
export const LongMessage: Story = {
  name: 'A long result (phone)',
  args: { message: 'removed' },
  globals: { viewport: { value: 'phone', isRotated: false } },
  tags: ['narrow'],
};
