/**
 * Story set-up for the mock API: the same MSW handlers the app uses (served by the Storybook
 * page's service worker through msw-storybook-addon) over the in-memory store, which each story
 * resets to its scenario and fault settings. No IndexedDB: a story never touches saved data.
 */
import { handlers } from '../src/mock-api/handlers';
import { resetToScenario } from '../src/mock-api/handlers/mock-tools';
import { loadScenario, type ScenarioName } from '../src/mock-api/scenarios';
import { DEFAULT_SETTINGS, setSettings, type MockSettings } from '../src/mock-api/store';

// `large` and `xlarge` live in a module of their own (mass-scenarios.ts): loaded once, up front.
await loadScenario('large');

export { handlers };
export type { ScenarioName, MockSettings };

export function resetMockApi(scenario: ScenarioName, settings: Partial<MockSettings> = {}) {
  resetToScenario(scenario);
  setSettings({ ...DEFAULT_SETTINGS, ...settings });
}
