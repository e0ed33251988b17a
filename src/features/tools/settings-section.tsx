import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMockSettings, useUpdateMockSettings } from '../../api/mock-tools';
import { announce } from '../../ui/announcer';
import { TextField } from '../../ui/form-field';
import { ErrorState, LoadingState, errorText } from '../../ui/query-state';
import { BusyButton } from '../../ui/busy-button';
import { parseFailureRateText, parseLatencyText } from '../../domain/schemas';

/** Latency and fault rate of the mock API (the `/_mock` endpoints are never delayed or failed). */
export function SettingsSection() {
  const { t } = useTranslation('tools');
  const headingId = useId();
  const settings = useMockSettings();
  const update = useUpdateMockSettings();
  const [latency, setLatency] = useState('');
  const [rate, setRate] = useState('');
  const [errors, setErrors] = useState<{ latency?: string; rate?: string }>({});
  // What the user typed is never replaced by a refetch (e.g. another tab changed the settings).
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (settings.data && !dirty) {
      setLatency(String(settings.data.latencyMs));
      setRate(String(settings.data.failureRate));
    }
  }, [settings.data, dirty]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    // The same parser as ?latency= and ?failureRate= (the domain's).
    const latencyMs = parseLatencyText(latency);
    const failureRate = parseFailureRateText(rate);
    const next: typeof errors = {};
    if (latencyMs === undefined) next.latency = t('settings.latencyInvalid');
    if (failureRate === undefined) next.rate = t('settings.rateInvalid');
    setErrors(next);
    if (latencyMs === undefined || failureRate === undefined) return;
    update.mutate(
      { latencyMs, failureRate },
      {
        onSuccess: () => {
          setDirty(false);
          announce(t('settings.saved', { latencyMs, failureRate }));
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('settings.heading')}</h2>
      {settings.isPending ? <LoadingState /> : settings.isError ? <ErrorState error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('settings.latency')}
          inputMode="numeric"
          value={latency}
          onChange={(e) => {
            setDirty(true);
            setLatency(e.target.value);
          }}
          error={errors.latency}
          hint={t('settings.latencyHint')}
        />
        <TextField
          label={t('settings.failureRate')}
          inputMode="decimal"
          value={rate}
          onChange={(e) => {
            setDirty(true);
            setRate(e.target.value);
          }}
          error={errors.rate}
          hint={t('settings.failureRateHint')}
        />
        {update.error ? (
          <p className="field-error" role="alert">
            {errorText(update.error)}
          </p>
        ) : null}
        <div className="form__actions">
          <BusyButton type="submit" className="button button--primary" busy={update.isPending}>
            {t('settings.apply')}
          </BusyButton>
        </div>
      </form>
    </section>
  );
}
