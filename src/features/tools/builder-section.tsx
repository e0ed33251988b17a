import { Fragment, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { useBuildWorld } from '../../api/mock-tools';
import { checkBuild, MIX_KEYS, type BuildInput, type MixKey } from '../../domain/build-code';
import type { BuildResult } from '../../domain/contract';
import { BUILD_LIMITS } from '../../domain/limits';
import type { ValidationIssue } from '../../domain/schemas';
import { issueText } from '../../i18n/messages';
import { announce } from '../../ui/announcer';
import { BusyButton } from '../../ui/busy-button';
import { ConfirmDialog } from '../../ui/dialog';
import { TextField } from '../../ui/form-field';
import { errorText } from '../../ui/query-state';
import { useLang } from '../../ui/use-lang';

const COUNT_KEYS = ['customers', 'subscriptions', 'plans'] as const;
type CountKey = (typeof COUNT_KEYS)[number];
type FieldKey = 'seed' | CountKey | MixKey;
const SYNC_KEYS = ['unsynced', 'locked', 'custom'] as const satisfies readonly MixKey[];
const OTHER_KEYS = ['suspended', 'overused'] as const satisfies readonly MixKey[];
const MIN: Record<CountKey, number> = { customers: 0, subscriptions: 0, plans: 1 };

const INITIAL: Record<FieldKey, string> = {
  seed: '2026',
  customers: '200',
  subscriptions: '1000',
  plans: '6',
  unsynced: '10',
  locked: '10',
  custom: '5',
  suspended: '5',
  overused: '5',
};

/** A percentage as typed (a decimal comma is fine, 0.01 % steps) → a share of 0..1; undefined when it is not one. */
function shareOf(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (!/^\d{1,3}(?:\.\d{1,2})?$/.test(t)) return undefined;
  const hundredths = Math.round(Number(t) * 100);
  return hundredths <= 10_000 ? hundredths / 10_000 : undefined;
}

/**
 * The scenario builder (issue 16): counts and a mix of states built from a seed — the same
 * choices give the same ids, names and dates — and a link (`?build=`) that builds it again.
 */
export function BuilderSection() {
  const { t } = useTranslation('tools');
  const lang = useLang();
  const headingId = useId();
  const syncErrorId = useId();
  const linkId = useId();
  const build = useBuildWorld();
  const [fields, setFields] = useState(INITIAL);
  const [errors, setErrors] = useState<Partial<Record<FieldKey | 'mix', string>>>({});
  const [pending, setPending] = useState<BuildInput | null>(null);
  const [result, setResult] = useState<{ seed: number; built: BuildResult } | null>(null);
  const [link, setLink] = useState<string | null>(null);

  const set = (key: FieldKey) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: e.target.value }));
  const countsText = (c: BuildResult['counts']) =>
    t('file.counts', {
      customers: t('file.customers', { count: c.customers }),
      plans: t('file.plans', { count: c.plans }),
      subscriptions: t('file.subscriptions', { count: c.subscriptions }),
    });

  /** Issues of the domain's rules (or the API's 422) on the fields they name. */
  function issuesToErrors(issues: readonly ValidationIssue[]) {
    const out: Partial<Record<FieldKey | 'mix', string>> = {};
    for (const issue of issues) {
      const key = (issue.path.startsWith('mix.') ? issue.path.slice(4) : issue.path) as FieldKey | 'mix';
      if (key === 'mix' || Object.hasOwn(INITIAL, key)) out[key] ??= issueText(issue, lang);
    }
    return out;
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const next: Partial<Record<FieldKey | 'mix', string>> = {};
    const seedText = fields.seed.trim();
    const seed = /^\d{1,10}$/.test(seedText) && Number(seedText) <= BUILD_LIMITS.seed ? Number(seedText) : undefined;
    if (seed === undefined) next.seed = t('builder.seedInvalid');
    const counts = {} as Record<CountKey, number>;
    for (const key of COUNT_KEYS) {
      const text = fields[key].trim();
      const n = Number(text);
      if (/^\d{1,6}$/.test(text) && n >= MIN[key] && n <= BUILD_LIMITS[key]) counts[key] = n;
      else next[key] = t('builder.countInvalid', { min: MIN[key], max: BUILD_LIMITS[key].toLocaleString(lang) });
    }
    const mix = {} as Record<MixKey, number>;
    for (const key of MIX_KEYS) {
      const share = shareOf(fields[key]);
      if (share === undefined) next[key] = t('builder.shareInvalid');
      else mix[key] = share;
    }
    if (Object.keys(next).length === 0) {
      // The rules between fields are the API's own (shares together, Unsynced needs 2 plans).
      const checked = checkBuild({ seed, ...counts, mix });
      if (!checked.ok) Object.assign(next, issuesToErrors(checked.issues));
      else {
        setErrors({});
        build.reset();
        setPending(checked.value);
        return;
      }
    }
    setErrors(next);
  }

  function onConfirm() {
    if (!pending) return;
    const input = pending;
    build.mutate(input, {
      onSuccess: (built) => {
        setPending(null);
        setLink(null);
        setResult({ seed: input.seed, built });
        announce(t('builder.done', { seed: input.seed, counts: countsText(built.counts), states: t('builder.states', built.states) }));
      },
      onError: (error) => {
        if (error instanceof ApiError && error.problem.issues?.length) {
          setPending(null);
          setErrors(issuesToErrors(error.problem.issues));
        }
      },
    });
  }

  async function copyLink() {
    if (!result) return;
    const url = new URL('/subscriptions', window.location.href);
    url.searchParams.set('build', result.built.build);
    setLink(url.toString());
    try {
      await navigator.clipboard.writeText(url.toString());
      announce(t('builder.linkCopied'));
    } catch {
      // No clipboard (permission, insecure context): the link is in the field to copy by hand.
      announce(t('builder.linkReady'));
    }
  }

  function randomSeed() {
    const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
    setFields((f) => ({ ...f, seed: String(value) }));
    setErrors(({ seed: _seed, ...rest }) => rest);
  }

  const percentField = (key: MixKey, groupErrorId?: string) => (
    <TextField
      key={key}
      label={t(`builder.${key}`)}
      inputMode="decimal"
      autoComplete="off"
      value={fields[key]}
      onChange={set(key)}
      error={errors[key]}
      groupErrorId={groupErrorId}
    />
  );

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('builder.heading')}</h2>
      <p className="muted">{t('builder.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <div className="form">
          <TextField
            label={t('builder.seed')}
            inputMode="numeric"
            autoComplete="off"
            value={fields.seed}
            onChange={set('seed')}
            error={errors.seed}
            hint={t('builder.seedHint')}
          />
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={randomSeed}>
            {t('builder.randomSeed')}
          </button>
        </div>
        <fieldset className="fieldset">
          <legend>{t('builder.countsLegend')}</legend>
          <div className="grid-2">
            {COUNT_KEYS.map((key) => (
              <TextField
                key={key}
                label={t(`builder.${key}`)}
                inputMode="numeric"
                autoComplete="off"
                value={fields[key]}
                onChange={set(key)}
                error={errors[key]}
                hint={t(`builder.${key}Hint`, { max: BUILD_LIMITS[key].toLocaleString(lang) })}
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('builder.syncLegend')}</legend>
          <p className="field-hint">{t('builder.syncHint')}</p>
          {errors.mix ? (
            <p className="field-error" id={syncErrorId}>
              {errors.mix}
            </p>
          ) : null}
          <div className="grid-2">{SYNC_KEYS.map((key) => percentField(key, errors.mix ? syncErrorId : undefined))}</div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('builder.otherLegend')}</legend>
          <p className="field-hint">{t('builder.otherHint')}</p>
          <div className="grid-2">{OTHER_KEYS.map((key) => percentField(key))}</div>
        </fieldset>
        <div className="form__actions">
          <BusyButton type="submit" className="button button--primary" busy={build.isPending}>
            {t('builder.build')}
          </BusyButton>
        </div>
      </form>
      {result ? (
        <div className="builder-result">
          <h3>{t('builder.resultHeading', { seed: result.seed })}</h3>
          <dl className="summary-list">
            <dt>{t('builder.seed')}</dt>
            <dd>{result.seed}</dd>
            {COUNT_KEYS.map((key) => (
              <Fragment key={key}>
                <dt>{t(`builder.${key}`)}</dt>
                <dd>{result.built.counts[key].toLocaleString(lang)}</dd>
              </Fragment>
            ))}
            {(['synced', ...MIX_KEYS] as const).map((key) => (
              <Fragment key={key}>
                <dt>{t(`builder.state.${key}`)}</dt>
                <dd>{result.built.states[key].toLocaleString(lang)}</dd>
              </Fragment>
            ))}
          </dl>
          <div className="toolbar">
            <button type="button" className="button" onClick={() => void copyLink()}>
              {t('builder.copyLink')}
            </button>
          </div>
          {link ? (
            <div className="field">
              <label htmlFor={linkId}>{t('builder.linkLabel')}</label>
              <input id={linkId} type="url" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
            </div>
          ) : null}
        </div>
      ) : null}
      <ConfirmDialog
        title={t('builder.confirmTitle')}
        isOpen={pending !== null}
        onOpenChange={(open) => {
          if (!open) setPending(null);
        }}
        confirmLabel={t('builder.build')}
        isPending={build.isPending}
        error={build.error}
        destructive
        onConfirm={onConfirm}
      >
        {pending ? (
          <p>
            {t('builder.confirmBody', {
              seed: pending.seed,
              counts: countsText({ customers: pending.customers, plans: pending.plans, subscriptions: pending.subscriptions }),
              mix: MIX_KEYS.map((k) =>
                t('builder.mixItem', { state: t(`builder.state.${k}`), percent: (Math.round(pending.mix[k] * 10_000) / 100).toLocaleString(lang) }),
              ).join(', '),
            })}
          </p>
        ) : null}
      </ConfirmDialog>
      {build.error && !pending && !(build.error instanceof ApiError && build.error.problem.issues?.length) ? (
        <p className="field-error" role="alert">
          {errorText(build.error)}
        </p>
      ) : null}
    </section>
  );
}
