import { useMatches } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../ui/page';
import { LoadingState } from '../ui/query-state';
import { ListSkeleton } from '../ui/list-skeleton';

/** What a route may tell the shell before its code has loaded. */
export interface RouteHandle {
  /** i18n key (`namespace:key`) of the page's h1, when it does not depend on the record shown. */
  title?: string;
  /** The page is a list: its skeleton rows show while the code loads. */
  list?: boolean;
}

/**
 * The page area while the first screen's code loads: the page's own h1 when the route names it
 * (the lists, Home, the tools), so the title paints with the shell and stays where it is when the
 * page arrives; else the loading state alone.
 */
export function RouteFallback() {
  const { t } = useTranslation();
  const matches = useMatches();
  const handle = [...matches]
    .reverse()
    .map((m) => m.handle as RouteHandle | undefined)
    .find((h) => h?.title !== undefined);
  if (!handle?.title) return <LoadingState />;
  return <Page title={t(handle.title)}>{handle.list ? <ListSkeleton /> : <LoadingState />}</Page>;
}
