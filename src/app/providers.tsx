import { useEffect, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { i18next } from '../i18n/i18n';

export const STORE_CHANGED_EVENT = 'hosting-panel:store-changed';

/** Query client + i18n. Another tab's writes arrive as an event and refresh what is on screen. */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  useEffect(() => {
    const onChange = () => void queryClient.invalidateQueries();
    window.addEventListener(STORE_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(STORE_CHANGED_EVENT, onChange);
  }, [queryClient]);
  return (
    <I18nextProvider i18n={i18next}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
