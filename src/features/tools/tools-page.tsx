import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/page';
import { BuilderSection } from './builder-section';
import { ScenarioSection } from './scenario-section';
import { SettingsSection } from './settings-section';
import { StateFileSection } from './state-file-section';
import { StateLinkSection } from './state-link-section';
import { ProviderSection } from './provider-section';
import { ClockSection, UsageSection } from './world-section';

/**
 * Prototype tools (not part of the panel proper): put the mock backend in any state from
 * buttons — scenarios, the scenario builder, latency and faults, export/import, and the hosting provider simulator.
 */
export function ToolsPage() {
  const { t } = useTranslation('tools');
  return (
    <Page title={t('title')} description={t('intro')}>
      <ScenarioSection />
      <BuilderSection />
      <SettingsSection />
      <StateFileSection />
      <StateLinkSection />
      <ProviderSection />
      <ClockSection />
      <UsageSection />
    </Page>
  );
}
