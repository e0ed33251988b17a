import type { Meta, StoryObj } from '@storybook/react-vite';
import { useTranslation } from 'react-i18next';
import { Page } from './page';

/** A page: its one h1 (naming the page or the record), its actions, an optional description. */
const meta = {
  title: 'Components/Page',
  component: Page,
  args: { title: '' },
  render: function Render(args) {
    const { t } = useTranslation('customers');
    return (
      <Page
        {...args}
        title={t('title')}
        actions={
          <button type="button" className="button button--primary">
            {t('add')}
          </button>
        }
      >
        <p>{t('list.empty')}</p>
      </Page>
    );
  },
} satisfies Meta<typeof Page>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithActions: Story = {};
export const WithDescription: Story = {
  render: function Render() {
    const { t } = useTranslation('home');
    return <Page title={t('resources.title')} description={<p>{t('resources.limits')}</p>} />;
  },
};
