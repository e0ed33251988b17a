import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './layout';
import { NotFound, RouteError } from './route-error';
import { RouteFallback } from './route-fallback';

// Route-level code splitting: each screen is its own chunk, loaded on first visit.
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        // While the first screen's code loads, the shell (header, navigation) is already there:
        // only the page area waits.
        hydrateFallbackElement: <RouteFallback />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('../features/home/home-page')).HomePage }) },
          {
            path: 'resources',
            lazy: async () => ({ Component: (await import('../features/home/resources-page')).ResourcesPage }),
          },
          {
            path: 'customers',
            handle: { list: true },
            lazy: async () => ({ Component: (await import('../features/customers/customers-page')).CustomersPage }),
          },
          { path: 'customers/new', lazy: async () => ({ Component: (await import('../features/customers/add-customer-page')).AddCustomerPage }) },
          { path: 'customers/:customerId', lazy: async () => ({ Component: (await import('../features/customers/customer-page')).CustomerPage }) },
          {
            path: 'subscriptions',
            handle: { list: true },
            lazy: async () => {
              const page = await import('../features/subscriptions/subscriptions-page');
              // The loader only prefetches the first screen: typing in Search (a search-param
              // navigation) must not wait for it.
              return { Component: page.SubscriptionsPage, loader: page.subscriptionsLoader, shouldRevalidate: () => false };
            },
          },
          {
            path: 'subscriptions/new',
            lazy: async () => ({ Component: (await import('../features/subscriptions/add-subscription-page')).AddSubscriptionPage }),
          },
          {
            path: 'subscriptions/:subscriptionId',
            lazy: async () => ({ Component: (await import('../features/subscriptions/subscription-page')).SubscriptionPage }),
          },
          {
            path: 'service-plans',
            handle: { list: true },
            lazy: async () => ({ Component: (await import('../features/service-plans/service-plans-page')).ServicePlansPage }),
          },
          { path: 'service-plans/new', lazy: async () => ({ Component: (await import('../features/service-plans/add-plan-page')).AddPlanPage }) },
          { path: 'service-plans/:planId', lazy: async () => ({ Component: (await import('../features/service-plans/plan-page')).PlanPage }) },
          { path: 'tools', lazy: async () => ({ Component: (await import('../features/tools/tools-page')).ToolsPage }) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
