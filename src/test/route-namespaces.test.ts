// @vitest-environment node
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Each route names the string namespaces its screen reads beyond `common` (src/app/router.tsx,
// loaded with its code): `i18next.t` outside a hook (src/i18n/messages.ts) does not wait for a
// namespace, and a hook that has to would load it only after the code (a second round trip).
// This reads the sources: every namespace a screen's modules use (static imports; a lazy
// import in a file that loads namespaces with it counts those) must be named by its route.
const src = fileURLToPath(new URL('../', import.meta.url));
const read = (file: string) => readFileSync(file, 'utf8');

function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  return ['', '.tsx', '.ts'].map((ext) => base + ext).find((file) => existsSync(file) && statSync(file).isFile() && /\.tsx?$/.test(file));
}

/** Namespaces one module reads: `useTranslation('ns')` (none: common), `{ ns: 'ns' }`, `'ns:key'`, and what it takes from messages.ts. */
function namespacesOf(code: string): Set<string> {
  const found = new Set<string>();
  for (const m of code.matchAll(/useTranslation\(\s*(?:'([\w-]+)')?/g)) found.add(m[1] ?? 'common');
  for (const m of code.matchAll(/\bns:\s*'([\w-]+)'/g)) found.add(m[1]!);
  for (const m of code.matchAll(/[`'](common|customers|home|plans|reasons|subscriptions|tools|validation):[\w.$]/g)) found.add(m[1]!);
  const messages = /import\s*\{([^}]*)\}\s*from\s*'[./]*(?:i18n\/)?messages'/.exec(code)?.[1] ?? '';
  if (/\bissueText\b/.test(messages)) found.add('validation');
  if (/\breasonText\b/.test(messages)) found.add('reasons');
  return found;
}

/** What `entry` and everything it imports read; lazy imports are followed, with the namespaces their importer loads alongside. */
function screenNamespaces(entry: string): { used: Map<string, string[]>; loadedAlongside: Set<string> } {
  const used = new Map<string, string[]>();
  const loadedAlongside = new Set<string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || file.includes(`${path.sep}i18n${path.sep}`)) continue;
    seen.add(file);
    const code = read(file);
    for (const ns of namespacesOf(code)) used.set(ns, [...(used.get(ns) ?? []), path.relative(src, file)]);
    for (const m of code.matchAll(/^import\s+(?!type\b)[^'";]*?from\s+'([^']+)'/gm)) {
      const next = resolve(file, m[1]!);
      if (next) queue.push(next);
    }
    for (const m of code.matchAll(/import\(\s*'([^']+)'\s*\)/g)) {
      const next = resolve(file, m[1]!);
      if (next) queue.push(next);
    }
    for (const m of code.matchAll(/loadNamespaces\(\[([^\]]*)\]\)/g)) for (const ns of m[1]!.matchAll(/'([\w-]+)'/g)) loadedAlongside.add(ns[1]!);
  }
  return { used, loadedAlongside };
}

/** The routes' screens and the namespaces each names, as written in src/app/router.tsx. */
function routeScreens(): { module: string; namespaces: string[] }[] {
  const router = read(path.join(src, 'app/router.tsx'));
  const aliases = new Map([...router.matchAll(/const (\w+) = \(\) => import\('([^']+)'\)/g)].map((m) => [m[1]!, m[2]!]));
  return [...router.matchAll(/screen\(async \(\) => \(await (?:import\('([^']+)'\)|(\w+)\(\))\)\.\w+, \[([^\]]*)\]/g)].map((m) => ({
    module: m[1] ?? aliases.get(m[2]!)!,
    namespaces: [...m[3]!.matchAll(/'([\w-]+)'/g)].map((ns) => ns[1]!),
  }));
}

describe('string namespaces per route', () => {
  const screens = routeScreens();

  it('finds every screen of the route table', () => {
    expect(screens.length).toBe(read(path.join(src, 'app/router.tsx')).match(/\.\.\.screen\(/g)?.length);
    for (const s of screens) expect(resolve(path.join(src, 'app/router.tsx'), s.module), s.module).toBeDefined();
  });

  it.each(screens.map((s) => [s.module, s] as const))('%s: its route names every namespace it reads', (_, { module, namespaces }) => {
    const { used, loadedAlongside } = screenNamespaces(resolve(path.join(src, 'app/router.tsx'), module)!);
    const named = new Set(['common', ...namespaces, ...loadedAlongside]);
    const missing = [...used].filter(([ns]) => !named.has(ns)).map(([ns, files]) => `${ns} (${[...new Set(files)].join(', ')})`);
    expect(missing).toEqual([]);
    // And nothing named for nothing (a stale entry downloads strings no one shows).
    expect(namespaces.filter((ns) => !used.has(ns))).toEqual([]);
  });

  it('the shell reads `common` only before there is something else to say (notices load `tools` themselves)', () => {
    const { used } = screenNamespaces(path.join(src, 'app/layout.tsx'));
    expect([...used.keys()].sort()).toEqual(['common', 'tools']);
    // The tools strings are read only inside the parts that show when there is a notice.
    for (const file of ['app/startup-notice.tsx', 'app/shared-state-prompt.tsx']) {
      const code = read(path.join(src, file));
      for (const fn of code.split(/^(?=(?:export )?function )/m).filter((part) => part.includes("useTranslation('tools')"))) {
        expect(fn, `${file}: a component reading tools is shown under <Suspense>`).toMatch(
          /^(?:export )?function (\w+Text|UnreadableNotice|SharedStateDialog|DroppedList)\b/,
        );
      }
    }
  });
});
