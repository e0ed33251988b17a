import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Reseller } from '../domain/types';
import { apiGet } from './http';

/** One resource of the overview (SPEC §1.4): the provider's limit, held, actually used, remaining. */
export interface UsageRow {
  limit: number;
  allocated: number;
  used: number;
  remaining: number;
}

export type ResellerView = Reseller & { usage: Record<string, UsageRow>; clock: string };

export const resellerQuery = () =>
  queryOptions({ queryKey: ['reseller'], queryFn: ({ signal }) => apiGet<ResellerView>('/reseller', undefined, signal) });

export function useReseller() {
  return useQuery(resellerQuery());
}
