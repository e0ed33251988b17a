import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useListParams } from './use-list-params';

function setup(initial: string) {
  let search = '';
  let hook: ReturnType<typeof useListParams> | undefined;
  function Probe() {
    hook = useListParams({ sort: 'domain' }, ['sync', 'status']);
    search = useLocation().search;
    return null;
  }
  renderHook(() => null, {
    wrapper: ({ children }: { children: ReactNode }) => (
      <>
        <MemoryRouter initialEntries={[initial]}>
          <Routes>
            <Route path="/" element={<Probe />} />
          </Routes>
        </MemoryRouter>
        {children}
      </>
    ),
  });
  return {
    get hook() {
      return hook!;
    },
    get search() {
      return search;
    },
  };
}

describe('useListParams', () => {
  it('reads q, sort, order, page and filters from the URL', () => {
    const view = setup('/?q=shop&sort=status&order=desc&page=3&sync=locked');
    expect(view.hook).toMatchObject({ q: 'shop', sort: 'status', order: 'desc', page: 3, pageSize: 25, filters: { sync: 'locked' } });
  });

  it('keeps both of two quick changes (clear one filter, then set another) and resets the page', () => {
    const view = setup('/?sync=locked&page=4');
    act(() => {
      view.hook.update({ sync: undefined });
      view.hook.update({ status: 'suspended' });
    });
    const params = new URLSearchParams(view.search);
    expect(params.get('sync')).toBeNull();
    expect(params.get('status')).toBe('suspended');
    expect(params.get('page')).toBeNull();
  });
});
