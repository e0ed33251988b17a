import { useEffect, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { i18next } from '../i18n/i18n';

export const STORE_CHANGED_EVENT = 'hosting-panel:store-changed';
/** The mock's latency/fault settings changed in this tab (the faults banner reads them). */
export const SETTINGS_CHANGED_EVENT = 'hosting-panel:settings-changed';

/** Query client + i18n. Another tab's writes arrive as an event and refresh what is on screen. */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  useEffect(() => {
    const onChange = () => void queryClient.invalidateQueries();
    const onSettings = () => void queryClient.invalidateQueries({ queryKey: ['mock', 'settings'] });
    window.addEventListener(STORE_CHANGED_EVENT, onChange);
    window.addEventListener(SETTINGS_CHANGED_EVENT, onSettings);
    return () => {
      window.removeEventListener(STORE_CHANGED_EVENT, onChange);
      window.removeEventListener(SETTINGS_CHANGED_EVENT, onSettings);
    };
  }, [queryClient]);
  return (
    <I18nextProvider i18n={i18next}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
