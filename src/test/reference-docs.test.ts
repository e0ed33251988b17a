// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../domain/openapi';
import { scenariosPage, stringsPage } from './reference-docs';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

function catalogues() {
  const out: Record<string, Record<string, unknown>> = {};
  for (const lang of ['en', 'fr']) {
    const dir = new URL(`src/i18n/locales/${lang}/`, root);
    out[lang] = Object.fromEntries(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(f, dir), 'utf8'))]),
    );
  }
  return out as Record<'en' | 'fr', Record<string, Record<string, unknown>>>;
}

describe('generated reference pages are current (run `npm run docs` after changing their sources)', () => {
  it('docs/openapi.json', () => {
    expect(JSON.parse(read('docs/openapi.json'))).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
  it('docs/strings.md', () => {
    expect(read('docs/strings.md')).toBe(stringsPage(catalogues()));
  });
  it('docs/scenarios.md', () => {
    expect(read('docs/scenarios.md')).toBe(scenariosPage());
  });
  it('every French string exists for every English one', () => {
    const flat = (node: unknown, prefix = ''): string[] =>
      typeof node === 'string' ? [prefix] : Object.entries(node as object).flatMap(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k));
    const { en, fr } = catalogues();
    expect(flat(fr).sort()).toEqual(flat(en).sort());
  });
});
