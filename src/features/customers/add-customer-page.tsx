import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCreateCustomer, type CustomerInput } from '../../api/customers';
import { announce } from '../../ui/announcer';
import { Page } from '../../ui/page';
import { useNavigateWhileHere } from '../../ui/use-navigate-while-here';
import { CustomerForm, EMPTY_CUSTOMER } from './customer-form';

/** Add Customer (SPEC §5): OK creates the customer and opens its page. */
export function AddCustomerPage() {
  const { t } = useTranslation('customers');
  const navigate = useNavigate();
  const create = useCreateCustomer();
  const whileHere = useNavigateWhileHere();

  async function save(input: Partial<CustomerInput>) {
    const go = whileHere();
    const customer = await create.mutateAsync(input as CustomerInput);
    announce(t('announce.created', { name: customer.contactName }));
    go(`/customers/${encodeURIComponent(customer.id)}`);
  }

  return (
    <Page title={t('addTitle')}>
      <CustomerForm mode="create" defaultValues={EMPTY_CUSTOMER} onSave={save} onCancel={() => void navigate('/customers')} />
    </Page>
  );
}
