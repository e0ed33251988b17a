import { Component, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../ui/page';

/** Never a white screen: a crashed screen (or one whose code failed to load) lands here, inside the shell. */
export function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
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

interface BoundaryProps {
  /** A new value (the next location) clears the error: the user can navigate away from a crash. */
  resetKey: string;
  children: ReactNode;
}

interface BoundaryState {
  resetKey: string;
  error: { value: unknown } | null;
}

/**
 * Catches what its routes throw while rendering (a lazy screen's import rejecting too) and shows
 * `RouteError`; React logs the error to the console (its default `onCaughtError`).
 */
export class RouteErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { resetKey: this.props.resetKey, error: null };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: { value: error } };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { resetKey: props.resetKey, error: null };
  }

  override render() {
    return this.state.error ? <RouteError error={this.state.error.value} /> : this.props.children;
  }
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
