import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createStore, useStore } from 'zustand';

/** A notice from start-up (e.g. an unreadable saved state was replaced by the default scenario). */
export const startupNotice = createStore<{ notice: string | null }>(() => ({ notice: null }));

export function StartupNotice() {
  const { t } = useTranslation();
  const notice = useStore(startupNotice, (s) => s.notice);
  const [dismissed, setDismissed] = useState(false);
  if (!notice || dismissed) return null;
  return (
    <div className="notice" role="alert">
      <p>{t(`notice.${notice}`, { defaultValue: notice })}</p>
      <button type="button" className="button" onClick={() => setDismissed(true)}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
