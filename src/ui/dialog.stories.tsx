import type { Meta, StoryObj } from '@storybook/react-vite';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { AppDialog, ConfirmDialog } from './dialog';

/**
 * Modal dialogs (React Aria): focus trapped and returned, Escape closes, the title names the
 * action. Texts come from the app's catalogues, so the toolbar's Language applies.
 */
const meta = {
  title: 'Components/Dialog',
  component: ConfirmDialog,
  args: { isOpen: true, onOpenChange: () => {}, onConfirm: () => {}, title: '', confirmLabel: '', children: null },
  render: function Render(args) {
    const { t } = useTranslation('customers');
    return (
      <ConfirmDialog {...args} title={t('remove.title', { name: 'Alice Martin' })} confirmLabel={t('remove.confirm')}>
        <p>{t('remove.bodyNone', { name: 'Alice Martin' })}</p>
        <p>{t('remove.irreversible')}</p>
      </ConfirmDialog>
    );
  },
} satisfies Meta<typeof ConfirmDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Confirm: Story = {};
export const Destructive: Story = { args: { destructive: true } };
export const Pending: Story = { name: 'Pending (the action runs)', args: { destructive: true, isPending: true } };
export const Failed: Story = { name: 'Failed (the error shows inside)', args: { destructive: true, error: new Error('The server could not be reached.') } };
export const Narrow: Story = {
  name: 'Destructive (phone)',
  args: { destructive: true },
  globals: { viewport: { value: 'phone', isRotated: false } },
  tags: ['narrow'],
};

export const Plain: StoryObj<typeof AppDialog> = {
  name: 'AppDialog (any content)',
  render: function Render() {
    const { t } = useTranslation();
    return (
      <AppDialog title={t('notFound.title')} isOpen onOpenChange={() => {}}>
        <p>{t('notFound.body')}</p>
        <div className="dialog__actions">
          <Button className="button" slot="close">
            {t('actions.close')}
          </Button>
        </div>
      </AppDialog>
    );
  },
};
