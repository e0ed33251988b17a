import type { Website, WebsiteKind } from '../domain/types';
import { apiRequest } from './http';
import { useApiMutation } from './mutations';

/** Websites & Domains of a subscription (SPEC §1.5). The subscription record carries `sites`; these are its writes. */
const base = (id: string) => `/subscriptions/${encodeURIComponent(id)}/websites`;

export function useAddWebsite() {
  return useApiMutation({
    mutationFn: async ({ id, name, kind }: { id: string; name: string; kind: WebsiteKind }) =>
      (await apiRequest<Website>(base(id), { method: 'POST', body: { name, kind } })).data,
  });
}

export function useRemoveWebsite() {
  return useApiMutation({
    mutationFn: async ({ id, name }: { id: string; name: string }) =>
      (await apiRequest<{ name: string; removed: { websites: string[]; aliases: string[] } }>(`${base(id)}/${encodeURIComponent(name)}`, { method: 'DELETE' }))
        .data,
  });
}

export function useAddAlias() {
  return useApiMutation({
    mutationFn: async ({ id, website, name }: { id: string; website: string; name: string }) =>
      (await apiRequest<Website>(`${base(id)}/${encodeURIComponent(website)}/aliases`, { method: 'POST', body: { name } })).data,
  });
}

export function useRemoveAlias() {
  return useApiMutation({
    mutationFn: async ({ id, website, alias }: { id: string; website: string; alias: string }) =>
      (await apiRequest<unknown>(`${base(id)}/${encodeURIComponent(website)}/aliases/${encodeURIComponent(alias)}`, { method: 'DELETE' })).data,
  });
}
