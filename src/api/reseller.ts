import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LimitRow, ResellerView } from '../domain/contract';
import { apiGet } from './http';

export type UsageRow = LimitRow;
export type { ResellerView };

export const resellerQuery = () => queryOptions({ queryKey: ['reseller'], queryFn: ({ signal }) => apiGet<ResellerView>('/reseller', undefined, signal) });

export function useReseller() {
  return useQuery(resellerQuery());
}
