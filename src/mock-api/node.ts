/**
 * The mock API in Node (vitest): the same handlers through msw/node, over the in-memory store
 * (no IndexedDB unless a test starts persistence itself).
 */
import { setupServer } from 'msw/node';
import { handlers } from './handlers';
import { resetToScenario } from './handlers/mock-tools';
import { loadScenario, type ScenarioName } from './scenarios';
import { DEFAULT_SETTINGS, setSettings } from './store';

export const server = setupServer(...handlers);

/** Resets the store to a scenario, with no latency and no faults. */
export async function resetStore(scenario: ScenarioName = 'default'): Promise<void> {
  await loadScenario(scenario);
  resetToScenario(scenario);
  setSettings(DEFAULT_SETTINGS);
}
