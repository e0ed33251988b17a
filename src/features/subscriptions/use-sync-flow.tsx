import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../domain/types';
import { useSynchronizeSubscription, useUnlockAndSync, type SubscriptionItem } from '../../api/subscriptions';
import { announce } from '../../ui/announcer';
import { SyncFailureDialog } from './sync-failure-dialog';

export type SyncMode = 'sync' | 'unlock';

interface OpenFailure {
  id: string;
  domain: string;
  mode: SyncMode;
  planId: string | null;
  planName?: string;
  conflicts: SyncConflict[];
  etag?: string;
}

/**
 * Synchronize and Unlock and Sync, with the Synchronization failed dialog when the plan offers
 * more than the reseller can provide. OK re-sends the request with `accept: 'available'`;
 * Cancel sends nothing (the first request changed nothing).
 */
export function useSyncFlow({ onError }: { onError: (error: unknown) => void }) {
  const { t } = useTranslation('subscriptions');
  const sync = useSynchronizeSubscription();
  const unlock = useUnlockAndSync();
  const [failure, setFailure] = useState<OpenFailure | null>(null);
  const [acceptError, setAcceptError] = useState<unknown>(null);

  const mutationOf = (mode: SyncMode) => (mode === 'sync' ? sync : unlock);

  async function start(s: SubscriptionItem, mode: SyncMode) {
    try {
      const result = await mutationOf(mode).mutateAsync({ id: s.id, etag: s.etag });
      if (result.outcome === 'conflicts') {
        setAcceptError(null);
        setFailure({
          id: s.id,
          domain: s.domain,
          mode,
          planId: s.planId,
          planName: s.planName ?? undefined,
          conflicts: result.conflicts,
          etag: s.etag,
        });
      } else {
        announce(t('sync.synced', { domain: s.domain }));
      }
    } catch (error) {
      onError(error);
    }
  }

  async function accept() {
    if (!failure) return;
    try {
      // If-Match: the conflicts the user just read describe the record as it was then; a change
      // made meanwhile (another tab) refuses OK with 412 rather than applying values unseen.
      await mutationOf(failure.mode).mutateAsync({ id: failure.id, accept: 'available', etag: failure.etag });
      announce(t('sync.accepted', { domain: failure.domain }));
      setFailure(null);
    } catch (error) {
      setAcceptError(error);
    }
  }

  function cancel() {
    setFailure(null);
    announce(t('sync.cancelled'));
  }

  const dialog = (
    <SyncFailureDialog
      isOpen={failure !== null}
      conflicts={failure?.conflicts ?? []}
      planId={failure?.planId ?? null}
      planName={failure?.planName}
      isPending={sync.isPending || unlock.isPending}
      error={acceptError}
      onAccept={() => void accept()}
      onCancel={cancel}
    />
  );

  return { start, dialog, isPending: sync.isPending || unlock.isPending };
}
