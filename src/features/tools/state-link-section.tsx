import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportState } from '../../api/mock-tools';
import { announce } from '../../ui/announcer';
import { BusyButton } from '../../ui/busy-button';
import { errorText } from '../../ui/query-state';
import { MAX_STATE_LINK_CHARS, STATE_FRAGMENT, encodeStateLink } from '../../ui/state-link';

/** Copy link to this state: the whole data as a compressed `#state=` link (SPEC §4 tools). */
export function StateLinkSection() {
  const { t } = useTranslation('tools');
  const headingId = useId();
  const fieldId = useId();
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function copy() {
    setBusy(true);
    setProblem(null);
    setLink(null);
    try {
      const value = await encodeStateLink(await exportState());
      if (value.length > MAX_STATE_LINK_CHARS) {
        setProblem(t('link.tooLarge', { length: value.length, max: MAX_STATE_LINK_CHARS }));
        return;
      }
      const url = new URL(window.location.href);
      url.pathname = '/';
      url.search = '';
      url.hash = `${STATE_FRAGMENT}${value}`;
      setLink(url.toString());
      try {
        await navigator.clipboard.writeText(url.toString());
        announce(t('link.copied'));
      } catch {
        // No clipboard (permission, insecure context): the link is in the field to copy by hand.
        announce(t('link.ready'));
      }
    } catch (error) {
      setProblem(t('link.failed', { detail: errorText(error) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('link.heading')}</h2>
      <p className="muted">{t('link.intro')}</p>
      <div className="toolbar">
        <BusyButton className="button" busy={busy} onClick={() => void copy()}>
          {t('link.copy')}
        </BusyButton>
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {link ? (
        <div className="field">
          <label htmlFor={fieldId}>{t('link.label')}</label>
          <input id={fieldId} type="url" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
    </section>
  );
}
