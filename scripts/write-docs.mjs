#!/usr/bin/env node
// Writes the generated reference pages from their sources of truth, through Vite's module loader
// (the TypeScript sources are used as they are): docs/openapi.json (the API contract),
// docs/strings.md (interface strings, codes, labels in EN and FR), docs/scenarios.md (scenario
// facts). `npm run docs`; `npm run build` runs it too. Tests fail when a committed page is stale.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'vite';

const root = new URL('..', import.meta.url);
const server = await createServer({
  root: root.pathname,
  server: { middlewareMode: true, hmr: false },
  appType: 'custom',
  logLevel: 'error',
  optimizeDeps: { noDiscovery: true, include: [] },
});
try {
  const { openApiDocument } = await server.ssrLoadModule('/src/domain/openapi.ts');
  const { stringsPage, scenariosPage } = await server.ssrLoadModule('/src/test/reference-docs.ts');
  const catalogues = {};
  for (const lang of ['en', 'fr']) {
    const dir = new URL(`src/i18n/locales/${lang}/`, root);
    catalogues[lang] = Object.fromEntries(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(f, dir), 'utf8'))]),
    );
  }
  const pages = {
    'docs/openapi.json': `${JSON.stringify(openApiDocument(), null, 2)}\n`,
    'docs/strings.md': stringsPage(catalogues),
    'docs/scenarios.md': scenariosPage(),
  };
  for (const [file, text] of Object.entries(pages)) {
    writeFileSync(new URL(file, root), text);
    console.log(`Wrote ${file}`);
  }
} finally {
  await server.close();
}
