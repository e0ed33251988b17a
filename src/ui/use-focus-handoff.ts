import { useEffect, useRef, type RefObject } from 'react';

/**
 * After an action that makes its own button not apply any more (Suspend: the record is now
 * suspended, so Suspend is disabled), the browser drops the focus to the page. Call `handOff(ref)`
 * when the action starts — before the state can change — and the focus moves to `ref`, the action
 * that then applies, on the render where `state` changes and that button can take it.
 * `handOff(null)` when the action failed.
 */
export function useFocusHandoff(state: unknown): (to: RefObject<HTMLElement | null> | null) => void {
  const pending = useRef<RefObject<HTMLElement | null> | null>(null);
  useEffect(() => {
    const element = pending.current?.current;
    if (!element || (element as HTMLButtonElement).disabled) return;
    pending.current = null;
    element.focus();
  }, [state]);
  return (to) => {
    pending.current = to;
  };
}
