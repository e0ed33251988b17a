import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, apiRequest } from './http';
import { useApiMutation } from './mutations';
import type { MockSettings } from '../domain/schemas';

/** The prototype tools' `/_mock` endpoints (not part of the panel proper). */
export { SCENARIOS, type ScenarioName } from '../domain/scenario-names';
import type { ScenarioName } from '../domain/scenario-names';
import type { BuildResult, ProviderPatchInput } from '../domain/contract';
import type { BuildRequest } from '../domain/schemas';

export type { MockSettings } from '../domain/schemas';

export type ProviderPatch = ProviderPatchInput;

export const mockSettingsQuery = () =>
  queryOptions({ queryKey: ['mock', 'settings'], queryFn: ({ signal }) => apiGet<MockSettings>('/_mock/settings', undefined, signal) });

export function useMockSettings() {
  return useQuery(mockSettingsQuery());
}

export function useResetScenario() {
  return useApiMutation({
    mutationFn: async (scenario: ScenarioName) => (await apiRequest<unknown>('/_mock/reset', { method: 'POST', body: { scenario } })).data,
  });
}

/** The scenario builder (POST /_mock/build): replaces all the data with a seeded world. */
export function useBuildWorld() {
  return useApiMutation({
    mutationFn: async (body: BuildRequest) => (await apiRequest<BuildResult>('/_mock/build', { method: 'POST', body })).data,
  });
}

export function useUpdateMockSettings() {
  return useApiMutation({
    mutationFn: async (settings: Partial<MockSettings>) => (await apiRequest<MockSettings>('/_mock/settings', { method: 'PUT', body: settings })).data,
  });
}

export function useProviderPatch() {
  return useApiMutation({
    mutationFn: async (patch: ProviderPatch) => (await apiRequest<unknown>('/_mock/provider', { method: 'PATCH', body: patch })).data,
  });
}

export async function exportState(): Promise<unknown> {
  return apiGet<unknown>('/_mock/state');
}

export function useImportState() {
  return useApiMutation({
    mutationFn: async (state: unknown) => (await apiRequest<unknown>('/_mock/state', { method: 'PUT', body: state })).data,
  });
}

/** The mock clock (SPEC §1.6). */
export const mockClockQuery = () =>
  queryOptions({ queryKey: ['mock', 'clock'], queryFn: ({ signal }) => apiGet<{ now: string }>('/_mock/clock', undefined, signal) });

export function useMockClock() {
  return useQuery(mockClockQuery());
}

export function useSetMockClock() {
  return useApiMutation({
    mutationFn: async (now: string) => (await apiRequest<{ now: string }>('/_mock/clock', { method: 'PUT', body: { now } })).data,
  });
}

/** A website's simulated usage (PATCH /_mock/usage); the website's name finds its subscription. */
export function useSetWebsiteUsage() {
  return useApiMutation({
    mutationFn: async (input: { website: string; disk_space?: number; max_traffic?: number }) =>
      (await apiRequest<{ id: string; domain: string }>('/_mock/usage', { method: 'PATCH', body: input })).data,
  });
}
