import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, LANGUAGES } from '../i18n/i18n';
import { StatusRegion } from '../ui/status-region';
import { StartupNotice } from './startup-notice';
import { SharedStatePrompt } from './shared-state-prompt';
import { useNavigationPending } from './app-router';

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

/**
 * The panel's frame: header with the Language selector, the main navigation, the status region.
 * Below a tablet width (CSS, 768 px) the navigation folds behind the Menu button, which comes
 * last in the header so the links follow it in the focus order; Escape closes it and gives the
 * focus back to the button, and choosing a link closes it.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const navigating = useNavigationPending();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  const main = useRef<HTMLElement>(null);
  // A new address (a link chosen from the menu, back/forward) folds the menu again.
  const [shownPath, setShownPath] = useState(location.pathname);
  if (shownPath !== location.pathname) {
    setShownPath(location.pathname);
    setMenuOpen(false);
  }
  const closeOnEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && menuOpen) {
      e.preventDefault();
      setMenuOpen(false);
      menuButton.current?.focus();
    }
  };
  useEffect(() => {
    // A link chosen from the menu folds away with it: the focus goes to the new page's content
    // instead of being lost to the document (at wide widths the navigation stays, and so does the focus).
    if (nav.current?.contains(document.activeElement) && nav.current.offsetParent === null) main.current?.focus();
  }, [location.pathname]);
  useEffect(() => {
    if (!menuOpen || typeof window.matchMedia !== 'function') return;
    // The menu only shows under the breakpoint: widening the window folds it (no stale state).
    const wide = window.matchMedia('(min-width: 768px)');
    const fold = () => wide.matches && setMenuOpen(false);
    wide.addEventListener('change', fold);
    return () => wide.removeEventListener('change', fold);
  }, [menuOpen]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <span className="topbar__brand">
          {/* The same logo as index.html's first frame (painted before the JavaScript loads). */}
          <svg className="topbar__logo" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <rect x="3" y="3" width="18" height="7" rx="1.5" />
            <rect x="3" y="14" width="18" height="7" rx="1.5" />
          </svg>
          {t('appName')}
        </span>
        <LanguageSelector />
        <button
          ref={menuButton}
          type="button"
          className="button menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
          onKeyDown={closeOnEscape}
        >
          <span className="menu-button__icon" aria-hidden="true" />
          {t('nav.menu')}
        </button>
      </header>
      {/* Escape anywhere in the open menu closes it; the links stay the interactive elements. */}
      {/* eslint-disable-next-line jsx-a11y-x/no-noninteractive-element-interactions */}
      <nav ref={nav} id="main-nav" className={menuOpen ? 'sidebar is-open' : 'sidebar'} aria-label={t('nav.label')} onKeyDown={closeOnEscape}>
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                end={'end' in item ? item.end : false}
                className={({ isActive }) => (isActive ? 'sidebar__link is-active' : 'sidebar__link')}
              >
                {t(`nav.${item.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main ref={main} id="main" className="main" tabIndex={-1} aria-busy={navigating}>
        <StartupNotice />
        <SharedStatePrompt />
        <StatusRegion />
        {/* The page area (src/app/router.tsx): the screen, or its skeleton while its code loads. */}
        <Outlet />
      </main>
    </div>
  );
}
