/**
 * Websites, domains, subdomains and aliases of a subscription (SPEC §1.5). Pure functions over
 * plain data: they return a new subscription, or the rule that refuses the change. What the
 * rest of the panel holds (names taken elsewhere) comes in as a function, so the mock API can
 * answer it from an index.
 */
import { z } from 'zod/mini';
import { domainSchema } from './schemas';
import { UNLIMITED } from './types';
import type { MeteredKey, Subscription, SubscriptionUsage, Website, WebsiteKind } from './types';

/** The limit each kind of name counts against: the subscription's own values. */
export const LIMIT_OF = { domain: 'max_site', subdomain: 'max_subdom', alias: 'max_dom_aliases' } as const;
export type CountedKind = keyof typeof LIMIT_OF;
export type CountedLimit = (typeof LIMIT_OF)[CountedKind];

/** The issue code of a refusal beyond a limit (409), translated by `issueSentence`. */
export const LIMIT_CODES: Record<CountedLimit, string> = {
  max_site: 'limit_max_site',
  max_subdom: 'limit_max_subdom',
  max_dom_aliases: 'limit_max_dom_aliases',
};

export const websiteCreateSchema = z.object({
  name: domainSchema,
  kind: z.enum(['domain', 'subdomain'], { error: 'invalid_option' }),
});
export const aliasCreateSchema = z.object({ name: domainSchema });

export type WebsiteRefusal =
  /** 409: beyond the subscription's own limit. */
  | { status: 409; code: 'limit_reached'; limit: CountedLimit; allowed: number }
  /** 409: the name is used somewhere in the panel. */
  | { status: 409; code: 'taken' }
  /** 409: the main domain goes only with the subscription. */
  | { status: 409; code: 'main_domain' }
  /** 422: a subdomain must end in "." + one of the subscription's domains. */
  | { status: 422; code: 'subdomain_outside' }
  /** 422: aliases belong to domains, not subdomains. */
  | { status: 422; code: 'not_a_domain' }
  /** 404: no such website or alias on this subscription. */
  | { status: 404; code: 'not_found' };

export type WebsiteResult = { ok: true; subscription: Subscription } | { ok: false; refusal: WebsiteRefusal };

const ZERO_USAGE: Readonly<Record<MeteredKey, number>> = Object.freeze({ disk_space: 0, max_traffic: 0 });

export function newWebsite(name: string, kind: WebsiteKind, parent: string | null, usage: Record<MeteredKey, number> = ZERO_USAGE): Website {
  return { name, kind, parent, aliases: [], usage: { disk_space: usage.disk_space, max_traffic: usage.max_traffic } };
}

/** What a subscription uses (SPEC §1.5): bytes summed over its websites, names counted. */
export function usageOf(sites: readonly Website[]): SubscriptionUsage {
  const usage: SubscriptionUsage = { disk_space: 0, max_traffic: 0, max_site: 0, max_subdom: 0, max_dom_aliases: 0 };
  for (const w of sites) {
    usage.disk_space += w.usage.disk_space;
    usage.max_traffic += w.usage.max_traffic;
    if (w.kind === 'domain') usage.max_site++;
    else usage.max_subdom++;
    usage.max_dom_aliases += w.aliases.length;
  }
  return usage;
}

/** The subscription with these websites: `websites` (names) and `usage` follow. */
export function withSites(s: Subscription, sites: Website[]): Subscription {
  return { ...s, sites, websites: sites.map((w) => w.name), usage: usageOf(sites) };
}

/** Every name a subscription holds: its websites and their aliases (lowercase). */
export function namesOf(s: Pick<Subscription, 'sites'>): string[] {
  const names: string[] = [];
  for (const w of s.sites) {
    names.push(w.name);
    for (const a of w.aliases) names.push(a);
  }
  return names;
}

/** The subscription's domain a name is a subdomain of (the longest match), or undefined. */
export function parentDomainOf(s: Pick<Subscription, 'sites'>, name: string): string | undefined {
  let best: string | undefined;
  for (const w of s.sites) {
    if (w.kind === 'domain' && name.endsWith(`.${w.name}`) && (!best || w.name.length > best.length)) best = w.name;
  }
  return best;
}

/**
 * Websites from a list of names, main domain first (scenarios, older saved states): a name under
 * one of the domains before it is a subdomain, any other an additional domain.
 */
export function sitesFromNames(
  names: readonly string[],
  usageOfName: (name: string, index: number) => Record<MeteredKey, number> = () => ZERO_USAGE,
): Website[] {
  const sites: Website[] = [];
  names.forEach((name, i) => {
    const parent = i === 0 ? undefined : parentDomainOf({ sites }, name);
    sites.push(newWebsite(name, parent ? 'subdomain' : 'domain', parent ?? null, usageOfName(name, i)));
  });
  return sites;
}

