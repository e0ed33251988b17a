import { useTranslation } from 'react-i18next';
import type { Lang } from '../domain/format';

/** The interface language as the domain's formatters and labels expect it. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language) === 'fr' ? 'fr' : 'en';
}
