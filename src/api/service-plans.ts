import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PlanPreview, PlanView } from '../domain/contract';
import type { PlanKind, SyncReport, ValuesPatch } from '../domain/types';
import { apiGet, apiRequest, type ListPage, type Query } from './http';
import { useApiMutation } from './mutations';

/** Shapes from the API contract; `etag` comes from the ETag header (or the list item). */
export type PlanItem = PlanView & { etag?: string };

export const planKeys = {
  all: ['service-plans'] as const,
  list: (query: Query) => ['service-plans', 'list', query] as const,
  detail: (id: string) => ['service-plans', 'detail', id] as const,
};

export const plansQuery = (query: Query & { kind?: PlanKind }) =>
  queryOptions({
    queryKey: planKeys.list(query),
    queryFn: ({ signal }) => apiGet<ListPage<PlanItem>>('/service-plans', { pageSize: 500, ...query }, signal),
    placeholderData: keepPreviousData,
  });

export const planQuery = (id: string) =>
  queryOptions({
    queryKey: planKeys.detail(id),
    queryFn: async ({ signal }) => {
      const { data, etag } = await apiRequest<PlanItem>(`/service-plans/${encodeURIComponent(id)}`, { signal });
      return { ...data, etag };
    },
  });

export function usePlans(query: Query & { kind?: PlanKind }) {
  return useQuery(plansQuery(query));
}

export function usePlan(id: string) {
  return useQuery(planQuery(id));
}

export function useCreatePlan() {
  return useApiMutation({
    mutationFn: async (input: { kind: PlanKind; name: string; values?: ValuesPatch }) =>
      (await apiRequest<PlanItem>('/service-plans', { method: 'POST', body: input })).data,
  });
}

/** Update & Sync: saves the plan and propagates to its unlocked subscriptions. */
export function useUpdatePlan() {
  return useApiMutation({
    mutationFn: async ({ id, name, values, etag }: { id: string; name?: string; values?: ValuesPatch; etag?: string }) => {
      const res = await apiRequest<{ plan: PlanItem; report: SyncReport }>(`/service-plans/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body: { name, values },
        etag,
      });
      // The new ETag lets the next save from the same form pass If-Match.
      return { ...res.data, etag: res.etag };
    },
    // The answer's plan is its whole view (as GET /service-plans/:id): no refetch of it.
    detail: (result) => ({ queryKey: planKeys.detail(result.plan.id), record: { ...result.plan, etag: result.etag } }),
  });
}

export type PlanEditPreview = PlanPreview;

/**
 * What Update & Sync would do with these values, computed by the mock with the save's own code
 * (SPEC §1.3: the page says exactly which subscriptions would end Unsynced). `values` null =
 * nothing to ask (the form is invalid).
 */
export function usePlanPreview(id: string, values: ValuesPatch | null) {
  return useQuery({ ...planPreviewQuery(id, values ?? {}), enabled: values !== null, placeholderData: keepPreviousData });
}

/** The key holds the values themselves: TanStack Query hashes keys structurally. */
export const planPreviewQuery = (id: string, values: ValuesPatch) =>
  queryOptions({
    queryKey: ['service-plans', 'preview', id, values],
    queryFn: async ({ signal }) =>
      (await apiRequest<PlanEditPreview>(`/service-plans/${encodeURIComponent(id)}/preview`, { method: 'POST', body: { values }, signal })).data,
  });

export function useClonePlan() {
  return useApiMutation({
    mutationFn: async ({ id }: { id: string }) => (await apiRequest<PlanItem>(`/service-plans/${encodeURIComponent(id)}/clone`, { method: 'POST' })).data,
  });
}

export function useRemovePlan() {
  return useApiMutation({
    mutationFn: async ({ id, etag }: { id: string; etag?: string }) => {
      await apiRequest<unknown>(`/service-plans/${encodeURIComponent(id)}`, { method: 'DELETE', etag });
      return id;
    },
  });
}
