import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { i18next } from '../i18n/i18n';

/** Problem types the client says in the user's language (never the API's English `detail`). */
const TRANSLATED_PROBLEMS = new Set(['backend-unavailable', 'storage-full', 'storage-failed', 'state-replaced', 'payload-too-large', 'method-not-allowed']);

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const slug = error.problem.type?.slice(error.problem.type.lastIndexOf('/') + 1) ?? '';
    if (TRANSLATED_PROBLEMS.has(slug)) return i18next.t(`common:problems.${slug}`, { ...(error.problem as unknown as Record<string, unknown>) });
    return error.problem.detail ?? error.problem.title;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="state state--loading" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </p>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="state state--error" role="alert">
      <p>{t('loadFailed', { detail: errorText(error) })}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return <p className="state state--empty">{children ?? t('empty')}</p>;
}
