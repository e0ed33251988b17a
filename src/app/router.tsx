import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { matchRoutes, Outlet, useLocation } from 'react-router';
import type { AppRouteHandle, AppRouteObject } from './app-router';
import { AppLayout } from './layout';
import { NotFound, RouteErrorBoundary } from './route-error';
import { loadNamespaces } from '../i18n/i18n';
import { RouteFallback } from './route-fallback';

/**
 * A screen loaded on first visit: its code (its own chunk) and the string namespaces it uses
 * beyond `common`, in parallel — every namespace its components and the dialogs it opens read
 * (`useTranslation('…')`, `t('ns:key')`, `{ ns }`, and `validation`/`reasons` through
 * src/i18n/messages.ts), since `i18next.t` outside a hook does not wait for a namespace.
 * `handle.preload` starts both ahead (the bootstrap does it for the first screen while the mock
 * API starts); `React.lazy` shares the same promise.
 */
function screen(
  load: () => Promise<ComponentType>,
  namespaces: readonly string[],
  handle: Omit<AppRouteHandle, 'preload'> = {},
): Pick<AppRouteObject, 'element' | 'handle'> {
  let loading: Promise<ComponentType> | undefined;
  const preload = () => (loading ??= Promise.all([load(), loadNamespaces(namespaces)]).then(([component]) => component));
  const Screen = lazy(async () => ({ default: await preload() }));
  return { element: <Screen />, handle: { ...handle, preload } };
}

const subscriptionsPage = () => import('../features/subscriptions/subscriptions-page');

/** A crash (or a screen's code failing to load) shows the crash screen; the next navigation clears it. */
function Guarded({ children }: { children: ReactNode }) {
  const location = useLocation();
  return <RouteErrorBoundary resetKey={location.key}>{children}</RouteErrorBoundary>;
}

/**
 * The page area of the shell: while a screen's code loads on the first visit, the header and
 * navigation are already there and only this area waits (skeleton rows for a list). A later
 * navigation keeps the old screen until the new one is ready (`useNavigationPending`).
 */
function PageArea() {
  const location = useLocation();
  const list = matchRoutes(routes, location)?.some((m) => (m.route as AppRouteObject).handle?.list === true) ?? false;
  return (
    <Guarded>
      <Suspense fallback={<RouteFallback list={list} />}>
        <Outlet />
      </Suspense>
    </Guarded>
  );
}

// Route-level code splitting: each screen is its own chunk, loaded on first visit.
export const routes: AppRouteObject[] = [
  {
    path: '/',
    // A crash of the shell itself: the crash screen alone, never a white screen.
    element: (
      <Guarded>
        <AppLayout />
      </Guarded>
    ),
    children: [
      {
        element: <PageArea />,
        children: [
          { index: true, ...screen(async () => (await import('../features/home/home-page')).HomePage, ['home']) },
          { path: 'resources', ...screen(async () => (await import('../features/home/resources-page')).ResourcesPage, ['home']) },
          { path: 'customers', ...screen(async () => (await import('../features/customers/customers-page')).CustomersPage, ['customers'], { list: true }) },
          {
            path: 'customers/new',
            ...screen(async () => (await import('../features/customers/add-customer-page')).AddCustomerPage, ['customers', 'validation']),
          },
          {
            path: 'customers/:customerId',
            ...screen(async () => (await import('../features/customers/customer-page')).CustomerPage, ['customers', 'validation']),
          },
          {
            path: 'subscriptions',
            ...screen(async () => (await subscriptionsPage()).SubscriptionsPage, ['subscriptions'], {
              list: true,
              // The first screen's queries start while the screen renders. Only when a navigation
              // enters the route: typing in Search (a search-param navigation) does not run it.
              enter: ({ search }) =>
                void subscriptionsPage().then(
                  (page) => page.prefetchSubscriptions(new URLSearchParams(search)),
                  () => undefined, // the screen itself shows the failed import (crash screen)
                ),
            }),
          },
          {
            path: 'subscriptions/new',
            ...screen(async () => (await import('../features/subscriptions/add-subscription-page')).AddSubscriptionPage, ['subscriptions', 'validation']),
          },
          {
            path: 'subscriptions/:subscriptionId',
            ...screen(async () => (await import('../features/subscriptions/subscription-page')).SubscriptionPage, ['subscriptions', 'validation', 'reasons']),
          },
          {
            path: 'service-plans',
            ...screen(async () => (await import('../features/service-plans/service-plans-page')).ServicePlansPage, ['plans'], { list: true }),
          },
          { path: 'service-plans/new', ...screen(async () => (await import('../features/service-plans/add-plan-page')).AddPlanPage, ['plans', 'validation']) },
          { path: 'service-plans/:planId', ...screen(async () => (await import('../features/service-plans/plan-page')).PlanPage, ['plans', 'validation']) },
          { path: 'tools', ...screen(async () => (await import('../features/tools/tools-page')).ToolsPage, ['tools', 'validation']) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

/** Fetches the code of the screens matching `location` ahead of their first render. */
export function preloadScreens(location: { pathname: string }) {
  for (const match of matchRoutes(routes, location) ?? []) void (match.route as AppRouteObject).handle?.preload?.().catch(() => undefined);
}
