import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { catalogueItem } from '../../domain/catalogue';
import { formatCount } from '../../domain/format';
import { NUMERIC_RESOURCE_KEYS, PERMISSION_KEYS, PHP_KEYS, type Reseller, type SyncReport, type ValueGroup } from '../../domain/types';
import { ApiError } from '../../api/http';
import { useReseller } from '../../api/reseller';
import { usePlan, usePlanPreview, useUpdatePlan, type PlanItem } from '../../api/service-plans';
import { announce } from '../../ui/announcer';
import { ReloadRecordDialog } from '../../ui/dialog';
import { Page } from '../../ui/page';
import { ErrorState, LoadingState, errorText } from '../../ui/query-state';
import { useLang } from '../../ui/use-lang';
import './plan-page.css';
import { AmountField, EnumField, ExpirationField, FlagField, PhpField } from './plan-fields';
import { FieldError, issueError, textError, type FormIssue } from '../../ui/field-error';
import { formPathOf, groupOfPath, lackingItems, planResolver, readValues, toFormValues, type LackingItem, type PlanFormValues } from './plan-form-model';
import { BusyButton } from '../../ui/busy-button';
import { useDebounced } from '../../ui/use-debounced';

const HOSTING_FLAGS = ['php', 'ssl', 'cgi', 'perl', 'python', 'fastcgi', 'ssi', 'errdocs'] as const;

