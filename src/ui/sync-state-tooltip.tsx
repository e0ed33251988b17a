import { useEffect, useMemo, useState, type RefObject } from 'react';
import { Tooltip, TooltipTriggerStateContext } from 'react-aria-components';

const HOVER_DELAY_MS = 300;

/**
 * The tooltip of a sync-state badge (React Aria's Tooltip, standalone on the badge's button).
 * Loaded on the first hover or focus of a badge, so lists do not load React Aria at start-up.
 * Shows on keyboard focus at once and on hover after a short delay; hides on leave, blur and
 * Escape. The button's description is the badge's own hidden text, there whether the tooltip is
 * open or not (this module no longer touches aria-describedby).
 *
 * Why it still provides TooltipTriggerStateContext: in react-aria-components 1.22.1 a controlled
 * `<Tooltip isOpen triggerRef>` without a TooltipTrigger renders nothing useful — its inner part
 * reads the trigger state from that context only (`TooltipInner`: `useContext(...)`, null when
 * standalone), so the open tooltip throws. `TooltipTrigger` itself needs its child to be a React
 * Aria `Focusable`/`Button` rendered with it, i.e. React Aria on every list at start-up, which is
 * what loading this module lazily avoids. So the context is provided here, built from our own
 * state (the public export, with the fields the Tooltip reads). Drop it when a standalone Tooltip
 * works (tried on 1.22.1: e2e/subscriptions.spec.ts's hover step fails without it).
 */
export default function SyncStateTooltip({ triggerRef, text }: { triggerRef: RefObject<HTMLButtonElement | null>; text: string }) {
  const [isOpen, setOpen] = useState(false);

  useEffect(() => {
    const trigger = triggerRef.current;
    if (!trigger) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => setOpen(true), delay);
    };
    const hide = () => {
      clearTimeout(timer);
      setOpen(false);
    };
    const keyboardFocused = () => document.activeElement === trigger && trigger.matches(':focus-visible');
    const onPointerEnter = () => show(HOVER_DELAY_MS);
    const onPointerLeave = () => {
      if (!keyboardFocused()) hide();
    };
    const onFocus = () => {
      if (keyboardFocused()) show(0);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') hide();
    };
    const listening = new AbortController();
    const on = <K extends keyof HTMLElementEventMap>(type: K, listener: (event: HTMLElementEventMap[K]) => void) =>
      trigger.addEventListener(type, listener, { signal: listening.signal });
    on('pointerenter', onPointerEnter);
    on('pointerleave', onPointerLeave);
    on('focus', onFocus);
    on('blur', hide);
    on('pointerdown', hide);
    on('keydown', onKeyDown);
    // The hover or focus that loaded this module happened before it was here.
    if (keyboardFocused()) show(0);
    else if (trigger.matches(':hover')) show(HOVER_DELAY_MS);
    return () => {
      clearTimeout(timer);
      listening.abort();
    };
  }, [triggerRef]);

  const state = useMemo(() => ({ isOpen, shouldSkipAnimation: false, open: () => setOpen(true), close: () => setOpen(false) }), [isOpen]);
  return (
    <TooltipTriggerStateContext.Provider value={state}>
      <Tooltip triggerRef={triggerRef} isOpen={isOpen} onOpenChange={setOpen} className="tooltip" placement="top">
        {text}
      </Tooltip>
    </TooltipTriggerStateContext.Provider>
  );
}
