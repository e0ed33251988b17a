/**
 * The digest of a stored chunk's text (its stamp): two 32-bit FNV-1a style hashes and the
 * length. Not a secret, a check that the text is exactly what the app wrote. Its own module
 * because two threads compute it: the backend's worker when it writes, the state reader
 * (state-reader.ts) when the page loads.
 */
export function digestOf(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `j${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${text.length.toString(36)}`;
}
