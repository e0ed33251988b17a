import { REQUEST_LIMITS } from '../domain/limits';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { BulkAction, BulkRequest, BulkResult, SubscriptionInput, SubscriptionView, SyncOutcomeView } from '../domain/contract';
import type { ValuesPatch } from '../domain/types';
import { apiGet, apiRequest, type ApiResponse, type ListPage, type Query } from './http';
import { useApiMutation, type DetailOf } from './mutations';

/** Shapes from the API contract; `etag` comes from the ETag header (or the list item). */
export type SubscriptionItem = SubscriptionView & { etag?: string };
export type SyncOutcome = SyncOutcomeView;
export type { BulkAction, BulkResult, SubscriptionInput };

export const subscriptionKeys = {
  all: ['subscriptions'] as const,
  list: (query: Query) => ['subscriptions', 'list', query] as const,
  detail: (id: string) => ['subscriptions', 'detail', id] as const,
};

export const subscriptionsQuery = (query: Query) =>
  queryOptions({
    queryKey: subscriptionKeys.list(query),
    queryFn: ({ signal }) => apiGet<ListPage<SubscriptionItem>>('/subscriptions', query, signal),
    placeholderData: keepPreviousData,
  });

export const subscriptionQuery = (id: string) =>
  queryOptions({
    queryKey: subscriptionKeys.detail(id),
    queryFn: async ({ signal }) => {
      const { data, etag } = await apiRequest<SubscriptionItem>(`/subscriptions/${encodeURIComponent(id)}`, { signal });
      return { ...data, etag };
    },
  });

export function useSubscriptions(query: Query) {
  return useQuery(subscriptionsQuery(query));
}

export function useSubscription(id: string) {
  return useQuery(subscriptionQuery(id));
}

/** These answers are the subscription's whole view with its ETag, as GET /subscriptions/:id. */
const withEtag = ({ data, etag }: ApiResponse<SubscriptionItem>): SubscriptionItem => ({ ...data, etag });
const outcomeWithEtag = ({ data, etag }: ApiResponse<SyncOutcome>) => ({ ...data, subscription: { ...data.subscription, etag } as SubscriptionItem });
const asDetail = (s: SubscriptionItem): DetailOf => ({ queryKey: subscriptionKeys.detail(s.id), record: s });

const path = (id: string, action = '') => `/subscriptions/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export function useCreateSubscription() {
  return useApiMutation({
    mutationFn: async (input: SubscriptionInput) => withEtag(await apiRequest<SubscriptionItem>('/subscriptions', { method: 'POST', body: input })),
    detail: asDetail,
  });
}

/** Customize: saving the subscription's own values locks it. */
export function useCustomizeSubscription() {
  return useApiMutation({
    mutationFn: async ({ id, values, etag }: { id: string; values: ValuesPatch; etag?: string }) =>
      withEtag(await apiRequest<SubscriptionItem>(path(id, 'values'), { method: 'PUT', body: values, etag })),
    detail: asDetail,
  });
}

/** Synchronize (or, with `accept: 'available'`, the failure dialog's OK). */
export function useSynchronizeSubscription() {
  return useApiMutation({
    mutationFn: async ({ id, accept, etag }: { id: string; accept?: 'available'; etag?: string }) =>
      outcomeWithEtag(await apiRequest<SyncOutcome>(path(id, 'sync'), { method: 'POST', body: accept ? { accept } : {}, etag })),
    detail: (outcome) => asDetail(outcome.subscription),
  });
}

export function useUnlockAndSync() {
  return useApiMutation({
    mutationFn: async ({ id, accept, etag }: { id: string; accept?: 'available'; etag?: string }) =>
      outcomeWithEtag(await apiRequest<SyncOutcome>(path(id, 'unlock-and-sync'), { method: 'POST', body: accept ? { accept } : {}, etag })),
    detail: (outcome) => asDetail(outcome.subscription),
  });
}

export function useSubscriptionStatus() {
  return useApiMutation({
    mutationFn: async ({ id, action, etag }: { id: string; action: 'suspend' | 'activate'; etag?: string }) =>
      withEtag(await apiRequest<SubscriptionItem>(path(id, action), { method: 'POST', etag })),
    detail: asDetail,
  });
}

export function useRemoveSubscription() {
  return useApiMutation({
    mutationFn: async ({ id, etag }: { id: string; etag?: string }) => {
      await apiRequest<unknown>(path(id), { method: 'DELETE', etag });
      return id;
    },
  });
}

export function useBulkSubscriptions() {
  return useApiMutation({
    /** `etags`: If-Match per id (SPEC §2); a stale id fails alone with 412 in its result. */
    mutationFn: async (input: BulkRequest) => {
      // The API takes at most REQUEST_LIMITS.bulkIds ids a request: a larger selection goes in
      // batches, each with the ETags of its own ids only.
      const results: BulkResult[] = [];
      for (let start = 0; start < input.ids.length; start += REQUEST_LIMITS.bulkIds) {
        const ids = input.ids.slice(start, start + REQUEST_LIMITS.bulkIds);
        const etags = input.etags ? Object.fromEntries(ids.filter((id) => Object.hasOwn(input.etags!, id)).map((id) => [id, input.etags![id]!])) : undefined;
        const body = { ...input, ids, ...(etags ? { etags } : {}) };
        results.push(...(await apiRequest<{ results: BulkResult[] }>('/subscriptions/bulk', { method: 'POST', body })).data.results);
      }
      return { results };
    },
  });
}