function limitRefusal(s: Subscription, kind: CountedKind): WebsiteRefusal | undefined {
  const limit = LIMIT_OF[kind];
  const allowed = s.values.resources[limit];
  if (allowed === UNLIMITED) return undefined;
  return usageOf(s.sites)[limit] >= allowed ? { status: 409, code: 'limit_reached', limit, allowed } : undefined;
}

const refuse = (refusal: WebsiteRefusal): WebsiteResult => ({ ok: false, refusal });

/**
 * Add Domain / Add Subdomain. `isTaken(name)` answers for the whole panel (every subscription's
 * websites and aliases); this subscription's own names are checked here too.
 */
export function addWebsite(s: Subscription, input: { name: string; kind: WebsiteKind }, isTaken: (name: string) => boolean): WebsiteResult {
  const name = input.name.toLowerCase();
  let parent: string | null = null;
  if (input.kind === 'subdomain') {
    parent = parentDomainOf(s, name) ?? null;
    if (parent === null) return refuse({ status: 422, code: 'subdomain_outside' });
  }
  const over = limitRefusal(s, input.kind);
  if (over) return refuse(over);
  if (namesOf(s).includes(name) || isTaken(name)) return refuse({ status: 409, code: 'taken' });
  return { ok: true, subscription: withSites(s, [...s.sites, newWebsite(name, input.kind, parent)]) };
}

/** What removing a website takes with it: its subdomains and every alias of the removed ones. */
export function removalOf(s: Pick<Subscription, 'sites'>, name: string): { websites: string[]; aliases: string[] } | undefined {
  const target = s.sites.find((w) => w.name === name);
  if (!target) return undefined;
  const removed = s.sites.filter((w) => w.name === name || (target.kind === 'domain' && w.parent === name));
  return { websites: removed.map((w) => w.name), aliases: removed.flatMap((w) => w.aliases) };
}

/** Remove a website; a domain goes with its subdomains and aliases. The main domain cannot go alone. */
export function removeWebsite(s: Subscription, name: string): WebsiteResult {
  const removal = removalOf(s, name);
  if (!removal) return refuse({ status: 404, code: 'not_found' });
  if (s.sites[0]?.name === name) return refuse({ status: 409, code: 'main_domain' });
  const gone = new Set(removal.websites);
  return {
    ok: true,
    subscription: withSites(
      s,
      s.sites.filter((w) => !gone.has(w.name)),
    ),
  };
}

/** Add Alias to one of the subscription's domains. */
export function addAlias(s: Subscription, website: string, alias: string, isTaken: (name: string) => boolean): WebsiteResult {
  const target = s.sites.find((w) => w.name === website);
  if (!target) return refuse({ status: 404, code: 'not_found' });
  if (target.kind !== 'domain') return refuse({ status: 422, code: 'not_a_domain' });
  const over = limitRefusal(s, 'alias');
  if (over) return refuse(over);
  const name = alias.toLowerCase();
  if (namesOf(s).includes(name) || isTaken(name)) return refuse({ status: 409, code: 'taken' });
  return {
    ok: true,
    subscription: withSites(
      s,
      s.sites.map((w) => (w === target ? { ...w, aliases: [...w.aliases, name] } : w)),
    ),
  };
}

export function removeAlias(s: Subscription, website: string, alias: string): WebsiteResult {
  const target = s.sites.find((w) => w.name === website);
  if (!target || !target.aliases.includes(alias)) return refuse({ status: 404, code: 'not_found' });
  return {
    ok: true,
    subscription: withSites(
      s,
      s.sites.map((w) => (w === target ? { ...w, aliases: w.aliases.filter((a) => a !== alias) } : w)),
    ),
  };
}

/** The simulated usage of one website (Prototype tools, PATCH /_mock/usage); fields left out are kept. */
export function setWebsiteUsage(s: Subscription, website: string, usage: Partial<Record<MeteredKey, number>>): WebsiteResult {
  const target = s.sites.find((w) => w.name === website);
  if (!target) return refuse({ status: 404, code: 'not_found' });
  const next: Website = {
    ...target,
    usage: { disk_space: usage.disk_space ?? target.usage.disk_space, max_traffic: usage.max_traffic ?? target.usage.max_traffic },
  };
  return {
    ok: true,
    subscription: withSites(
      s,
      s.sites.map((w) => (w === target ? next : w)),
    ),
  };
}
