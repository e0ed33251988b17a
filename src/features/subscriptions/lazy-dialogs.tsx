import { lazy, Suspense, type ComponentProps } from 'react';
import { loadNamespaces } from '../../i18n/i18n';
import type { ConfirmDialog as ConfirmDialogType } from '../../ui/dialog';
import type { ChangePlanDialog as ChangePlanDialogType, ChangeSubscriberDialog as ChangeSubscriberDialogType } from './change-dialogs';

/**
 * The list's bulk-action dialogs, loaded when first opened: their React Aria overlays and
 * forms are not needed to show the list, so they stay out of the first screen's JavaScript.
 * Same props as the real components; nothing shows while the chunk loads (a few ms, local).
 * A chunk that fails to load crashes the page into the crash screen (with Reload).
 */
const LazyConfirm = lazy(() => import('../../ui/dialog').then((m) => ({ default: m.ConfirmDialog })));
// Their fields' errors are `validation` sentences (read outside a hook: loaded with the code).
const changeDialogs = () => Promise.all([import('./change-dialogs'), loadNamespaces(['validation'])]).then(([m]) => m);
const LazyChangePlan = lazy(() => changeDialogs().then((m) => ({ default: m.ChangePlanDialog })));
const LazyChangeSubscriber = lazy(() => changeDialogs().then((m) => ({ default: m.ChangeSubscriberDialog })));

export function ConfirmDialog(props: ComponentProps<typeof ConfirmDialogType>) {
  return (
    <Suspense fallback={null}>
      <LazyConfirm {...props} />
    </Suspense>
  );
}

export function ChangePlanDialog(props: ComponentProps<typeof ChangePlanDialogType>) {
  return (
    <Suspense fallback={null}>
      <LazyChangePlan {...props} />
    </Suspense>
  );
}

export function ChangeSubscriberDialog(props: ComponentProps<typeof ChangeSubscriberDialogType>) {
  return (
    <Suspense fallback={null}>
      <LazyChangeSubscriber {...props} />
    </Suspense>
  );
}
