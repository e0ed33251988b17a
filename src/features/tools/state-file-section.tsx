import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportState, useImportState } from '../../api/mock-tools';
import { announce } from '../../ui/announcer';
import { ConfirmDialog } from '../../ui/dialog';
import { errorText } from '../../ui/query-state';
import { BusyButton } from '../../ui/busy-button';
import { REQUEST_LIMITS } from '../../domain/limits';
import { downloadJson } from '../../ui/download';

/** Reads a file as text, telling how far it got (a large state file takes a moment). */
function readWithProgress(file: File, onProgress: (loaded: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded);
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

const FILE_NAME = 'hosting-panel-state.json';

interface Counts {
  customers: number;
  plans: number;
  subscriptions: number;
}

/** Record counts of a parsed state file, when it has the expected arrays (shown before importing). */
function countsOf(doc: unknown): Counts | undefined {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const { customers, plans, subscriptions } = doc as Record<string, unknown>;
  if (!Array.isArray(customers) || !Array.isArray(plans) || !Array.isArray(subscriptions)) return undefined;
  return { customers: customers.length, plans: plans.length, subscriptions: subscriptions.length };
}

/** The counts of PUT /_mock/state's answer (`{ scenario, counts }`). */
function summaryCounts(summary: unknown): Counts | undefined {
  const counts = (summary as { counts?: Partial<Counts> } | null | undefined)?.counts;
  if (!counts) return undefined;
  const { customers, plans, subscriptions } = counts;
  return typeof customers === 'number' && typeof plans === 'number' && typeof subscriptions === 'number' ? { customers, plans, subscriptions } : undefined;
}

/**
 * Export the whole store as a JSON file, and import one. The file is read and parsed here; the
 * API validates it (schema version, shapes, references) and refuses a bad one without changing
 * anything. Importing replaces every record, so it asks first.
 */
export function StateFileSection() {
  const { t } = useTranslation('tools');
  const headingId = useId();
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const fileInput = useRef<HTMLInputElement>(null);
  const importState = useImportState();
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [pending, setPending] = useState<{ name: string; doc: unknown; counts: Counts | undefined } | null>(null);
  /** Reading the chosen file (bytes read of its size); the checking step shows while the import runs. */
  const [reading, setReading] = useState<{ name: string; loaded: number; total: number } | null>(null);
  const [importing, setImporting] = useState<string | null>(null);

  const countsText = (c: Counts) =>
    t('file.counts', {
      customers: t('file.customers', { count: c.customers }),
      plans: t('file.plans', { count: c.plans }),
      subscriptions: t('file.subscriptions', { count: c.subscriptions }),
    });

  async function onExport() {
    setError(null);
    setExporting(true);
    try {
      downloadJson(JSON.stringify(await exportState(), null, 2), FILE_NAME);
      announce(t('file.exported', { name: FILE_NAME }));
    } catch (e) {
      setError(t('file.exportFailed', { detail: errorText(e) }));
    } finally {
      setExporting(false);
    }
  }

  async function onChooseImport() {
    setError(null);
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setError(t('file.noFile'));
      fileInput.current?.focus();
      return;
    }
    // The API's own limit, said before reading megabytes for nothing.
    if (file.size > REQUEST_LIMITS.importBytes) {
      setError(t('file.tooLarge', { name: file.name, max: Math.round(REQUEST_LIMITS.importBytes / (1024 * 1024)) }));
      return;
    }
    let doc: unknown;
    setReading({ name: file.name, loaded: 0, total: file.size });
    try {
      const text = await readWithProgress(file, (loaded) => setReading({ name: file.name, loaded, total: file.size }));
      doc = JSON.parse(text);
    } catch {
      setError(t('file.notJson', { name: file.name }));
      return;
    } finally {
      setReading(null);
    }
    importState.reset();
    setPending({ name: file.name, doc, counts: countsOf(doc) });
  }

  function onConfirmImport() {
    if (!pending) return;
    const { name, doc } = pending;
    setImporting(name);
    importState.mutate(doc, {
      onSettled: () => setImporting(null),
      onSuccess: (summary) => {
        setPending(null);
        const counts = summaryCounts(summary);
        announce(counts ? t('file.importedWithCounts', { name, counts: countsText(counts) }) : t('file.imported', { name }));
      },
      onError: (e) => {
        // The reason belongs to the file: shown next to the file input, the dialog closes.
        setPending(null);
        setError(t('file.refused', { name, detail: errorText(e) }));
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
        <input
          id={inputId}
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={() => setError(null)}
        />
      </div>
      {error ? (
        <p className="field-error" role="alert" id={errorId}>
          {error}
        </p>
      ) : null}
      {reading || importing ? (
        <div className="import-progress">
          <progress
            aria-label={t('file.progressLabel')}
            aria-valuetext={reading ? t('file.progressReading', { name: reading.name }) : t('file.progressChecking', { name: importing })}
            {...(reading && reading.total > 0 ? { value: reading.loaded, max: reading.total } : {})}
          />
          <p className="muted" aria-live="polite">
            {reading ? t('file.progressReading', { name: reading.name }) : t('file.progressChecking', { name: importing })}
          </p>
        </div>
      ) : null}
      <div className="form__actions">
        <BusyButton className="button button--primary" onClick={() => void onChooseImport()} busy={importState.isPending || reading !== null}>
          {t('file.import')}
        </BusyButton>
      </div>
      <ConfirmDialog
        title={t('file.confirmTitle', { name: pending?.name ?? '' })}
        isOpen={pending !== null}
        onOpenChange={(open) => {
          if (!open) setPending(null);
        }}
        confirmLabel={t('file.import')}
        isPending={importState.isPending}
        destructive
        onConfirm={onConfirmImport}
      >
        <p>{pending?.counts ? t('file.confirmBodyCounts', { counts: countsText(pending.counts) }) : t('file.confirmBody')}</p>
        {importing ? (
          <div className="import-progress">
            <progress aria-label={t('file.progressLabel')} aria-valuetext={t('file.progressChecking', { name: importing })} />
            <p className="muted">{t('file.progressChecking', { name: importing })}</p>
          </div>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
