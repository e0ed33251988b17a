import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CustomerInput, CustomerView } from '../domain/contract';
import { apiGet, apiRequest, type ApiResponse, type ListPage, type Query } from './http';
import { useApiMutation, type DetailOf } from './mutations';

/** Shapes from the API contract; `etag` comes from the ETag header (or the list item). */
export type CustomerItem = CustomerView & { etag?: string };
export type { CustomerInput };

export const customerKeys = {
  all: ['customers'] as const,
  list: (query: Query) => ['customers', 'list', query] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
};

export const customersQuery = (query: Query) =>
  queryOptions({
    queryKey: customerKeys.list(query),
    queryFn: ({ signal }) => apiGet<ListPage<CustomerItem>>('/customers', query, signal),
    placeholderData: keepPreviousData,
  });

export const customerQuery = (id: string) =>
  queryOptions({
    queryKey: customerKeys.detail(id),
    queryFn: async ({ signal }) => {
      const { data, etag } = await apiRequest<CustomerItem>(`/customers/${encodeURIComponent(id)}`, { signal });
      return { ...data, etag };
    },
  });

export function useCustomers(query: Query) {
  return useQuery(customersQuery(query));
}

export function useCustomer(id: string) {
  return useQuery(customerQuery(id));
}

/** These answers are the customer's whole view with its ETag, as GET /customers/:id. */
const withEtag = ({ data, etag }: ApiResponse<CustomerItem>): CustomerItem => ({ ...data, etag });
const asDetail = (c: CustomerItem): DetailOf => ({ queryKey: customerKeys.detail(c.id), record: c });

export function useCreateCustomer() {
  return useApiMutation({
    mutationFn: async (input: CustomerInput) => withEtag(await apiRequest<CustomerItem>('/customers', { method: 'POST', body: input })),
    detail: asDetail,
  });
}

export function useUpdateCustomer() {
  return useApiMutation({
    mutationFn: async ({ id, patch, etag }: { id: string; patch: Partial<CustomerInput>; etag?: string }) =>
      withEtag(await apiRequest<CustomerItem>(`/customers/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, etag })),
    detail: asDetail,
  });
}

export function useCustomerStatus() {
  return useApiMutation({
    mutationFn: async ({ id, action, etag }: { id: string; action: 'suspend' | 'activate'; etag?: string }) =>
      withEtag(await apiRequest<CustomerItem>(`/customers/${encodeURIComponent(id)}/${action}`, { method: 'POST', etag })),
    detail: asDetail,
  });
}

/** What DELETE /customers/:id removed: the customer, its subscriptions and their websites. */
export interface CustomerRemoval {
  id: string;
  removed: { customers: number; subscriptions: number; websites: number };
}

export function useRemoveCustomer() {
  return useApiMutation({
    mutationFn: async ({ id, etag }: { id: string; etag?: string }) =>
      (await apiRequest<CustomerRemoval>(`/customers/${encodeURIComponent(id)}`, { method: 'DELETE', etag })).data,
  });
}

export type CustomerBulkAction = 'suspend' | 'activate' | 'remove';
export type CustomerBulkResult = { id: string; ok: true } | { id: string; ok: false; error: unknown };

/**
 * Suspend, activate or remove several customers. The API has no bulk endpoint for customers,
 * so each one is its own request (one after the other, so the mock store sees them in order)
 * and gets its own result; queries are refreshed once at the end.
 */
export function useCustomerBulk() {
  return useApiMutation({
    mutationFn: async ({ action, ids }: { action: CustomerBulkAction; ids: readonly string[] }) => {
      const results: CustomerBulkResult[] = [];
      for (const id of ids) {
        const path = `/customers/${encodeURIComponent(id)}`;
        try {
          if (action === 'remove') await apiRequest<unknown>(path, { method: 'DELETE' });
          else await apiRequest<unknown>(`${path}/${action}`, { method: 'POST' });
          results.push({ id, ok: true });
        } catch (error) {
          results.push({ id, ok: false, error });
        }
      }
      return results;
    },
  });
}
