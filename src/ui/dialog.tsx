import type { ReactNode } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { BusyButton } from './busy-button';
import { errorText } from './query-state';

/**
 * A modal dialog (React Aria: focus trapped and returned, Escape closes). Its accessible name
 * is its title, which names the action (SPEC §5).
 */
export function AppDialog({
  title,
  isOpen,
  onOpenChange,
  children,
  role = 'dialog',
  wide = false,
  isDismissable = true,
}: {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
  role?: 'dialog' | 'alertdialog';
  wide?: boolean;
  isDismissable?: boolean;
}) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={isDismissable}>
      <Modal className={wide ? 'modal modal--wide' : 'modal'}>
        <Dialog className="dialog" role={role}>
          <Heading slot="title" className="dialog__title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** A confirmation whose title names the action; shows the failure inside the dialog if it fails. */
export function ConfirmDialog({
  title,
  isOpen,
  onOpenChange,
  onConfirm,
  confirmLabel,
  children,
  isPending = false,
  error,
  destructive = false,
}: {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
  confirmLabel: string;
  children: ReactNode;
  isPending?: boolean;
  error?: unknown;
  destructive?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <AppDialog title={title} isOpen={isOpen} onOpenChange={onOpenChange} role="alertdialog">
      <div className="dialog__body">{children}</div>
      {error ? (
        <p className="field-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
      <div className="dialog__actions">
        <BusyButton className={destructive ? 'button button--danger' : 'button button--primary'} onClick={onConfirm} busy={isPending}>
          {confirmLabel}
        </BusyButton>
        <Button className="button" slot="close">
          {t('actions.cancel')}
        </Button>
      </div>
    </AppDialog>
  );
}

/**
 * After a 412 (the record changed elsewhere): "discard my edits and reload the record?". The
 * same question on every record page (customer, subscription, plan).
 */
export function ReloadRecordDialog({ isOpen, onOpenChange, onReload }: { isOpen: boolean; onOpenChange: (open: boolean) => void; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('errors.reloadConfirm')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      confirmLabel={t('errors.discardAndReload')}
      destructive
      onConfirm={onReload}
    >
      <p>{t('errors.stale')}</p>
    </ConfirmDialog>
  );
}
