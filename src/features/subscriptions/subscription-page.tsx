import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/http';
import { planQuery, usePlans } from '../../api/service-plans';
import {
  useBulkSubscriptions,
  useRemoveSubscription,
  useSubscription,
  useSubscriptionStatus,
  type BulkResult,
  type SubscriptionItem,
} from '../../api/subscriptions';
import { formatBytes, formatDate } from '../../domain/format';
import { desiredValues, subscriptionCan, type ActionName } from '../../domain/sync-engine';
import { announce } from '../../ui/announcer';
import { ConfirmDialog, ReloadRecordDialog } from '../../ui/dialog';
import { Page } from '../../ui/page';
import { ErrorState, LoadingState, errorText } from '../../ui/query-state';
import { SyncStateBadge } from '../../ui/sync-state-badge';
import { SubscriptionStatus } from '../../ui/subscription-status';
import { labelOf } from '../../domain/catalogue';
import { OVERUSE_POLICY_RULES, overusePolicyLabel } from '../../domain/overuse';
import { SUSPENSION_LABELS } from '../../domain/suspension';
import { UsageMeters, WebsitesSection } from './websites-section';
import { useLang } from '../../ui/use-lang';
import { ChangePlanDialog, ChangeSubscriberDialog } from './change-dialogs';
import { CustomizeForm } from './customize-form';
import { useSyncFlow } from './use-sync-flow';
import { ValuesComparison } from './values-comparison';
import { reasonText } from '../../i18n/messages';
import { BusyButton } from '../../ui/busy-button';

type Dialog = 'change-plan' | 'change-subscriber' | 'remove' | null;

/** A subscription: summary, its values beside its plan's, and what can be done with it. */
export function SubscriptionPage() {
  const { t } = useTranslation('subscriptions');
  const { subscriptionId = '' } = useParams();
  const subscription = useSubscription(subscriptionId);

  if (subscription.isPending) {
    return (
      <Page title={t('title')}>
        <LoadingState />
      </Page>
    );
  }
  if (subscription.isError) {
    const missing = subscription.error instanceof ApiError && subscription.error.status === 404;
    return (
      <Page title={t('title')}>
        {missing ? (
          <div className="state state--error" role="alert">
            <p>{t('detail.notFound')}</p>
            <Link to="/subscriptions">{t('detail.backToList')}</Link>
          </div>
        ) : (
          <ErrorState error={subscription.error} onRetry={() => void subscription.refetch()} />
        )}
      </Page>
    );
  }
  return <SubscriptionView subscription={subscription.data} onReload={() => subscription.refetch()} />;
}

