#!/usr/bin/env node
// Writes docs/openapi.json from the contract (src/domain/contract.ts), through Vite's module
// loader so the TypeScript source is used as it is. `npm run openapi`; `npm run build` runs it.
import { writeFileSync } from 'node:fs';
import { createServer } from 'vite';

const server = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error', optimizeDeps: { noDiscovery: true, include: [] } });
try {
  const { openApiDocument } = await server.ssrLoadModule('/src/domain/openapi.ts');
  const file = new URL('../docs/openapi.json', import.meta.url);
  writeFileSync(file, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
  console.log(`Wrote ${file.pathname}`);
} finally {
  await server.close();
}
