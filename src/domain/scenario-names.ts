/**
 * The scenario names of SPEC §4. On their own (no zod) so that the app's first screen can name
 * them without loading the contract's schemas: contract.ts re-exports them.
 */
export const SCENARIOS = ['default', 'empty', 'sync-failure', 'large', 'xlarge'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
