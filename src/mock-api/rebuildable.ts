/**
 * What a saved state still `pending` (only its name on disk, persistence.ts) is rebuilt from: a
 * scenario's name, or a build's (`build-…`, the compact form). The scenario builder loads only
 * for a build (it is not needed before the first rows otherwise).
 */
import { buildOfScenarioName } from '../domain/build-code';
import { buildScenario, isScenarioName, loadScenario, type ScenarioName } from './scenarios';
import type { Snapshot } from './store';

export const REBUILDABLE = {
  isName: (name: string): boolean => isScenarioName(name) || buildOfScenarioName(name) !== undefined,
  build: async (name: string): Promise<Snapshot> => {
    const build = buildOfScenarioName(name);
    if (build) return (await import('./scenario-builder')).buildWorld(build);
    await loadScenario(name as ScenarioName);
    return buildScenario(name as ScenarioName);
  },
};
