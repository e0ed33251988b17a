/**
 * The compact form of a scenario build (POST /_mock/build's body), for links (`?build=`) and
 * for the built state's scenario name (`build-…`, so a saved build can be rebuilt by name):
 *
 *   seed-customers-subscriptions-plans-unsynced-locked-custom-suspended-overused
 *   e.g. 42-200-1000-6-0.1-0.05-0.05-0.02-0.03
 *
 * Shares are written as plain decimals (0.0001 steps). Every field is required, in this order;
 * the text is then checked by `buildRequestSchema`, exactly like the API's body.
 */
import { buildRequestSchema, validate, type BuildRequest, type ValidationIssue } from './schemas';

export const MIX_KEYS = ['unsynced', 'locked', 'custom', 'suspended', 'overused'] as const;
export type MixKey = (typeof MIX_KEYS)[number];

/** A build with every share filled in (0 when left out). */
export interface BuildInput {
  seed: number;
  customers: number;
  subscriptions: number;
  plans: number;
  mix: Record<MixKey, number>;
}

/** The scenario name a built state carries. */
export const BUILD_SCENARIO_PREFIX = 'build-';

/** Every share filled in, and snapped to its 0.0001 step (0.1 + 0.2 is written 0.3, so the compact form reads back). */
export function normalizeBuild(request: BuildRequest): BuildInput {
  const mix = Object.fromEntries(MIX_KEYS.map((k) => [k, Math.round((request.mix?.[k] ?? 0) * 10_000) / 10_000])) as Record<MixKey, number>;
  return { seed: request.seed, customers: request.customers, subscriptions: request.subscriptions, plans: request.plans, mix };
}

/** Validates a body (API, form): the build with every share, or the issues per field path. */
export function checkBuild(input: unknown): { ok: true; value: BuildInput } | { ok: false; issues: ValidationIssue[] } {
  const result = validate(buildRequestSchema, input);
  return result.ok ? { ok: true, value: normalizeBuild(result.value) } : result;
}

export function encodeBuild(input: BuildInput): string {
  return [input.seed, input.customers, input.subscriptions, input.plans, ...MIX_KEYS.map((k) => input.mix[k])].map((n) => String(n)).join('-');
}

const NUMBER = /^(?:0|[1-9]\d{0,9})(?:\.\d{1,4})?$/;

/** The build a compact text names, or undefined when it is not one (any issue at all). */
export function decodeBuild(code: string): BuildInput | undefined {
  if (code.length > 120) return undefined;
  const parts = code.split('-');
  if (parts.length !== 4 + MIX_KEYS.length || !parts.every((p) => NUMBER.test(p))) return undefined;
  const n = parts.map(Number);
  const body = { seed: n[0], customers: n[1], subscriptions: n[2], plans: n[3], mix: Object.fromEntries(MIX_KEYS.map((k, i) => [k, n[4 + i]])) };
  const checked = checkBuild(body);
  return checked.ok ? checked.value : undefined;
}

export const buildScenarioName = (input: BuildInput): string => `${BUILD_SCENARIO_PREFIX}${encodeBuild(input)}`;

/** The build a scenario name (`build-…`) stands for, if it is one. */
export function buildOfScenarioName(name: string): BuildInput | undefined {
  return name.startsWith(BUILD_SCENARIO_PREFIX) ? decodeBuild(name.slice(BUILD_SCENARIO_PREFIX.length)) : undefined;
}
