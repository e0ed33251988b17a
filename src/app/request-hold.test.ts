/** The client holds its requests until the mock API is up, and says so when it never comes up. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, holdRequestsUntil } from '../api/http';
import { errorText } from '../ui/query-state';
import { initI18n } from '../i18n/i18n';

afterEach(() => holdRequestsUntil(Promise.resolve()));

function jsonResponse(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

describe('holdRequestsUntil', () => {
  it('sends nothing before the backend is ready, then sends what was asked', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => jsonResponse({ ok: true }));
    let ready!: () => void;
    holdRequestsUntil(new Promise<void>((resolve) => (ready = resolve)));
    const pending = apiRequest<{ ok: boolean }>('/reseller');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetchSpy).not.toHaveBeenCalled();
    ready();
    await expect(pending).resolves.toEqual({ data: { ok: true }, etag: undefined });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('a backend that never starts fails every request with a translated backend-unavailable problem', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    holdRequestsUntil(Promise.reject(new Error('service workers are blocked')));
    const error = await apiRequest('/reseller').catch((e: unknown) => e);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.type).toMatch(/\/problems\/backend-unavailable$/);
    expect((error as ApiError).problem.detail).toContain('service workers are blocked');
    await initI18n('fr');
    expect(errorText(error)).toMatch(/^L'API simulée du panneau n'a pas pu démarrer/);
    await initI18n('en');
    expect(errorText(error)).toMatch(/^The panel's mock API could not start/);
  });
});
