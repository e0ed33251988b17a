/**
 * The plan page's form model: the API's `values` (bytes, -1 for Unlimited) as the form shows
 * them (an amount in a unit plus an Unlimited checkbox), and back. Validation is the domain's
 * `planUpdateSchema`, run on the converted values so the form and the API agree on every rule.
 */
import { domainResolver, type FormIssue } from '../../ui/field-error';
import { clampToAvailable, type ResourceTotals } from '../../domain/availability';
import { findCatalogueItem } from '../../domain/catalogue';
import { planUpdateSchema, validate } from '../../domain/schemas';
import {
  HOSTING_KEYS,
  NUMERIC_RESOURCE_KEYS,
  PERMISSION_KEYS,
  PHP_KEYS,
  UNLIMITED,
  type HostingParameters,
  type NumericResourceKey,
  type OverusePolicy,
  type PermissionKey,
  type PhpKey,
  type Reseller,
  type ServicePlan,
  type ValueGroup,
  type Values,
} from '../../domain/types';
import { bytesOf, sizeParts, type SizeUnit } from '../../domain/units';

export interface AmountValue {
  unlimited: boolean;
  /** As typed: a whole number for counts, a decimal (dot or comma) for sizes. */
  amount: string;
  /** Only sizes use it. */
  unit: SizeUnit;
}

export interface PlanFormValues {
  name: string;
  resources: Record<NumericResourceKey, AmountValue> & {
    overuse: OverusePolicy;
    expiration: { unlimited: boolean; date: string };
  };
  permissions: Record<PermissionKey, boolean>;
  hosting: HostingParameters;
  php: Record<PhpKey, string>;
}

export const isSize = (key: string) => findCatalogueItem('resources', key)?.type === 'size';

export function toFormValues(plan: Pick<ServicePlan, 'name' | 'values'>): PlanFormValues {
  const { resources, permissions, hosting, php } = plan.values;
  const numeric = {} as Record<NumericResourceKey, AmountValue>;
  for (const key of NUMERIC_RESOURCE_KEYS) {
    const value = resources[key];
    if (value === UNLIMITED) numeric[key] = { unlimited: true, amount: '', unit: isSize(key) ? 'GB' : 'MB' };
    else if (isSize(key)) numeric[key] = { unlimited: false, ...sizeParts(value) };
    else numeric[key] = { unlimited: false, amount: String(value), unit: 'MB' };
  }
  const expiration = resources.expiration;
  return {
    name: plan.name,
    resources: {
      ...numeric,
      overuse: resources.overuse,
      expiration:
        expiration === UNLIMITED || typeof expiration !== 'string' ? { unlimited: true, date: '' } : { unlimited: false, date: expiration.slice(0, 10) },
    },
    permissions: { ...permissions },
    hosting: { ...hosting },
    php: { ...php },
  };
}

const DECIMAL = /^\d+(?:[.,]\d+)?$/;
const WHOLE = /^\d+$/;

/** The form as API `values`; amounts that do not read as numbers become issues (and 0). */
export function readValues(form: PlanFormValues): { values: Values; issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  const resources = { overuse: form.resources.overuse } as Values['resources'];
  for (const key of NUMERIC_RESOURCE_KEYS) {
    const field = form.resources[key];
    if (field.unlimited) {
      resources[key] = UNLIMITED;
      continue;
    }
    const text = (field.amount ?? '').trim();
    // -1 is how the API spells Unlimited; someone used to it may type it.
    if (text === '-1') {
      resources[key] = UNLIMITED;
      continue;
    }
    const size = isSize(key);
    if (!(size ? DECIMAL : WHOLE).test(text)) {
      issues.push({ path: `resources.${key}.amount`, code: text === '' ? 'required' : size ? 'invalid_size' : 'invalid_count' });
      resources[key] = 0;
      continue;
    }
    const amount = Number(text.replace(',', '.'));
    resources[key] = size ? bytesOf(amount, field.unit) : amount;
  }
  const expiration = form.resources.expiration;
  if (expiration.unlimited) resources.expiration = UNLIMITED;
  else if (expiration.date.trim() === '') {
    issues.push({ path: 'resources.expiration.date', code: 'required' });
    resources.expiration = UNLIMITED;
  } else resources.expiration = expiration.date.trim();

  const permissions = {} as Values['permissions'];
  for (const key of PERMISSION_KEYS) permissions[key] = Boolean(form.permissions[key]);
  const hosting = {} as Record<string, unknown>;
  for (const key of HOSTING_KEYS) hosting[key] = form.hosting[key];
  const php = {} as Values['php'];
  for (const key of PHP_KEYS) php[key] = form.php[key] ?? '';
  return { values: { resources, permissions, hosting: hosting as unknown as HostingParameters, php }, issues };
}

/** Where an API issue path (`values.resources.disk_space`) shows in the form. */
export function formPathOf(apiPath: string): string | undefined {
  if (apiPath === 'name') return 'name';
  const parts = apiPath.replace(/^values\./, '').split('.');
  const [group, key] = parts;
  if (!group || !key) return undefined;
  if (group === 'resources') {
    if (key === 'expiration') return 'resources.expiration.date';
    if ((NUMERIC_RESOURCE_KEYS as readonly string[]).includes(key)) return `resources.${key}.amount`;
    return key === 'overuse' ? 'resources.overuse' : undefined;
  }
  if (group === 'permissions' || group === 'hosting' || group === 'php') return `${group}.${key}`;
  return undefined;
}

/** The tab a form path lives on. */
export function groupOfPath(path: string): ValueGroup | 'name' {
  const group = path.split('.')[0];
  return group === 'resources' || group === 'permissions' || group === 'hosting' || group === 'php' ? group : 'name';
}

/**
 * Every problem of the form, as domain codes at form paths: amounts that are not numbers, then
 * whatever the domain schema refuses in the converted values.
 */
export function planFormIssues(form: PlanFormValues): FormIssue[] {
  const { values, issues } = readValues(form);
  const result = validate(planUpdateSchema, { name: form.name, values });
  if (!result.ok) {
    for (const issue of result.issues) {
      const path = formPathOf(issue.path);
      if (path) issues.push({ path, code: issue.code, ...(issue.params ? { params: issue.params } : {}) });
    }
  }
  return issues;
}

/** The domain's planUpdateSchema on the converted values decides; issues keep their codes and params. */
export const planResolver = domainResolver<PlanFormValues>((form) => {
  const issues = planFormIssues(form);
  return issues.length === 0 ? { ok: true, value: form } : { ok: false, issues };
});

const NOTHING_HELD = Object.fromEntries(NUMERIC_RESOURCE_KEYS.map((k) => [k, 0])) as ResourceTotals;

export interface LackingItem {
  group: ValueGroup;
  key: string;
  planValue: number | string | boolean;
  availableValue: number | string | boolean;
}

/**
 * What the plan offers that the reseller cannot give at all (a permission it lacks, a limit
 * below the plan value): the domain's own availability rule, before anything is consumed.
 */
export function lackingItems(values: Values, reseller: Reseller): LackingItem[] {
  return clampToAvailable(values, reseller, NOTHING_HELD).conflicts;
}
