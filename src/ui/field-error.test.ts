import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n, loadNamespaces } from '../i18n/i18n';
import { domainResolver, errorSentence, errorsOf, issueError, textError } from './field-error';

beforeAll(async () => {
  await initI18n('en');
  await loadNamespaces(['validation']); // as the screens with forms do (src/app/router.tsx)
});

describe('one field-error convention', () => {
  it('keeps a code and its params until shown, then speaks the language asked', async () => {
    const error = issueError({ code: 'too_long', params: { max: 60 } });
    expect(error).toEqual({ type: 'validation', message: 'too_long', params: { max: 60 } });
    expect(errorSentence(error, 'en')).toBe('Enter at most 60 characters.');
    await initI18n('fr');
    expect(errorSentence(error, 'fr')).toBe('Saisissez au plus 60 caractères.');
    await initI18n('en');
  });

  it('shows a composed sentence as it is, and nothing for no error', () => {
    expect(errorSentence(textError('Login bob is taken.'), 'fr')).toBe('Login bob is taken.');
    expect(errorSentence(undefined, 'en')).toBeUndefined();
    expect(errorSentence({ type: 'validation' }, 'en')).toBeUndefined();
  });

  it('puts issues at their nested paths, the first of a path winning', () => {
    const errors = errorsOf([
      { path: 'resources.disk_space.amount', code: 'beyond_available', params: { key: 'disk_space', available: 1024 ** 3 } },
      { path: 'resources.disk_space.amount', code: 'required' },
      { path: 'name', code: 'required' },
    ]);
    expect(errors).toEqual({
      resources: { disk_space: { amount: { type: 'validation', message: 'beyond_available', params: { key: 'disk_space', available: 1024 ** 3 } } } },
      name: { type: 'validation', message: 'required' },
    });
  });

  it('the resolver hands on the checked value or the issues', async () => {
    const resolver = domainResolver<{ n: string }, number>((form) =>
      /^\d+$/.test(form.n) ? { ok: true, value: Number(form.n) } : { ok: false, issues: [{ path: 'n', code: 'invalid_number' }] },
    );
    const options = { fields: {}, shouldUseNativeValidation: false } as never;
    expect(await resolver({ n: '12' }, undefined, options)).toEqual({ values: 12, errors: {} });
    expect(await resolver({ n: 'x' }, undefined, options)).toEqual({ values: {}, errors: { n: { type: 'validation', message: 'invalid_number' } } });
  });
});
