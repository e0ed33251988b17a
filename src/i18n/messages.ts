/**
 * Domain codes as sentences in the interface language: validation issues (`validation`
 * catalogue, key = code, i18next interpolation) and why an action does not apply (`reasons`).
 * Every screen translates codes through these two, at render time.
 */
import { issueSentence, type ValidationIssue } from '../domain/schemas';
import type { CanReason } from '../domain/sync-engine';
import type { Lang } from '../domain/format';
import { i18next } from './i18n';

export function issueText(issue: Pick<ValidationIssue, 'code' | 'params'>, lang: Lang): string {
  return issueSentence(i18next.getFixedT(lang, 'validation'), issue, lang);
}

export function reasonText(reason: CanReason, lang: Lang): string {
  return i18next.t(reason, { ns: 'reasons', lng: lang });
}
