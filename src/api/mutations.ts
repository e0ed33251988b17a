import { hashKey, useMutation, useQueryClient, type QueryKey, type UseMutationOptions } from '@tanstack/react-query';

/** The record a write answered, for the detail query it is the whole truth of (with its ETag). */
export interface DetailOf {
  queryKey: QueryKey;
  record: unknown;
}

/**
 * A mutation that refreshes the queries on success. Writes in this panel ripple widely (a plan
 * edit changes subscriptions, counts and the reseller's usage; a customer's suspension, its
 * subscriptions), so every other query is invalidated — only those on screen refetch, which is
 * both correct and cheap. What the response itself carries is not fetched again: `detail` names
 * the detail query the answer is the whole record of (same view and ETag as its GET), and that
 * record is put there with `setQueryData` before the rest is invalidated.
 */
export function useApiMutation<TData, TVariables>(
  options: UseMutationOptions<TData, Error, TVariables> & { detail?: (data: TData, variables: TVariables) => DetailOf | undefined },
) {
  const queryClient = useQueryClient();
  const { detail, ...mutation } = options;
  return useMutation<TData, Error, TVariables>({
    ...mutation,
    onSuccess: async (...args) => {
      const written = detail?.(args[0], args[1]);
      if (written) {
        queryClient.setQueryData(written.queryKey, written.record);
        const hash = hashKey(written.queryKey);
        await queryClient.invalidateQueries({ predicate: (query) => query.queryHash !== hash });
      } else {
        await queryClient.invalidateQueries();
      }
      await mutation.onSuccess?.(...args);
    },
  });
}
