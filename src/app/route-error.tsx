import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../ui/page';

/** Never a white screen: unknown routes and crashed screens land here, inside the shell. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return (
    <Page title={t('crash.title')}>
      <div role="alert">
        <p>{t('crash.body')}</p>
        <p className="muted">{error instanceof Error ? error.message : String(error)}</p>
      </div>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('crash.reload')}
      </button>
    </Page>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </Page>
  );
}
