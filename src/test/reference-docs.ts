/**
 * Reference pages for outside QA teams, generated from the sources of truth so they cannot drift:
 * docs/strings.md (every interface string, problem code and catalogue label, English and French)
 * and docs/scenarios.md (per-scenario facts, computed from the scenarios themselves).
 * `npm run docs` writes them (with docs/openapi.json); src/test/reference-docs.test.ts fails when
 * a committed page is not what the sources say.
 */
import { CATALOGUE } from '../domain/catalogue';
import { SCENARIOS, type ScenarioName } from '../domain/contract';
import { syncState } from '../domain/sync-engine';
import { buildScenario, loadScenario } from '../mock-api/scenarios';

// The provider-sized scenarios live in a module of their own (mass-scenarios.ts).
await loadScenario('large');

type Catalogue = Record<string, unknown>;

/** `{ "a": { "b": "x" } }` → `[["a.b", "x"]]`, keys in file order. */
function flatten(node: unknown, prefix = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[prefix, node]];
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

/** Markdown table cell: pipes escaped, line breaks kept visible. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

/** The catalogues of domain codes, shown in their own sections rather than as screen strings. */
const CODE_NAMESPACES = ['validation', 'reasons'];

function codeRows(catalogues: Record<'en' | 'fr', Record<string, Catalogue>>, ns: string): string[] {
  const fr = new Map(flatten(catalogues.fr[ns]));
  return flatten(catalogues.en[ns]).map(([code, en]) => `| \`${code}\` | ${cell(en)} | ${cell(fr.get(code) ?? '')} |`);
}

export function stringsPage(catalogues: Record<'en' | 'fr', Record<string, Catalogue>>): string {
  const screens = Object.keys(catalogues.en).filter((ns) => !CODE_NAMESPACES.includes(ns));
  const out: string[] = [
    '# Interface strings, problem codes and labels (English / French)',
    '',
    "Generated from the app's own catalogues by `npm run docs`: do not edit by hand. Use it to",
    'write assertions: a status message, a field label, a button name, an error sentence. `{{name}}`',
    'is filled in by the app (a count, a domain…); keys ending in `_one` / `_other` are the singular',
    'and plural forms of one message (French uses `_one` for 0 and 1).',
    '',
    '## Contents',
    '',
    '- [Field and item labels (the catalogue)](#field-and-item-labels-the-catalogue)',
    '- [Validation and problem codes](#validation-and-problem-codes)',
    '- [Why an action does not apply](#why-an-action-does-not-apply)',
    ...screens.map((ns) => `- [Screen strings: \`${ns}\`](#screen-strings-${ns})`),
    '',
    '## Field and item labels (the catalogue)',
    '',
    'Every resource, permission, hosting parameter and PHP setting, as the plan, Customize and',
    'overview screens label them. Sizes are bytes in the API; `-1` is Unlimited / Illimité.',
    '',
    '| group | key | English | French |',
    '|---|---|---|---|',
    ...CATALOGUE.map((item) => `| ${item.group} | \`${item.key}\` | ${cell(item.label.en)} | ${cell(item.label.fr)} |`),
    '',
    '## Validation and problem codes',
    '',
    'A 422 (and a 409 on a duplicate) carries `issues: [{ path, code, params? }]`; the app shows the',
    'sentence for the code next to the field named by `path`. `{{max}}`, `{{min}}` and',
    '`{{available}}` come from `params` (`available` formatted like the item, e.g. 500 GB).',
    '',
    '| code | English | French |',
    '|---|---|---|',
    ...codeRows(catalogues, 'validation'),
    '',
    '## Why an action does not apply',
    '',
    'A subscription action that does not apply is disabled and described by one of these (the',
    "button's accessible description); the API answers 409 `not-allowed` with the same `code`.",
    '',
    '| code | English | French |',
    '|---|---|---|',
    ...codeRows(catalogues, 'reasons'),
  ];
  for (const ns of screens) {
    const en = flatten(catalogues.en[ns]);
    const fr = new Map(flatten(catalogues.fr[ns]));
    out.push('', `## Screen strings: \`${ns}\``, '', '| key | English | French |', '|---|---|---|');
    for (const [key, text] of en) out.push(`| \`${key}\` | ${cell(text)} | ${cell(fr.get(key) ?? '')} |`);
  }
  return `${out.join('\n')}\n`;
}

