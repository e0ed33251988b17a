/**
 * The mock API's English prose (a 422's `errors`, a 409's `detail`): the same i18next
 * catalogues as the screens, read through an instance of its own (the app's may speak French).
 */
import i18next from 'i18next';
import { issueSentence, type ValidationIssue } from '../domain/schemas';
import validation from '../i18n/locales/en/validation.json';
import reasons from '../i18n/locales/en/reasons.json';

const english = i18next.createInstance();
void english.init({ lng: 'en', initAsync: false, resources: { en: { validation, reasons } }, interpolation: { escapeValue: false } });
const validationT = english.getFixedT('en', 'validation');

export function englishIssue(issue: Pick<ValidationIssue, 'code' | 'params'>): string {
  return issueSentence(validationT, issue, 'en');
}

export function englishReason(reason: string): string | undefined {
  return english.exists(reason, { ns: 'reasons' }) ? english.t(reason, { ns: 'reasons' }) : undefined;
}
