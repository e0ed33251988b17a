import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { useMockClock, useSetMockClock, useSetWebsiteUsage } from '../../api/mock-tools';
import { advanceClock, parseClock, type ClockStep } from '../../domain/clock';
import { formatDate } from '../../domain/format';
import { announce } from '../../ui/announcer';
import { BusyButton } from '../../ui/busy-button';
import { TextField } from '../../ui/form-field';
import { ErrorState, LoadingState, errorText } from '../../ui/query-state';
import { useLang } from '../../ui/use-lang';

const MB = 1024 * 1024;

/** Advance time: the mock clock (SPEC §1.6); moving it forward applies expirations. */
export function ClockSection() {
  const { t } = useTranslation('tools');
  const lang = useLang();
  const headingId = useId();
  const clock = useMockClock();
  const setClock = useSetMockClock();
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | undefined>();

  async function moveTo(now: string) {
    const after = await setClock.mutateAsync(now);
    announce(t('clock.set', { date: formatDate(after.now, lang) }));
  }
  const step = (s: ClockStep) => () => {
    if (clock.data) void moveTo(advanceClock(clock.data.now, s)).catch(() => undefined);
  };
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const at = parseClock(date);
    if (at === undefined) {
      setError(t('clock.invalid'));
      return;
    }
    setError(undefined);
    void moveTo(at).catch(() => undefined);
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('clock.heading')}</h2>
      <p>{t('clock.intro')}</p>
      {clock.isPending ? (
        <LoadingState />
      ) : clock.isError ? (
        <ErrorState error={clock.error} onRetry={() => void clock.refetch()} />
      ) : (
        <p>
          {t('clock.now')} <strong>{formatDate(clock.data.now, lang)}</strong> <span className="muted">({clock.data.now})</span>
        </p>
      )}
      <div className="toolbar">
        <BusyButton className="button" busy={setClock.isPending} disabled={!clock.data} onClick={step('day')}>
          {t('clock.plusDay')}
        </BusyButton>
        <BusyButton className="button" busy={setClock.isPending} disabled={!clock.data} onClick={step('month')}>
          {t('clock.plusMonth')}
        </BusyButton>
      </div>
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('clock.date')}
          value={date}
          placeholder="2026-02-01"
          autoComplete="off"
          error={error}
          hint={t('clock.dateHint')}
          onChange={(e) => setDate(e.target.value)}
        />
        {setClock.error ? (
          <p className="field-error" role="alert">
            {errorText(setClock.error)}
          </p>
        ) : null}
        <div className="form__actions">
          <BusyButton type="submit" className="button button--primary" busy={setClock.isPending}>
            {t('clock.apply')}
          </BusyButton>
        </div>
      </form>
    </section>
  );
}

/** A website's simulated disk and traffic usage (SPEC §1.5); new usage applies the overuse policy. */
export function UsageSection() {
  const { t } = useTranslation('tools');
  const headingId = useId();
  const update = useSetWebsiteUsage();
  const [website, setWebsite] = useState('');
  const [disk, setDisk] = useState('');
  const [traffic, setTraffic] = useState('');
  const [errors, setErrors] = useState<{ website?: string; disk?: string; traffic?: string }>({});

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const megabytes = (raw: string) => (raw.trim() === '' ? undefined : /^\d+(\.\d+)?$/.test(raw.trim()) ? Math.round(Number(raw) * MB) : Number.NaN);
    const diskBytes = megabytes(disk);
    const trafficBytes = megabytes(traffic);
    const next: typeof errors = {};
    if (website.trim() === '') next.website = t('usage.websiteRequired');
    if (Number.isNaN(diskBytes)) next.disk = t('usage.invalidAmount');
    if (Number.isNaN(trafficBytes)) next.traffic = t('usage.invalidAmount');
    if (!next.disk && !next.traffic && diskBytes === undefined && trafficBytes === undefined) next.disk = t('usage.nothing');
    setErrors(next);
    if (next.website || next.disk || next.traffic) return;
    update.mutate(
      {
        website: website.trim(),
        ...(diskBytes !== undefined ? { disk_space: diskBytes } : {}),
        ...(trafficBytes !== undefined ? { max_traffic: trafficBytes } : {}),
      },
      {
        onSuccess: () => announce(t('usage.saved', { website: website.trim() })),
        onError: (error) => {
          if (error instanceof ApiError && error.status === 404) setErrors({ website: t('usage.unknownWebsite') });
        },
      },
    );
  }

  const notFound = update.error instanceof ApiError && update.error.status === 404;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('usage.heading')}</h2>
      <p>{t('usage.intro')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('usage.website')}
          value={website}
          autoComplete="off"
          spellCheck={false}
          error={errors.website}
          onChange={(e) => setWebsite(e.target.value)}
        />
        <TextField
          label={t('usage.disk')}
          inputMode="decimal"
          value={disk}
          error={errors.disk}
          hint={t('usage.keepHint')}
          onChange={(e) => setDisk(e.target.value)}
        />
        <TextField
          label={t('usage.traffic')}
          inputMode="decimal"
          value={traffic}
          error={errors.traffic}
          hint={t('usage.keepHint')}
          onChange={(e) => setTraffic(e.target.value)}
        />
        {update.error && !notFound ? (
          <p className="field-error" role="alert">
            {errorText(update.error)}
          </p>
        ) : null}
        <div className="form__actions">
          <BusyButton type="submit" className="button button--primary" busy={update.isPending}>
            {t('usage.apply')}
          </BusyButton>
        </div>
      </form>
    </section>
  );
}
