/**
 * The default system user (FTP/SSH login) of a new subscription, derived from its domain as the
 * panel suggests it: the domain without its top-level label, in login characters, at most 16
 * long, made unique with a number.
 */
const MAX_LENGTH = 16;

export function deriveSystemUser(domain: string, isTaken: (login: string) => boolean): string {
  const labels = domain.toLowerCase().split('.');
  const stem = (labels.length > 1 ? labels.slice(0, -1) : labels).join('_').replace(/[^a-z0-9._-]/g, '');
  let base = /^[a-z]/.test(stem) ? stem : `u${stem}`;
  base = base.slice(0, MAX_LENGTH).replace(/[._-]+$/, '') || 'user';
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = String(n);
    const candidate = `${base.slice(0, MAX_LENGTH - suffix.length).replace(/[._-]+$/, '')}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}
