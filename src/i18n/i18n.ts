import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'hosting-panel.lang';

// One JSON file (and one chunk) per namespace and language, so each feature owns its strings and
// a screen downloads only its own: `common` (the shell's) at start-up, a screen's namespaces with
// its code (`loadNamespaces`, src/app/router.tsx), and those of the language in use (and English,
// the fallback) only. A language switch loads every namespace loaded so far (i18next's
// `changeLanguage`) before the screen re-renders.
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { import: 'default' });

/** Every namespace there is (the English catalogue's files). */
export const NAMESPACES: readonly string[] = Object.keys(files)
  .map((path) => /\.\/locales\/en\/([\w-]+)\.json$/.exec(path)?.[1])
  .filter((ns): ns is string => ns !== undefined);

const catalogues: BackendModule = {
  type: 'backend',
  callbackApi: false,
  init() {},
  read(language: string, namespace: string) {
    const load = files[`./locales/${language}/${namespace}.json`];
    return load ? load() : Promise.reject(new Error(`No catalogue ${language}/${namespace}`));
  },
};

let markInitialized!: () => void;
const initialized = new Promise<void>((resolve) => (markInitialized = resolve));

/**
 * Makes `namespaces` available in the interface language and in English before a screen renders.
 * A catalogue that did not load (a failed chunk) rejects, so the screen shows the crash screen
 * with Reload instead of raw keys.
 */
export async function loadNamespaces(namespaces: readonly string[]): Promise<void> {
  await initialized; // a screen's code may be requested before (the bootstrap preloads it)
  const missing = () =>
    [...new Set([i18next.language, 'en'])].flatMap((lng) => namespaces.filter((ns) => !i18next.hasResourceBundle(lng, ns)).map((ns) => `${lng}/${ns}`));
  await i18next.loadNamespaces([...namespaces]);
  // Once more if the language changed meanwhile (what a switch loads was decided when it began).
  if (missing().length > 0) await i18next.loadNamespaces([...namespaces]);
  const failed = missing();
  if (failed.length > 0) throw new Error(`These strings did not load: ${failed.join(', ')}`);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** `?lang=` wins, then the remembered choice, then the browser's language. */
export function detectLanguage(search: string = globalThis.location?.search ?? ''): Language {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage can be unavailable (private mode); fall through.
  }
  const nav = globalThis.navigator?.language?.slice(0, 2);
  return isLanguage(nav) ? nav : 'en';
}

export function rememberLanguage(lang: Language) {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, still applied.
  }
}

export async function initI18n(lang: Language = detectLanguage()) {
  if (!i18next.isInitialized) {
    await i18next
      .use(catalogues)
      .use(initReactI18next)
      .init({
        lng: lang,
        fallbackLng: 'en',
        ns: ['common'],
        defaultNS: 'common',
        interpolation: { escapeValue: false }, // React escapes; user text always renders as text.
        returnNull: false,
      });
    i18next.on('languageChanged', (lng) => {
      if (typeof document !== 'undefined') document.documentElement.lang = lng;
    });
  } else if (i18next.language !== lang) {
    await i18next.changeLanguage(lang);
  }
  markInitialized();
  await loadNamespaces(['common']);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return i18next;
}

export async function changeLanguage(lang: Language) {
  rememberLanguage(lang);
  await i18next.changeLanguage(lang);
}

export { i18next };
