// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer fences of eslint.config.js work on resolved paths: however an import is spelled,
// a file that reaches across a fence fails lint. Each case lints a made-up file in place.
const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function rulesBroken(file: string, from: string) {
  const [result] = await eslint.lintText(`import * as m from '${from}';\nexport const used = m;\n`, { filePath: `${root}${file}` });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

describe('layer fences (import-x/no-restricted-paths)', () => {
  it.each([
    ['src/features/customers/probe.tsx', '../subscriptions/subscription-page', 'a feature imports another feature'],
    ['src/features/customers/probe.tsx', './../../features/subscriptions/subscription-page', 'the same, spelled the long way'],
    ['src/mock-api/handlers/probe.ts', '../../ui/page', 'the mock backend imports a screen piece'],
    ['src/domain/probe.ts', '../api/http', 'the domain imports the client'],
    ['src/ui/probe.tsx', '../mock-api/store', 'a shared component imports the mock store'],
    ['src/app/layout-probe.tsx', '../mock-api/store', 'the shell (not main.tsx) imports the mock store'],
    ['src/api/probe.ts', '../ui/page', 'the client imports a component'],
  ])('%s importing %s fails (%s)', { timeout: 30_000 }, async (file, from) => {
    expect(await rulesBroken(file, from)).toContain('import-x/no-restricted-paths');
  });

  it.each([
    ['src/features/customers/probe.tsx', '../../ui/page'],
    ['src/features/customers/probe.tsx', './customer-form'],
    ['src/mock-api/handlers/probe.ts', '../../domain/schemas'],
    ['src/app/main.tsx', '../mock-api/browser'],
    ['src/test/probe.ts', '../mock-api/node'],
  ])('%s importing %s passes', { timeout: 30_000 }, async (file, from) => {
    expect(await rulesBroken(file, from)).not.toContain('import-x/no-restricted-paths');
  });
});
