import { Suspense, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { createStore, useStore } from 'zustand';
import { useMockSettings, useUpdateMockSettings, type MockSettings } from '../api/mock-tools';
import { announce } from '../ui/announcer';
import { BusyButton } from '../ui/busy-button';
import { downloadJson } from '../ui/download';

/**
 * What start-up has to tell the user (filled in by main.tsx from the mock API's start-up report):
 * the saved state could not be used and the default scenario was loaded (with why), the saved
 * fault settings were out of range and were reset, or QA URL parameters were ignored.
 * The strings live in the `tools` namespace: they are about the prototype's own machinery, and it
 * loads only when there is something to say (most starts have nothing; the shell needs `common` only).
 */
export interface StartupInfo {
  /**
   * Why the saved state was replaced (`restored-default`) or partly kept (`salvaged`, with what was
   * left out), and the technical detail.
   */
  restored?: {
    code?: 'restored-default' | 'salvaged';
    reason: string;
    detail: string;
    dropped?: { customers: string[]; plans: string[]; subscriptions: string[]; unreadable: number };
  };
  /** The damaged saved data as JSON text, when it was kept (offered for download). */
  damaged?: () => string | undefined;
  settingsReset?: boolean;
  ignored?: { name: string; value: string }[];
}

export const startupNotice = createStore<{ info: StartupInfo | null }>(() => ({ info: null }));

const REASONS = ['unreadable', 'corrupt', 'newer-version', 'unknown-version', 'invalid', 'unavailable'];
const DAMAGED_FILE = 'hosting-panel-damaged-state.json';

function DroppedList({ dropped }: { dropped: NonNullable<NonNullable<StartupInfo['restored']>['dropped']> }) {
  const { t } = useTranslation('tools');
  const ids = (list: string[]) => (list.length > 5 ? `${list.slice(0, 5).join(', ')}, …` : list.join(', '));
  const parts = [
    dropped.customers.length > 0 ? t('startup.droppedCustomers', { count: dropped.customers.length, ids: ids(dropped.customers) }) : null,
    dropped.plans.length > 0 ? t('startup.droppedPlans', { count: dropped.plans.length, ids: ids(dropped.plans) }) : null,
    dropped.subscriptions.length > 0 ? t('startup.droppedSubscriptions', { count: dropped.subscriptions.length, ids: ids(dropped.subscriptions) }) : null,
    dropped.unreadable > 0 ? t('startup.droppedUnreadable', { count: dropped.unreadable }) : null,
  ].filter((p): p is string => p !== null);
  return <p>{t('startup.salvaged', { what: parts.length > 0 ? parts.join(', ') : t('startup.droppedNothing') })}</p>;
}

export function StartupNotice() {
  return (
    <>
      <StartupAlert />
      <FaultsBanner />
    </>
  );
}

function StartupAlert() {
  const info = useStore(startupNotice, (s) => s.info);
  const [dismissed, setDismissed] = useState(false);
  if (!info || dismissed) return null;
  if (!info.restored && !info.settingsReset && (info.ignored ?? []).length === 0) return null;
  return (
    <Suspense fallback={null}>
      <StartupAlertText info={info} onDismiss={() => setDismissed(true)} />
    </Suspense>
  );
}

function StartupAlertText({ info, onDismiss }: { info: StartupInfo; onDismiss: () => void }) {
  const { t } = useTranslation('tools');
  const { restored, settingsReset, ignored = [], damaged } = info;
  const damagedText = damaged?.();
  return (
    <div className="notice startup-notice" role="alert">
      <div>
        {restored ? (
          restored.reason === 'unavailable' ? (
            <p>{t('startup.unavailable')}</p>
          ) : (
            <>
              {restored.code === 'salvaged' && restored.dropped ? (
                <DroppedList dropped={restored.dropped} />
              ) : (
                <p>
                  {t('startup.restored', {
                    reason: t(`startup.reasons.${REASONS.includes(restored.reason) ? restored.reason : 'invalid'}`),
                  })}
                </p>
              )}
              {damagedText !== undefined ? <p>{t('startup.damagedKept')}</p> : null}
              <details>
                <summary>{t('startup.details')}</summary>
                <p className="muted">{restored.detail}</p>
              </details>
            </>
          )
        ) : null}
        {settingsReset ? <p>{t('startup.settingsReset')}</p> : null}
        {ignored.length > 0 ? (
          <p>
            {t('startup.ignored', {
              params: ignored.map(({ name, value }) => `?${name}=${value} (${t(`startup.expected.${name}`)})`).join(', '),
            })}
          </p>
        ) : null}
      </div>
      <div className="toolbar">
        {damagedText !== undefined ? (
          <button type="button" className="button" onClick={() => downloadJson(damagedText, DAMAGED_FILE)}>
            {t('startup.downloadDamaged')}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onDismiss}>
          {t('startup.dismiss')}
        </button>
      </div>
    </div>
  );
}

/**
 * While latency or faults are simulated, every screen says so and offers the way out: a panel
 * that "randomly" fails is otherwise a mystery to whoever opens it next (settings are saved).
 */
function FaultsBanner() {
  const current = useMockSettings().data;
  // Here, not in the text: the banner's text is gone once faults are off, and "turned off" is
  // announced from the mutation's own callback, which only runs while its component is mounted.
  const update = useUpdateMockSettings();
  if (!current || (current.latencyMs === 0 && current.failureRate === 0)) return null;
  return (
    <Suspense fallback={null}>
      <FaultsBannerText current={current} update={update} />
    </Suspense>
  );
}

function FaultsBannerText({ current, update }: { current: MockSettings; update: ReturnType<typeof useUpdateMockSettings> }) {
  const { t } = useTranslation('tools');
  return (
    // The settings as data too: a QA suite's helper waits for them (e2e/fixtures.ts `settings`).
    <div className="notice faults-banner" data-mock-settings={JSON.stringify(current)}>
      <p>{t('banner.on', { latencyMs: current.latencyMs, failureRate: current.failureRate })}</p>
      {current.failOn && current.failOn.length > 0 ? <p>{t('banner.failOn', { requests: current.failOn.join(', ') })}</p> : null}
      <div className="toolbar">
        <BusyButton
          className="button"
          busy={update.isPending}
          onClick={() => update.mutate({ latencyMs: 0, failureRate: 0 }, { onSuccess: () => announce(t('banner.turnedOff')) })}
        >
          {t('banner.turnOff')}
        </BusyButton>
        <Link to="/tools">{t('banner.tools')}</Link>
      </div>
    </div>
  );
}
