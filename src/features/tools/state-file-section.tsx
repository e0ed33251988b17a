import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportState, useImportState } from '../../api/mock-tools';
import { ApiError } from '../../api/http';
import { announce } from '../../ui/announcer';
import { errorText } from '../../ui/query-state';

/** Export the whole store as a JSON file, and import one (validated by the API: a bad file changes nothing). */
export function StateFileSection() {
  const { t } = useTranslation('tools');
  const headingId = useId();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const importState = useImportState();
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  async function onExport() {
    setError(null);
    setExporting(true);
    try {
      const state = await exportState();
      const blob = new Blob([JSON.stringify(state, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'hosting-panel-state.json';
      a.click();
      URL.revokeObjectURL(url);
      announce(t('file.exported'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setExporting(false);
    }
  }

  async function onImport() {
    setError(null);
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setError(t('file.noFile'));
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setError(t('file.notJson', { name: file.name }));
      return;
    }
    importState.mutate(parsed, {
      onSuccess: () => announce(t('file.imported', { name: file.name })),
      onError: (e) => {
        const reasons = e instanceof ApiError ? Object.entries(e.problem.errors ?? {}).map(([path, m]) => `${path}: ${m.join(', ')}`) : [];
        setError([t('file.refused', { detail: errorText(e) }), ...reasons.slice(0, 5)].join(' '));
      },
    });
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('file.heading')}</h2>
      <p className="muted">{t('file.intro')}</p>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => void onExport()} disabled={exporting}>
          {t('file.export')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={inputId}>{t('file.choose')}</label>
        <input id={inputId} ref={fileInput} type="file" accept="application/json,.json" aria-describedby={error ? `${inputId}-error` : undefined} />
      </div>
      {error ? (
        <p className="field-error" role="alert" id={`${inputId}-error`}>
          {error}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={() => void onImport()} disabled={importState.isPending}>
          {t('file.import')}
        </button>
      </div>
    </section>
  );
}
