import { useEffect, useRef, type RefObject } from 'react';

/**
 * After an action that makes its own button not apply any more (Suspend: the record is now
 * suspended, so Suspend is disabled), the browser drops the focus to the page. `handOff(ref)`
 * moves it to `ref` — the action that now applies — on the render where `state` changes and that
 * button can take the focus.
 */
export function useFocusHandoff(state: unknown): (to: RefObject<HTMLElement | null>) => void {
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
