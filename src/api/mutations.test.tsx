import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useApiMutation } from './mutations';

const detail = queryOptions({ queryKey: ['subscriptions', 'detail', 'sub-1'], queryFn: () => ({ id: 'sub-1', locked: false, etag: '"1"' }) });
const list = queryOptions({ queryKey: ['subscriptions', 'list', {}], queryFn: () => ({ items: [] as string[] }) });
const reseller = queryOptions({ queryKey: ['reseller'], queryFn: () => ({ used: 1 }) });

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(detail.queryKey, { id: 'sub-1', locked: false, etag: '"1"' });
  client.setQueryData(list.queryKey, { items: [] });
  client.setQueryData(reseller.queryKey, { used: 1 });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return { client, wrapper };
}

describe('useApiMutation', () => {
  it('puts the answered record in its detail query and invalidates every other query', async () => {
    const { client, wrapper } = setup();
    const saved = { id: 'sub-1', locked: true, etag: '"2"' };
    const { result } = renderHook(() => useApiMutation({ mutationFn: async () => saved, detail: (s) => ({ queryKey: detail.queryKey, record: s }) }), {
      wrapper,
    });
    await act(async () => {
      await result.current.mutateAsync(undefined);
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(client.getQueryData(detail.queryKey)).toEqual(saved);
    expect(client.getQueryState(detail.queryKey)?.isInvalidated).toBe(false);
    // Writes ripple: lists, counts and usage are refreshed.
    expect(client.getQueryState(list.queryKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(reseller.queryKey)?.isInvalidated).toBe(true);
  });

  it('without a detail, invalidates everything', async () => {
    const { client, wrapper } = setup();
    const { result } = renderHook(() => useApiMutation({ mutationFn: async () => 'removed' }), { wrapper });
    await act(async () => {
      await result.current.mutateAsync(undefined);
    });
    expect(client.getQueryState(detail.queryKey)?.isInvalidated).toBe(true);
  });
});
