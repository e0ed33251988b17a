import type { Meta, StoryObj } from '@storybook/react-vite';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from './query-state';

/** What a screen shows while its data loads, when it could not load (with Retry), and when there is nothing yet. */
const meta = {
  title: 'Components/Query states',
  component: LoadingState,
} satisfies Meta<typeof LoadingState>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Loading: Story = {};
export const Error: Story = {
  render: function Render() {
    const { t } = useTranslation();
    return <ErrorState error={new globalThis.Error(t('errors.network'))} onRetry={() => {}} />;
  },
};
export const ErrorWithoutRetry: Story = {
  render: function Render() {
    const { t } = useTranslation();
    return <ErrorState error={new globalThis.Error(t('errors.network'))} />;
  },
};
export const Empty: Story = { render: () => <EmptyState /> };
export const EmptyWithText: Story = {
  name: 'Empty (with its own text)',
  render: function Render() {
    const { t } = useTranslation('customers');
    return (
      <EmptyState>
        {t('list.empty')} {t('list.emptyHint')}
      </EmptyState>
    );
  },
};
