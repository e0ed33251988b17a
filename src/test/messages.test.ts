import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { changeLanguage, initI18n, loadNamespaces } from '../i18n/i18n';
import { issueText, reasonText } from '../i18n/messages';
import { englishIssue, englishReason } from '../mock-api/messages';

const catalogue = (lang: string, ns: string) =>
  JSON.parse(readFileSync(new URL(`../i18n/locales/${lang}/${ns}.json`, import.meta.url), 'utf8')) as Record<string, string>;

beforeAll(async () => {
  await initI18n('en');
  // As the screens that show them do (src/app/router.tsx); a language switch then loads French too.
  await loadNamespaces(['validation', 'reasons']);
  await changeLanguage('fr');
  await changeLanguage('en');
});

describe('validation messages (catalogue `validation`)', () => {
  it('turn codes into sentences with their parameters', () => {
    expect(issueText({ code: 'required' }, 'en')).toBe('This field is required.');
    expect(issueText({ code: 'required' }, 'fr')).toBe('Ce champ est obligatoire.');
    expect(issueText({ code: 'too_long', params: { max: 60 } }, 'en')).toBe('Enter at most 60 characters.');
    expect(issueText({ code: 'too_long', params: { max: 60 } }, 'fr')).toBe('Saisissez au plus 60 caractères.');
    expect(issueText({ code: 'password_too_short', params: { min: 8 } }, 'en')).toBe('The password must be at least 8 characters long.');
    // The plan page's 409 on a duplicate name.
    expect(issueText({ code: 'name_taken' }, 'fr')).toBe('Un pack portant ce nom existe déjà. Choisissez un autre nom.');
    expect(issueText({ code: 'beyond_available', params: { key: 'disk_space', available: 500 * 1024 ** 3 } }, 'en')).toBe(
      'This is more than you can provide: at most 500 GB is available.',
    );
  });

  it('fall back to a generic sentence for an unknown code, own keys only', () => {
    expect(issueText({ code: 'no_such_code' }, 'en')).toBe('This value is not valid.');
    for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(issueText({ code }, 'fr')).toBe("Cette valeur n'est pas valide.");
  });

  it('the mock API writes the same English sentences', () => {
    for (const code of Object.keys(catalogue('en', 'validation'))) {
      const issue = { code, params: { max: 3, min: 1, limit: 2 } };
      expect(englishIssue(issue), code).toBe(issueText(issue, 'en'));
    }
    expect(englishIssue({ code: 'constructor' })).toBe('This value is not valid.');
  });

  it('exist in both languages as sentences with the same parameters', () => {
    const en = catalogue('en', 'validation');
    const fr = catalogue('fr', 'validation');
    for (const [code, text] of Object.entries(en)) {
      expect(text, code).toMatch(/^\p{Lu}.*\.$/u);
      expect(fr[code], code).toMatch(/^\p{Lu}.*\.$/u);
      expect(fr[code]?.match(/\{\{\w+\}\}/g), code).toEqual(text.match(/\{\{\w+\}\}/g));
    }
  });
});

describe('why an action does not apply (catalogue `reasons`)', () => {
  it('explains every reason in both languages', () => {
    for (const lang of ['en', 'fr'] as const) {
      for (const reason of Object.keys(catalogue(lang, 'reasons'))) expect(reasonText(reason as never, lang), reason).toMatch(/\.$/);
    }
    expect(reasonText('locked_use_unlock', 'en')).toBe('A locked subscription ignores its plan: use Unlock and Sync.');
    expect(englishReason('locked_use_unlock')).toBe('A locked subscription ignores its plan: use Unlock and Sync.');
    expect(englishReason('constructor')).toBeUndefined();
  });

  it('has no catalogue besides the ones the app loads', () => {
    expect(readdirSync(new URL('../i18n/locales/en/', import.meta.url)).sort()).toEqual(readdirSync(new URL('../i18n/locales/fr/', import.meta.url)).sort());
  });
});
