import type { Meta, StoryObj } from '@storybook/react-vite';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from './form-field';

/** A label, an optional hint and the error next to the field (tied with aria-describedby); what was typed stays. */
const meta = {
  title: 'Components/Form fields',
  component: TextField,
  args: { label: '' },
  render: function Render(args) {
    const { t } = useTranslation('customers');
    return (
      <div className="form">
        <TextField {...args} label={args.label || t('fields.login')} />
      </div>
    );
  },
} satisfies Meta<typeof TextField>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};
export const Filled: Story = { args: { defaultValue: 'amartin' } };
export const WithHint: Story = {
  render: function Render() {
    const { t } = useTranslation('customers');
    return (
      <div className="form">
        <TextField label={t('fields.password')} type="password" hint={t('form.passwordHint')} />
      </div>
    );
  },
};
export const WithError: Story = {
  name: 'With an error (kept value)',
  render: function Render() {
    const { t } = useTranslation('customers');
    return (
      <div className="form">
        <TextField label={t('fields.login')} defaultValue="amartin" error={t('form.loginTaken', { login: 'amartin' })} />
      </div>
    );
  },
};
export const Select: Story = {
  name: 'SelectField',
  render: function Render() {
    const { t } = useTranslation('customers');
    return (
      <div className="form">
        <SelectField label={t('fields.country')} defaultValue="">
          <option value="">{t('form.noCountry')}</option>
          <option value="FR">France</option>
          <option value="DE">Deutschland</option>
        </SelectField>
      </div>
    );
  },
};
export const FormPhone: Story = {
  name: 'A form (phone)',
  globals: { viewport: { value: 'phone', isRotated: false } },
  tags: ['narrow'],
  render: function Render() {
    const { t } = useTranslation('customers');
    return (
      <div className="form">
        <TextField label={t('fields.contactName')} defaultValue="Alice Martin" />
        <TextField label={t('fields.email')} defaultValue="a-very-long-address.for-testing@martin-bakery.example.fr" />
        <TextField label={t('fields.login')} defaultValue="amartin" error={t('form.loginTaken', { login: 'amartin' })} />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('actions.ok', { ns: 'common' })}
          </button>
          <button type="button" className="button">
            {t('actions.cancel', { ns: 'common' })}
          </button>
        </div>
      </div>
    );
  },
};