function SubscriptionView({ subscription: s, onReload }: { subscription: SubscriptionItem; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation('subscriptions');
  const lang = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const customizing = params.get('customize') === '1';
  const [dialog, setDialog] = useState<Dialog>(null);
  const [failure, setFailure] = useState<{ action: string; error: unknown } | null>(null);
  // Bumped by "Reload record" after a 412: an open Customize form starts again from the fresh record.
  const [formKey, setFormKey] = useState(0);
  // With the Customize form open, reloading would throw away what was typed there: ask first.
  const [confirmReload, setConfirmReload] = useState(false);
  const reloadRecord = () => {
    setConfirmReload(false);
    setFailure(null);
    void onReload().then(() => setFormKey((k) => k + 1));
  };
  const customizeRef = useRef<HTMLButtonElement>(null);
  const wasCustomizing = useRef(customizing);
  // Leaving the form (saved or cancelled) returns the focus to the button that opened it; in an
  // effect, because the lock warning dialog holds the focus until it has unmounted.
  useEffect(() => {
    if (wasCustomizing.current && !customizing) customizeRef.current?.focus();
    wasCustomizing.current = customizing;
  }, [customizing]);

  const plan = useQuery({ ...planQuery(s.planId ?? ''), enabled: s.planId !== null });
  const addonPlans = usePlans({ kind: 'addon' });
  const status = useSubscriptionStatus();
  const remove = useRemoveSubscription();
  const bulk = useBulkSubscriptions();
  const [resultError, setResultError] = useState<ApiError | null>(null);

  const fail = (action: string) => (error: unknown) => setFailure({ action, error });
  const syncFlow = useSyncFlow({ onError: fail(t('actions.synchronize')) });

  const addons = (addonPlans.data?.items ?? []).filter((a) => s.addonIds.includes(a.id));
  const desired = s.planId !== null && plan.data ? desiredValues(plan.data, addons) : null;
  const can = subscriptionCan(s);
  const reason = (action: ActionName) => {
    const r = can[action].reason;
    return r ? reasonText(r, lang) : undefined;
  };
  const busy = status.isPending || remove.isPending || bulk.isPending || syncFlow.isPending;

  function setCustomizing(on: boolean) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (on) next.set('customize', '1');
        else next.delete('customize');
        return next;
      },
      { replace: false },
    );
  }

  async function setStatus(action: 'suspend' | 'activate') {
    setFailure(null);
    // Once done, the button pressed no longer applies: it turns aria-disabled with its reason and
    // keeps the focus (BusyButton), so nothing has to move it.
    try {
      const after = await status.mutateAsync({ id: s.id, action, etag: s.etag });
      // Activate lifts only the reseller's own reason: say what else keeps it suspended.
      if (action === 'activate' && after.suspendedBy.length > 0) {
        announce(t('suspension.stillSuspended', { domain: s.domain, reasons: after.suspendedBy.map((r) => SUSPENSION_LABELS[r][lang]).join(', ') }));
      } else announce(t(action === 'suspend' ? 'status.suspended' : 'status.activated', { domain: s.domain }));
    } catch (error) {
      fail(t(`actions.${action}`))(error);
    }
  }

  /**
   * Change Plan and Change Subscriber of one subscription are the bulk operations on one id,
   * sent with this page's ETag so that another tab's change is not discarded (412 → the stale
   * notice with Reload). A refusal in the result is shown like a refused request.
   */
  async function bulkOne(input: Omit<Parameters<typeof bulk.mutateAsync>[0], 'ids' | 'etags'>, actionName: string): Promise<BulkResult | undefined> {
    setResultError(null);
    try {
      const { results } = await bulk.mutateAsync({ ...input, ids: [s.id], ...(s.etag ? { etags: { [s.id]: s.etag } } : {}) });
      const r = results[0];
      if (r && !r.ok) throw new ApiError({ title: r.title, detail: r.detail, status: r.status });
      return r;
    } catch (error) {
      if (error instanceof ApiError && error.isStale) {
        setDialog(null);
        fail(actionName)(error);
      } else if (error instanceof ApiError) {
        setResultError(error);
      }
      return undefined;
    }
  }

  async function changePlan(choice: { planId: string | null; addonIds: string[] }) {
    const r = await bulkOne({ action: 'change-plan', ...choice }, t('actions.changePlan'));
    if (!r) return;
    const state = r.ok && r.syncState ? r.syncState : choice.planId === null ? 'custom' : 'synced';
    announce(t('changePlan.done', { domain: s.domain, state: t(`syncState.${state}`, { ns: 'common' }) }));
    setDialog(null);
  }

  async function changeSubscriber(ownerId: string | null) {
    const r = await bulkOne({ action: 'change-subscriber', ownerId }, t('actions.changeSubscriber'));
    if (!r) return;
    setDialog(null);
    announce(t('changeSubscriber.done', { domain: s.domain }));
  }

  async function confirmRemove() {
    try {
      await remove.mutateAsync({ id: s.id, etag: s.etag });
      announce(t('remove.done', { domain: s.domain }));
      setDialog(null);
      void navigate('/subscriptions');
    } catch (error) {
      if (error instanceof ApiError && error.isStale) {
        setDialog(null);
        fail(t('actions.remove'))(error);
      }
    }
  }

  function openDialog(next: Dialog) {
    bulk.reset();
    setResultError(null);
    remove.reset();
    setFailure(null);
    setDialog(next);
  }

  const stale = failure && failure.error instanceof ApiError && failure.error.isStale;

  return (
    <Page title={s.domain}>
      {failure ? (
        <div className="state state--error" role="alert">
          {stale ? (
            <>
              <p>{t('errors.stale', { ns: 'common' })}</p>
              <button type="button" className="button" onClick={() => (customizing ? setConfirmReload(true) : reloadRecord())}>
                {t('errors.reloadRecord', { ns: 'common' })}
              </button>
            </>
          ) : (
            <p>{t('errors.actionFailed', { action: failure.action, detail: errorText(failure.error) })}</p>
          )}
        </div>
      ) : null}

      <div className="toolbar" role="group" aria-label={t('detail.actions')}>
        <ActionButton
          action="customize"
          reason={reason('customize')}
          disabled={busy || customizing}
          onPress={() => setCustomizing(true)}
          buttonRef={customizeRef}
        />
        <ActionButton
          action="synchronize"
          reason={reason('synchronize')}
          disabled={busy}
          onPress={() => {
            setFailure(null);
            void syncFlow.start(s, 'sync');
          }}
        />
        {/* Only a locked subscription has something to unlock; elsewhere Synchronize is the way
            (and in French, "Synchroniser" stays the only button of that name). */}
        {s.locked ? (
          <ActionButton
            action="unlockAndSync"
            reason={reason('unlockAndSync')}
            disabled={busy}
            onPress={() => {
              setFailure(null);
              void syncFlow.start(s, 'unlock');
            }}
          />
        ) : null}
        <ActionButton action="changePlan" reason={reason('changePlan')} disabled={busy} onPress={() => openDialog('change-plan')} />
        <ActionButton action="changeSubscriber" reason={reason('changeSubscriber')} disabled={busy} onPress={() => openDialog('change-subscriber')} />
        <ActionButton action="suspend" reason={reason('suspend')} disabled={busy} onPress={() => void setStatus('suspend')} />
        <ActionButton action="activate" reason={reason('activate')} disabled={busy} onPress={() => void setStatus('activate')} />
        <ActionButton action="remove" reason={reason('remove')} disabled={busy} danger onPress={() => openDialog('remove')} />
      </div>
      <ReasonList reason={(action) => (action === 'unlockAndSync' && !s.locked ? undefined : reason(action))} />

      <section className="card" aria-labelledby="summary-title">
        <h2 id="summary-title" className="flush-top">
          {t('detail.summary')}
        </h2>
        <dl className="flush">
          <Term label={t('detail.subscriber')}>
            {s.ownerId ? <Link to={`/customers/${encodeURIComponent(s.ownerId)}`}>{s.ownerName}</Link> : t('reseller', { name: s.ownerName })}
          </Term>
          <Term label={t('detail.plan')}>
            {s.planId ? <Link to={`/service-plans/${encodeURIComponent(s.planId)}`}>{s.planName ?? s.planId}</Link> : t('customLabel')}
          </Term>
          <Term label={t('detail.addons')}>
            {s.addonIds.length === 0 ? t('none') : s.addonIds.map((id, i) => s.addonNames?.[i] ?? addons.find((a) => a.id === id)?.name ?? id).join(', ')}
          </Term>
          <Term label={t('detail.syncState')}>
            <SyncStateBadge state={s.syncState} />{' '}
            <span>{t(`detail.explanation.${s.syncState}`, { addons: s.addonIds.length > 0 ? t('detail.withAddons') : '' })}</span>
          </Term>
          <Term label={t('detail.status')}>
            <SubscriptionStatus status={s.status} suspendedBy={s.suspendedBy} overused={s.overused} />
            {s.suspendedBy.length > 0 ? (
              <ul aria-label={t('suspension.label')} className="list-tight text-after">
                {s.suspendedBy.map((r) => (
                  <li key={r}>
                    <strong>{SUSPENSION_LABELS[r][lang]}</strong>: {t(`suspension.reasonHelp.${r}`)}
                  </li>
                ))}
              </ul>
            ) : null}
          </Term>
          <Term label={t('suspension.overusePolicy')}>
            {overusePolicyLabel(s.values.resources.overuse, lang)}
            {s.overused.length > 0 ? (
              <p className="text-after">
                {t('suspension.overused', { items: s.overused.map((k) => labelOf('resources', k, lang)).join(', ') })}{' '}
                {OVERUSE_POLICY_RULES[s.values.resources.overuse]?.notifies ? t('suspension.notified') : null}
              </p>
            ) : null}
          </Term>
          <Term label={t('detail.ipAddress')}>{s.ipAddress}</Term>
          <Term label={t('detail.systemUser')}>{s.systemUser}</Term>
          <Term label={t('detail.websites')}>
            <ul className="list-tight">
              {s.websites.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </Term>
          <Term label={t('detail.setupDate')}>{formatDate(s.createdAt, lang)}</Term>
          <Term label={t('detail.expiryDate')}>{s.expiresAt ? formatDate(s.expiresAt, lang) : t('detail.never')}</Term>
          <Term label={t('detail.diskUsage')}>{formatBytes(s.usage.disk_space, lang)}</Term>
          <Term label={t('detail.trafficUsage')}>{formatBytes(s.usage.max_traffic, lang)}</Term>
        </dl>
      </section>

      <UsageMeters subscription={s} />
      <WebsitesSection subscription={s} />

      {customizing ? (
        <CustomizeForm key={formKey} subscription={s} onDone={() => setCustomizing(false)} onStale={fail(t('actions.customize'))} />
      ) : s.planId !== null && plan.isError ? (
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      ) : s.planId !== null && (plan.isPending || addonPlans.isPending) ? (
        <LoadingState />
      ) : (
        <ValuesComparison subscription={s} desired={desired} />
      )}

      {syncFlow.dialog}
      {dialog === 'change-plan' ? (
        <ChangePlanDialog
          isOpen
          onOpenChange={(open) => !open && setDialog(null)}
          count={1}
          initial={{ planId: s.planId, addonIds: s.addonIds }}
          onConfirm={(choice) => void changePlan(choice)}
          isPending={bulk.isPending}
          error={bulk.error ?? resultError}
        />
      ) : null}
      {dialog === 'change-subscriber' ? (
        <ChangeSubscriberDialog
          isOpen
          onOpenChange={(open) => !open && setDialog(null)}
          count={1}
          initialOwnerId={s.ownerId}
          onConfirm={(ownerId) => void changeSubscriber(ownerId)}
          isPending={bulk.isPending}
          error={bulk.error ?? resultError}
        />
      ) : null}
      <ReloadRecordDialog isOpen={confirmReload} onOpenChange={setConfirmReload} onReload={reloadRecord} />
      {dialog === 'remove' ? (
        <ConfirmDialog
          title={t('remove.titleOne')}
          isOpen
          onOpenChange={(open) => !open && setDialog(null)}
          onConfirm={() => void confirmRemove()}
          confirmLabel={t('actions.remove')}
          isPending={remove.isPending}
          error={remove.error}
          destructive
        >
          <p>{t('remove.bodyOne', { domain: s.domain, count: s.websites.length })}</p>
          <ul>
            {s.websites.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <p>{t('remove.irreversible')}</p>
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}

const ACTIONS: readonly ActionName[] = ['customize', 'synchronize', 'unlockAndSync', 'changePlan', 'changeSubscriber', 'suspend', 'activate', 'remove'];
const reasonId = (action: ActionName) => `subscription-reason-${action}`;

/** A button that, when it does not apply, is aria-disabled and says why (aria-describedby + text). */
function ActionButton({
  action,
  reason,
  disabled,
  danger = false,
  onPress,
  buttonRef,
}: {
  action: ActionName;
  reason?: string;
  disabled: boolean;
  danger?: boolean;
  onPress: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const { t } = useTranslation('subscriptions');
  // Not applying or waiting for another action, the button stays focusable (BusyButton): a truly
  // disabled button would drop the focus, and a dialog it opens could not give it back.
  return (
    <BusyButton
      ref={buttonRef}
      className={danger ? 'button button--danger' : 'button'}
      disabled={reason !== undefined}
      busy={disabled}
      aria-describedby={reason ? reasonId(action) : undefined}
      onClick={onPress}
    >
      {t(`actions.${action}`)}
    </BusyButton>
  );
}

/** The reasons of the disabled buttons, as text next to them (SPEC: buttons say why). */
function ReasonList({ reason }: { reason: (action: ActionName) => string | undefined }) {
  const { t } = useTranslation('subscriptions');
  const reasons = ACTIONS.map((action) => ({ action, text: reason(action) })).filter((r) => r.text !== undefined);
  if (reasons.length === 0) return null;
  return (
    <ul className="field-hint flush-top" aria-label={t('actions.unavailable')}>
      {reasons.map((r) => (
        <li key={r.action} id={reasonId(r.action)}>
          <strong>{t(`actions.${r.action}`)}</strong>: {r.text}
        </li>
      ))}
    </ul>
  );
}

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="term">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
