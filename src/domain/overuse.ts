/**
 * Overuse (SPEC §1.6): a subscription is Overused when what it uses of disk space or traffic is
 * above its own limit; its overuse policy (`overuse`) says what then happens.
 *
 * The five policies keep Plesk's meanings, from Plesk's XML API reference ("overuse … Allowed
 * values: block | notify | normal | not_suspend | not_suspend_notify"):
 * https://docs.plesk.com/en-US/obsidian/api-rpc/reference/managing-reseller-plans/reseller-plan-settings/limits.60480
 * (the same values for service plans: https://docs.plesk.com/en-US/obsidian/api-rpc/reference/managing-service-plans/service-plan-settings/limits.66453/)
 * - block: overuse is not allowed — usage cannot exceed the allocation (the subscription is suspended);
 * - notify: the same, and the reseller is sent an e-mail when a limit is reached;
 * - normal: overuse is allowed; the subscription is suspended when disk space or traffic reaches the limit;
 * - not_suspend: overuse is allowed; the subscription is not suspended;
 * - not_suspend_notify: overuse is allowed, not suspended, and the reseller is sent an e-mail.
 * The labels use the panel's own wording ("Overuse is not allowed", "Overuse is allowed", "Notify
 * me by email", Service Plans > plan > Resources: https://www.plesk.com/?p=165). They are the one
 * set both the plan page and the subscription page show.
 */
import type { Lang } from './format';
import { METERED_KEYS, UNLIMITED } from './types';
import type { MeteredKey, OverusePolicy, Subscription } from './types';

export interface OverusePolicyRule {
  /** Whether usage may go above a limit at all. */
  overuseAllowed: boolean;
  /** Whether an Overused subscription is suspended (reason `overuse`). */
  suspends: boolean;
  /** Whether the reseller is notified by e-mail. */
  notifies: boolean;
  label: { en: string; fr: string };
}

export const OVERUSE_POLICY_RULES: Readonly<Record<OverusePolicy, OverusePolicyRule>> = {
  block: {
    overuseAllowed: false,
    suspends: true,
    notifies: false,
    label: { en: 'Overuse is not allowed', fr: "Le dépassement n'est pas autorisé" },
  },
  notify: {
    overuseAllowed: false,
    suspends: true,
    notifies: true,
    label: { en: 'Overuse is not allowed, notify me by email', fr: "Le dépassement n'est pas autorisé, m'avertir par e-mail" },
  },
  normal: {
    overuseAllowed: true,
    suspends: true,
    notifies: false,
    label: {
      en: 'Overuse is allowed, suspend when disk space or traffic reaches the limit',
      fr: "Le dépassement est autorisé, suspendre quand l'espace disque ou le trafic atteint la limite",
    },
  },
  not_suspend: {
    overuseAllowed: true,
    suspends: false,
    notifies: false,
    label: { en: 'Overuse is allowed', fr: 'Le dépassement est autorisé' },
  },
  not_suspend_notify: {
    overuseAllowed: true,
    suspends: false,
    notifies: true,
    label: { en: 'Overuse is allowed, notify me by email', fr: "Le dépassement est autorisé, m'avertir par e-mail" },
  },
};

export function overusePolicyLabel(policy: string, lang: Lang): string {
  const rule = (OVERUSE_POLICY_RULES as Record<string, OverusePolicyRule | undefined>)[policy];
  return rule ? rule.label[lang === 'fr' ? 'fr' : 'en'] : policy;
}

/** The metered keys whose usage is above the subscription's own limit (Unlimited is never overused). */
export function overusedKeys(s: Pick<Subscription, 'values' | 'usage'>): MeteredKey[] {
  return METERED_KEYS.filter((k) => {
    const limit = s.values.resources[k];
    return limit !== UNLIMITED && s.usage[k] > limit;
  });
}

/** What the policy does to an Overused subscription. */
export function overuseOutcome(s: Pick<Subscription, 'values' | 'usage'>): { overused: MeteredKey[]; suspend: boolean; notify: boolean } {
  const overused = overusedKeys(s);
  const rule = OVERUSE_POLICY_RULES[s.values.resources.overuse] ?? OVERUSE_POLICY_RULES.normal;
  return { overused, suspend: overused.length > 0 && rule.suspends, notify: overused.length > 0 && rule.notifies };
}
