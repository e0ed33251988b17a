/**
 * Browser-build stand-in for `tldts` (aliased in vite.config.ts). msw's cookie jar
 * (tough-cookie) only calls `getDomain()`, to reject cookies set on a public suffix and to
 * find stored cookies by parent domain. The real package ships the whole Public Suffix List
 * (~260 KB, most of the mock API's weight) for that. The mock API is same-origin, so the
 * list's default rule, "the last label is the public suffix", is enough: it gives the same
 * answer as the full list for every host of the form name.tld, localhost and IP addresses.
 * Only a cookie whose Domain is itself a multi-label suffix (co.uk) would be accepted where
 * the real list rejects it; the Node tests keep the real package.
 */

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const LABEL = /^[a-z0-9_-]+$/;

function hostnameOf(input: string): string | null {
  if (!input.includes('/')) return input;
  try {
    return new URL(input).hostname;
  } catch {
    return null;
  }
}

/** The registrable domain of a host ("a.b.example.com" → "example.com"), or null when there is none. */
export function getDomain(input: unknown, _options?: unknown): string | null {
  if (typeof input !== 'string') return null;
  const host = hostnameOf(input)?.toLowerCase().replace(/^\.+|\.+$/g, '');
  // IP addresses (v6 has a colon) have no domain; a numeric last label is never a TLD.
  if (!host || host.includes(':') || IPV4.test(host)) return null;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels.at(-1) ?? '')) return null;
  return labels.slice(-2).join('.');
}