/** The plan page: its values in tabs, and Update & Sync, which its unlocked subscriptions follow. */
export function PlanPage() {
  const { t } = useTranslation('plans');
  const { planId = '' } = useParams();
  const plan = usePlan(planId);
  const reseller = useReseller();

  if (plan.isPending) {
    return (
      <Page title={t('edit.loadingTitle')}>
        <LoadingState />
      </Page>
    );
  }
  if (plan.isError) {
    const missing = plan.error instanceof ApiError && plan.error.status === 404;
    return (
      <Page title={missing ? t('edit.notFound') : t('edit.loadingTitle')}>
        <ErrorState error={plan.error} onRetry={missing ? undefined : () => void plan.refetch()} />
        <p>
          <Link to="/service-plans">{t('edit.backToList')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <PlanEditor
      key={plan.data.id}
      plan={plan.data}
      reseller={reseller.data}
      resellerError={reseller.isError ? reseller.error : null}
      onReload={async () => (await plan.refetch()).data}
    />
  );
}

function firstErrorPath(errors: FieldErrors<PlanFormValues>, prefix = ''): string | undefined {
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if ('message' in value && typeof value.message === 'string') return path;
    const inner = firstErrorPath(value as FieldErrors<PlanFormValues>, path);
    if (inner) return inner;
  }
  return undefined;
}

function PlanEditor({
  plan,
  reseller,
  resellerError,
  onReload,
}: {
  plan: PlanItem;
  reseller: Reseller | undefined;
  resellerError: unknown;
  onReload: () => Promise<PlanItem | undefined>;
}) {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const form = useForm<PlanFormValues>({ resolver: planResolver, defaultValues: toFormValues(plan) });
  const [etag, setEtag] = useState(plan.etag);
  const [tab, setTab] = useState<ValueGroup>('resources');
  const [focusAfterTab, setFocusAfterTab] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [report, setReport] = useState<SyncReport | null>(null);
  const update = useUpdatePlan();
  const { isDirty, errors } = form.formState;
  const hosting = plan.kind === 'hosting';
  const tabs: ValueGroup[] = hosting ? ['resources', 'permissions', 'hosting', 'php'] : ['resources', 'permissions'];

  // A newer version of the plan (another tab, a refetch) replaces the form only while the user
  // has not typed anything: their edits are never thrown away behind their back.
  useEffect(() => {
    if (plan.etag && plan.etag !== etag && !isDirty && !update.isPending) {
      form.reset(toFormValues(plan));
      setEtag(plan.etag);
    }
  }, [plan, etag, isDirty, update.isPending, form]);

  // A field with an error on another tab: show that tab, then put the focus on the field.
  useEffect(() => {
    if (!focusAfterTab) return;
    form.setFocus(focusAfterTab as 'name');
    setFocusAfterTab(null);
  }, [tab, focusAfterTab, form]);

  const goToField = (path: string) => {
    const group = groupOfPath(path);
    if (group !== 'name' && group !== tab) setTab(group);
    setFocusAfterTab(path);
  };

  const watched = useWatch({ control: form.control }) as PlanFormValues;
  const lacking = useMemo(() => {
    const map = new Map<string, LackingItem>();
    if (!reseller) return map;
    for (const item of lackingItems(readValues(watched).values, reseller)) map.set(`${item.group}.${item.key}`, item);
    return map;
  }, [watched, reseller]);

  // The preview asks the mock what the save would do with the values as they are in the form.
  const formValues = useMemo(() => {
    const read = readValues(watched);
    return read.issues.length > 0 ? null : read.values;
  }, [watched]);
  const previewValues = useDebounced(formValues, JSON.stringify(formValues));
  const preview = usePlanPreview(plan.id, previewValues);

  const counts = plan.counts ?? { synced: 0, unsynced: 0, locked: 0 };
  const unlocked = counts.synced + counts.unsynced;

  const reportMessage = (r: SyncReport) =>
    t('edit.updated', {
      synced: t('edit.report.synced', { count: r.synced, n: formatCount(r.synced, lang) }),
      unsynced: t('edit.report.unsynced', { count: r.unsynced, n: formatCount(r.unsynced, lang) }),
      locked: t('edit.report.locked', { count: r.locked, n: formatCount(r.locked, lang) }),
    }) + (r.overused && r.overused.length > 0 ? ` ${t('edit.overusedTitle', { count: r.overused.length, n: formatCount(r.overused.length, lang) })}` : '');

  const onInvalid = (invalid: FieldErrors<PlanFormValues>) => {
    const path = firstErrorPath(invalid);
    if (path) goToField(path);
  };

  const onSubmit = form.handleSubmit(async (input) => {
    setStale(false);
    const { values } = readValues(input);
    try {
      const result = await update.mutateAsync({ id: plan.id, name: input.name.trim(), values, etag });
      form.reset(toFormValues(result.plan));
      setEtag(result.etag ?? result.plan.etag);
      setReport(result.report);
      announce(reportMessage(result.report));
    } catch (error) {
      if (!(error instanceof ApiError)) return;
      if (error.isStale) {
        setStale(true);
        return;
      }
      const issues: FormIssue[] = [];
      if (error.status === 409) issues.push({ path: 'name', code: 'name_taken' });
      for (const issue of error.problem.issues ?? []) {
        const path = formPathOf(issue.path);
        if (path) issues.push({ path, code: issue.code, ...(issue.params ? { params: issue.params } : {}) });
      }
      if (issues.length === 0) {
        // No machine-readable issues: the server's own sentences still go to their fields.
        for (const [apiPath, messages] of Object.entries(error.problem.errors ?? {})) {
          const path = formPathOf(apiPath);
          if (path && messages[0]) form.setError(path as 'name', textError(messages[0]));
        }
      }
      for (const issue of issues) form.setError(issue.path as 'name', issueError(issue, 'server'));
      const first = issues[0]?.path ?? firstErrorPath(form.formState.errors);
      if (first) goToField(first);
    }
  }, onInvalid);

  // "Reload record" replaces the form with the saved plan: never what the user typed unasked.
  const [confirmReload, setConfirmReload] = useState(false);
  const reload = async () => {
    setConfirmReload(false);
    const fresh = await onReload();
    if (!fresh) return;
    form.reset(toFormValues(fresh));
    setEtag(fresh.etag);
    setStale(false);
    update.reset();
  };

  const failure = update.error && !stale ? update.error : null;
  const failureText =
    failure instanceof ApiError && (failure.status === 422 || failure.status === 409) ? t('edit.invalid') : t('edit.failed', { detail: errorText(failure) });
  const lackingLabels = [...lacking.values()].map((item) => catalogueItem(item.group, item.key).label[lang]);
  const listUrl = `/service-plans${hosting ? '' : '?kind=addon'}`;
  const unsyncedUrl = `/subscriptions?planId=${encodeURIComponent(plan.id)}&sync=unsynced`;
  const fieldProps = { form, lacking };

  return (
    <Page title={plan.name} description={<p>{t(`kind.${plan.kind}`)}</p>}>
      {stale ? (
        <div className="notice" role="alert">
          <p>{t('errors.stale', { ns: 'common' })}</p>
          <button type="button" className="button" onClick={() => (isDirty ? setConfirmReload(true) : void reload())}>
            {t('errors.reloadRecord', { ns: 'common' })}
          </button>
        </div>
      ) : null}
      {failure ? (
        <p className="field-error" role="alert">
          {failureText}
        </p>
      ) : null}
      {report ? (
        <section className="card" aria-labelledby="plan-report-title">
          <h2 id="plan-report-title">{t('edit.reportTitle')}</h2>
          <p>{reportMessage(report)}</p>
          {report.overused && report.overused.length > 0 ? (
            <>
              <p>{t('edit.overusedTitle', { count: report.overused.length, n: formatCount(report.overused.length, lang) })}</p>
              <ul>
                {report.overused.map((o) => (
                  <li key={o.id}>
                    <Link to={`/subscriptions/${encodeURIComponent(o.id)}`}>{o.domain}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {report.unsynced > 0 ? (
            <p>
              <Link to={unsyncedUrl}>{t('edit.showUnsynced', { count: report.unsynced, n: formatCount(report.unsynced, lang) })}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
      <ReloadRecordDialog isOpen={confirmReload} onOpenChange={setConfirmReload} onReload={() => void reload()} />
      <form className="card" noValidate onSubmit={(e) => void onSubmit(e)}>
        <div className="form">
          <div className="field">
            <label htmlFor="plan-name">{t('fields.name')}</label>
            <input
              id="plan-name"
              autoComplete="off"
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? 'plan-name-error' : undefined}
              {...form.register('name')}
            />
            <FieldError id="plan-name-error" error={errors.name} />
          </div>
        </div>

        <section aria-labelledby="plan-reach-title">
          <h2 id="plan-reach-title">{t('edit.reachTitle')}</h2>
          <p>{t('edit.reachIntro')}</p>
          <ul>
            <li>{t('edit.willFollow', { count: unlocked, n: formatCount(unlocked, lang) })}</li>
            <li>{t('edit.willSkip', { count: counts.locked, n: formatCount(counts.locked, lang) })}</li>
          </ul>
          {resellerError ? <p className="field-error">{t('edit.resellerUnknown', { detail: errorText(resellerError) })}</p> : null}
          {lacking.size > 0 ? (
            <div className="notice">
              <p>{t('edit.lackingList', { items: lackingLabels.join(', ') })}</p>
            </div>
          ) : null}
          <PlanPreview planId={plan.id} preview={preview} />
        </section>

        <Tabs className="tabs" selectedKey={tab} onSelectionChange={(key) => setTab(key as ValueGroup)}>
          <TabList aria-label={t('edit.sections')}>
            {tabs.map((group) => (
              <Tab key={group} id={group}>
                {t(`edit.tabs.${group}`)}
              </Tab>
            ))}
          </TabList>
          <TabPanel id="resources">
            <div className="grid-2 plan-grid">
              {hosting ? (
                <>
                  <EnumField {...fieldProps} group="resources" k="overuse" />
                  <ExpirationField {...fieldProps} />
                </>
              ) : null}
              {NUMERIC_RESOURCE_KEYS.map((k) => (
                <AmountField key={k} {...fieldProps} k={k} />
              ))}
            </div>
          </TabPanel>
          <TabPanel id="permissions">
            <div className="grid-2 plan-grid">
              {PERMISSION_KEYS.map((k) => (
                <FlagField key={k} {...fieldProps} group="permissions" k={k} />
              ))}
            </div>
          </TabPanel>
          {hosting ? (
            <>
              <TabPanel id="hosting">
                <div className="grid-2 plan-grid">
                  {HOSTING_FLAGS.map((k) => (
                    <FlagField key={k} {...fieldProps} group="hosting" k={k} />
                  ))}
                  <EnumField {...fieldProps} group="hosting" k="php_handler_id" />
                  <EnumField {...fieldProps} group="hosting" k="webstat" />
                  <EnumField {...fieldProps} group="hosting" k="shell" />
                </div>
              </TabPanel>
              <TabPanel id="php">
                <div className="grid-2 plan-grid">
                  {PHP_KEYS.map((k) => (
                    <PhpField key={k} {...fieldProps} k={k} />
                  ))}
                </div>
              </TabPanel>
            </>
          ) : null}
        </Tabs>

        <div className="form__actions">
          <BusyButton type="submit" className="button button--primary" busy={update.isPending}>
            {t('edit.save')}
          </BusyButton>
          <Link className="button" to={listUrl}>
            {t('actions.cancel', { ns: 'common' })}
          </Link>
        </div>
      </form>
    </Page>
  );
}

/** Which subscriptions the edit would leave Unsynced: the mock's answer, the save's own rules. */
function PlanPreview({ planId, preview }: { planId: string; preview: ReturnType<typeof usePlanPreview> }) {
  const { t } = useTranslation('plans');
  const lang = useLang();
  if (preview.isError) return <p className="field-error">{t('edit.previewFailed', { detail: errorText(preview.error) })}</p>;
  if (!preview.data) return preview.isFetching ? <p className="muted">{t('edit.previewChecking')}</p> : null;
  const { report, unsynced } = preview.data;
  const followers = report.synced + report.unsynced;
  if (report.unsynced === 0) {
    return followers > 0 ? <p>{t('edit.previewAllSynced', { count: followers, n: formatCount(followers, lang) })}</p> : null;
  }
  const more = report.unsynced - unsynced.length;
  return (
    <div className="notice" aria-busy={preview.isFetching || undefined}>
      <div>
        <p>
          <strong>{t('edit.previewUnsyncedTitle', { count: report.unsynced, n: formatCount(report.unsynced, lang) })}</strong>
        </p>
        <ul className="plan-preview__list">
          {unsynced.map((s) => (
            <li key={s.id}>
              <Link to={`/subscriptions/${encodeURIComponent(s.id)}`}>{s.domain}</Link>
            </li>
          ))}
          {more > 0 ? <li>{t('edit.previewMore', { count: more, n: formatCount(more, lang) })}</li> : null}
        </ul>
        <p>
          <Link to={`/subscriptions?planId=${encodeURIComponent(planId)}`}>{t('edit.previewList')}</Link>
        </p>
      </div>
    </div>
  );
}
