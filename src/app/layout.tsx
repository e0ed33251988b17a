import { Suspense } from 'react';
import { NavLink, Outlet, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, LANGUAGES } from '../i18n/i18n';
import { StatusRegion } from '../ui/status-region';
import { LoadingState } from '../ui/query-state';
import { StartupNotice } from './startup-notice';

const NAV = [
  { to: '/', key: 'home', end: true },
  { to: '/customers', key: 'customers' },
  { to: '/subscriptions', key: 'subscriptions' },
  { to: '/service-plans', key: 'servicePlans' },
  { to: '/tools', key: 'tools' },
] as const;

export function LanguageSelector() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-selector">
      <span>{t('language')}</span>
      <select
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) void changeLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`languages.${lang}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The panel's frame: left navigation, header with the Language selector, the status region. */
export function AppLayout() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <span className="topbar__brand">{t('appName')}</span>
        <LanguageSelector />
      </header>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={'end' in item ? item.end : false} className={({ isActive }) => (isActive ? 'sidebar__link is-active' : 'sidebar__link')}>
                {t(`nav.${item.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="main" tabIndex={-1} aria-busy={navigation.state === 'loading'}>
        <StartupNotice />
        <StatusRegion />
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
