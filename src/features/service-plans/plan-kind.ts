import type { PlanKind } from '../../domain/types';

export const PLAN_KINDS: readonly PlanKind[] = ['hosting', 'addon'];

/** `?kind=` as a plan kind: anything but `addon` means the hosting plans (the default tab). */
export function kindOf(value: string | undefined | null): PlanKind {
  return value === 'addon' ? 'addon' : 'hosting';
}
