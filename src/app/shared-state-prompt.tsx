import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportState } from '../api/mock-tools';
import { announce } from '../ui/announcer';
import { decodeStateLink } from '../ui/state-link';

// The dialog (React Aria) loads only when a link brings a state: most starts have none.
const ConfirmDialog = lazy(async () => ({ default: (await import('../ui/dialog')).ConfirmDialog }));

/** The `#state=` value the page was opened with (taken out of the address at start-up). */
let sharedLink: string | undefined;
export function setSharedStateLink(value: string | undefined): void {
  sharedLink = value;
}

interface Shared {
  doc: unknown;
  scenario: string;
  customers: number;
  plans: number;
  subscriptions: number;
}

function summaryOf(doc: unknown): Shared | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const { scenario, customers, plans, subscriptions } = doc as Record<string, unknown>;
  if (!Array.isArray(customers) || !Array.isArray(plans) || !Array.isArray(subscriptions)) return undefined;
  return { doc, scenario: typeof scenario === 'string' ? scenario : '', customers: customers.length, plans: plans.length, subscriptions: subscriptions.length };
}

/**
 * A link with `#state=…` (Prototype tools › Copy link to this state) offers to load that state:
 * it says what the state holds and replaces the data only once the user confirms. Loading is
 * an import (PUT /_mock/state): a state the rules refuse is refused with the reason, nothing changed.
 */
export function SharedStatePrompt() {
  const importState = useImportState();
  const [shared, setShared] = useState<Shared | null>(null);
  const [unreadable, setUnreadable] = useState(false);

  useEffect(() => {
    const link = sharedLink;
    sharedLink = undefined;
    if (link === undefined) return;
    decodeStateLink(link)
      .then((doc) => {
        const summary = summaryOf(doc);
        if (summary) setShared(summary);
        else setUnreadable(true);
      })
      .catch(() => setUnreadable(true));
  }, []);

  // The `tools` strings (and the dialog's code) load only when a link brought a state.
  return (
    <>
      {unreadable ? (
        <Suspense fallback={null}>
          <UnreadableNotice onDismiss={() => setUnreadable(false)} />
        </Suspense>
      ) : null}
      {shared !== null || importState.isPending ? (
        <Suspense fallback={null}>
          <SharedStateDialog shared={shared} importState={importState} onDone={() => setShared(null)} />
        </Suspense>
      ) : null}
    </>
  );
}

function UnreadableNotice({ onDismiss }: { onDismiss: () => void }) {
  const { t } = useTranslation('tools');
  return (
    <div className="notice" role="alert">
      <p>{t('shared.unreadable')}</p>
      <button type="button" className="button" onClick={onDismiss}>
        {t('startup.dismiss')}
      </button>
    </div>
  );
}

function SharedStateDialog({ shared, importState, onDone }: { shared: Shared | null; importState: ReturnType<typeof useImportState>; onDone: () => void }) {
  const { t } = useTranslation('tools');
  const load = async () => {
    if (!shared) return;
    try {
      await importState.mutateAsync(shared.doc);
      onDone();
      announce(t('shared.loaded'));
    } catch {
      // Shown in the dialog (importState.error).
    }
  };
  return (
    <ConfirmDialog
      title={t('shared.title')}
      isOpen={shared !== null}
      onOpenChange={(open) => {
        if (!open) {
          onDone();
          importState.reset();
        }
      }}
      onConfirm={() => void load()}
      confirmLabel={t('shared.confirm')}
      isPending={importState.isPending}
      error={importState.error}
      destructive
    >
      {shared ? <p>{t('shared.body', { ...shared, scenario: shared.scenario || '—' })}</p> : null}
    </ConfirmDialog>
  );
}
