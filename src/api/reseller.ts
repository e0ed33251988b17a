import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Reseller } from '../domain/types';
import { apiGet } from './http';

export interface UsageRow {
  allocated: number;
  used: number;
  remaining: number;
}

export type ResellerView = Reseller & { usage: Record<string, UsageRow> };

export const resellerQuery = () =>
  queryOptions({ queryKey: ['reseller'], queryFn: ({ signal }) => apiGet<ResellerView>('/reseller', undefined, signal) });

export function useReseller() {
  return useQuery(resellerQuery());
}
