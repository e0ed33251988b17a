import { REQUEST_LIMITS } from '../domain/limits';
/**
 * A whole state in a link (`#state=…`): the exported document, deflated and base64url-encoded,
 * so a designer can hand someone else the exact state on screen. Loading one goes through the
 * import (PUT /_mock/state), so it obeys every rule an import does.
 */

/** Longer links are refused (export a file instead): some tools and chat apps cut long URLs. */
export const MAX_STATE_LINK_CHARS = 100_000;
export const STATE_FRAGMENT = 'state=';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The `#state=` value for a state document. */
export async function encodeStateLink(doc: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(doc));
  return toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** The state document of a `#state=` value; throws when it is not one this app wrote. */
export async function decodeStateLink(value: string): Promise<unknown> {
  if (value.length > MAX_STATE_LINK_CHARS || !/^[A-Za-z0-9_-]+$/.test(value)) throw new Error('not a state link');
  const bytes = await pipe(fromBase64Url(value), new DecompressionStream('deflate-raw'));
  // A link is small, but what it inflates to need not be: the import's own size limit applies.
  if (bytes.length > REQUEST_LIMITS.importBytes) throw new Error('too large');
  return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
}

/** Takes `#state=…` out of the address (once read it must not be loaded again on reload). */
export function takeStateFragment(): string | undefined {
  const hash = window.location.hash.slice(1);
  if (!hash.startsWith(STATE_FRAGMENT)) return undefined;
  const url = new URL(window.location.href);
  url.hash = '';
  window.history.replaceState(window.history.state, '', url);
  return hash.slice(STATE_FRAGMENT.length);
}
