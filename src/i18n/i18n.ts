import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'hosting-panel.lang';

// One JSON file per namespace and language, so each feature owns its strings. They are loaded
// on demand: only the language in use (and English, the fallback) is downloaded at startup.
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { import: 'default' });

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** The catalogues of `langs` (every namespace), keyed as i18next's `resources`. */
async function loadResources(langs: readonly Language[]): Promise<Resources> {
  const resources: Resources = {};
  await Promise.all(
    Object.entries(files).map(async ([path, load]) => {
      const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
      if (!match) return;
      const [, lang, ns] = match as unknown as [string, string, string];
      if (!isLanguage(lang) || !langs.includes(lang)) return;
      (resources[lang] ??= {})[ns] = await load();
    }),
  );
  return resources;
}

/** Makes `lang` (and the English fallback) available before switching to it. */
async function ensureLanguage(lang: Language) {
  const missing = [...new Set<Language>([lang, 'en'])].filter((l) => !i18next.hasResourceBundle(l, 'common'));
  if (missing.length === 0) return;
  for (const [l, namespaces] of Object.entries(await loadResources(missing))) {
    for (const [ns, bundle] of Object.entries(namespaces)) i18next.addResourceBundle(l, ns, bundle, true, true);
  }
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
    await i18next.use(initReactI18next).init({
      resources: await loadResources([...new Set<Language>([lang, 'en'])]),
      lng: lang,
      fallbackLng: 'en',
      defaultNS: 'common',
      interpolation: { escapeValue: false }, // React escapes; user text always renders as text.
      returnNull: false,
    });
    i18next.on('languageChanged', (lng) => {
      if (typeof document !== 'undefined') document.documentElement.lang = lng;
    });
  } else if (i18next.language !== lang) {
    await ensureLanguage(lang);
    await i18next.changeLanguage(lang);
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return i18next;
}

export async function changeLanguage(lang: Language) {
  rememberLanguage(lang);
  await ensureLanguage(lang);
  await i18next.changeLanguage(lang);
}

export { i18next };
