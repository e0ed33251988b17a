import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';

/**
 * A mutation that refreshes every query on success. Writes in this panel ripple widely (a plan
 * edit changes subscriptions, counts and the reseller's usage), and only queries on screen are
 * refetched, so broad invalidation is both correct and cheap.
 */
export function useApiMutation<TData, TVariables>(options: UseMutationOptions<TData, Error, TVariables>) {
  const queryClient = useQueryClient();
  return useMutation<TData, Error, TVariables>({
    ...options,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries();
      await options.onSuccess?.(...args);
    },
  });
}
