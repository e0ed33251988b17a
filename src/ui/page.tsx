import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A page with its one `h1` (SPEC §5) and a toolbar; sets the document title. */
export function Page({ title, actions, children, description }: { title: string; actions?: ReactNode; children?: ReactNode; description?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('appName')}`;
  }, [title, t]);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page__header">
        <h1 id="page-title">{title}</h1>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </header>
      {description ? <div className="page__description">{description}</div> : null}
      {children}
    </section>
  );
}
