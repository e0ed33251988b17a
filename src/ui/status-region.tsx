import { useTranslation } from 'react-i18next';
import { announcer, useAnnouncement } from './announcer';

/** The one live region of the app (SPEC §5): action results are announced here and stay visible. */
export function StatusRegion() {
  const message = useAnnouncement();
  const { t } = useTranslation();
  return (
    <div className="status-region" role="status" aria-live="polite">
      {message ? (
        <div className="status-region__message">
          <span>{message}</span>
          <button type="button" className="link-button" onClick={() => announcer.getState().clear()}>
            {t('notice.dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