const SCENARIO_INTRO: Record<ScenarioName, string> = {
  default: 'A realistic reseller with records in every state.',
  empty: 'The reseller and its plans; no customers, no subscriptions.',
  'sync-failure': "The user guide's example: Premium grants what the reseller lacks; shop.example.com is Unsynced.",
  large: '10,000 subscriptions, 2,000 customers, 20 plans (only totals and plans are listed).',
  xlarge: '50,000 subscriptions, 10,000 customers, 50 plans: a provider-sized reseller (only totals and plans are listed).',
};

export function scenariosPage(): string {
  const out: string[] = [
    '# Scenario facts',
    '',
    'Generated from the scenarios themselves by `npm run docs`: do not edit by hand. Every',
    'scenario is deterministic (same ids, names and dates every time), so these can be asserted.',
  ];
  for (const name of SCENARIOS) {
    const s = buildScenario(name);
    const subs = s.subscriptions;
    const byState = (list: typeof subs) => {
      const c = { synced: 0, unsynced: 0, locked: 0, custom: 0 };
      for (const sub of list) c[syncState(sub)]++;
      return c;
    };
    const total = byState(subs);
    out.push(
      '',
      `## \`${name}\``,
      '',
      SCENARIO_INTRO[name],
      '',
      `Reseller **${s.reseller.name}**, overselling ${s.reseller.oversell ? 'on' : 'off'}; ${s.customers.length} customers, ${s.plans.length} plans, ${subs.length} subscriptions ` +
        `(synced ${total.synced}, unsynced ${total.unsynced}, locked ${total.locked}, custom ${total.custom}; suspended ${subs.filter((x) => x.status === 'suspended').length}).`,
      `Permissions the reseller lacks: ${
        Object.entries(s.reseller.permissions)
          .filter(([, on]) => !on)
          .map(([k]) => `\`${k}\``)
          .join(', ') || 'none'
      }.`,
      '',
      '| plan | id | kind | subscriptions | synced | unsynced | locked |',
      '|---|---|---|---|---|---|---|',
    );
    for (const plan of s.plans) {
      const using = subs.filter((x) => x.planId === plan.id || x.addonIds.includes(plan.id));
      const c = byState(using);
      out.push(`| ${cell(plan.name)} | \`${plan.id}\` | ${plan.kind} | ${using.length} | ${c.synced} | ${c.unsynced} | ${c.locked} |`);
    }
    if (name === 'large' || name === 'xlarge') continue;
    const owner = new Map(s.customers.map((c) => [c.id, c]));
    const planName = new Map(s.plans.map((p) => [p.id, p.name]));
    out.push('', '| customer | id | login | status | subscriptions |', '|---|---|---|---|---|');
    for (const c of s.customers) {
      out.push(`| ${cell(c.contactName)} | \`${c.id}\` | \`${c.login}\` | ${c.status} | ${subs.filter((x) => x.ownerId === c.id).length} |`);
    }
    out.push('', '| subscription | id | subscriber | plan | state | status | websites |', '|---|---|---|---|---|---|---|');
    for (const x of subs) {
      const who = x.ownerId === null ? `${s.reseller.name} (own)` : (owner.get(x.ownerId)?.contactName ?? x.ownerId);
      const plan = x.planId === null ? '—' : (planName.get(x.planId) ?? x.planId);
      out.push(`| ${cell(x.domain)} | \`${x.id}\` | ${cell(who)} | ${cell(plan)} | ${syncState(x)} | ${x.status} | ${x.websites.length} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
